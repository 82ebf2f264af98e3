/**
 * From text to findings through the language layer: what a file with errors still reports (and
 * what it must not), and the statements that have no effect without a placement.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { buildFiles } from '../helpers/language.js';

async function findingsOf(text: string): Promise<string[]> {
    const { services, docs } = await buildFiles({ 'main.topo': text });
    const built = closureModel(services, docs['main.topo']);
    return analyze(built.model).findings.map(f => `${f.code} ${f.subject}`);
}

describe('findings from text', () => {
    it('reads targets, lag, backup intervals and tier policies (the first policy of a tier counts)', async () => {
        const text = 'site a\nsite g\ndatastore d {\n  runs on a\n  replication async lag 30s\n  backup on g every 1h\n  rto 2h\n  rpo 5m\n  survive 1\n}\n' +
            'policy tier normal {\n  rto 1h\n  survive 2\n}\npolicy tier normal { rpo 1m }\n';
        const { services, docs } = await buildFiles({ 'main.topo': text });
        const { model } = closureModel(services, docs['main.topo']);
        const d = model.elements.find(e => e.name === 'd')!;
        assert.deepEqual([d.replicationLag, d.backupEvery, d.rto, d.rpo, d.survive], [0.5, { g: 60 }, 120, 5, 1]);
        assert.deepEqual(model.policies, [{ tier: 'normal', rto: 60, survive: 2 }]);
    });

    it('reports nothing built on a statement that did not parse', async () => {
        const found = await findingsOf('site b\nservice t { runs on b }\nservice low-x { runs on service }\nservice u { depends on low-x  runs on b }\n');
        assert.deepEqual(found.sort(), ['spof t']);
    });

    it('reports nothing built on a value that did not validate', async () => {
        assert.deepEqual(await findingsOf('site x\nsite z\nservice s { depends on 3 of (x, z) }\n'), []);
        assert.deepEqual(await findingsOf('site a\nsite b\nservice s { runs on a (3000000000), b (3000000000)  quorum 4000000000 }\n'), []);
    });

    it('still reports what does not need the broken part', async () => {
        const found = await findingsOf('site a\nservice ok { runs on a }\nservice broken { runs on a  quorum 0 }\n');
        assert.deepEqual(found, ['spof ok']);
    });

    it('warns of capacity without runs on, and does not degrade the service for it', async () => {
        const text = 'site a\nservice db { runs on a (2) }\nservice api { depends on db  capacity 3  users 5000 }\n';
        assert.deepEqual((await findingsOf(text)).sort(), ['capacity-unplaced api', 'spof api', 'spof db']);
        const { services, docs } = await buildFiles({ 'main.topo': text });
        const r = analyze(closureModel(services, docs['main.topo']).model);
        assert.deepEqual(r.domains.find(d => d.name === 'a')!.degraded, []);
    });

    it('warns of failover without a standby deployment', async () => {
        const found = await findingsOf('site a\nsite b\nservice x { runs on a, b  failover 30m }\nservice y { runs on a, b (standby)  failover 30m }\n');
        assert.deepEqual(found.filter(f => f.startsWith('failover')), ['failover-unused x']);
    });

    it('lets monitors watch any element', async () => {
        const found = await findingsOf('site a\ninfra backbone in a\nservice tool { runs on a  monitors backbone }\n');
        assert.ok(found.includes('observer-shares-fate tool'), found.join(', '));
    });
});
