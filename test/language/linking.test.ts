import { strict as assert } from 'node:assert';
import { buildFiles, diagnosticsOf, messages } from '../helpers/language.js';
import type { Model } from '../../server/src/generated/ast.js';

describe('linking and imports', () => {
    it('resolves references across a transitive import closure, relative to the importing file', async () => {
        const { docs } = await buildFiles({
            'main.topo': 'import "common/services.topo"\nservice portal { runs on seoul, busan depends on auth }',
            'common/services.topo': 'import "sites.topo"\nservice auth { runs on seoul }',
            'common/sites.topo': 'import "services.topo" // a cycle\nsite seoul\nsite busan'
        });
        for (const doc of Object.values(docs)) assert.deepEqual(messages(doc.diagnostics ?? []), [], doc.uri.toString());
        const portal = (docs['main.topo'].parseResult.value as Model).elements[0];
        const runsOn = portal.statements[0];
        assert.equal(runsOn.$type, 'RunsOn');
        if (runsOn.$type === 'RunsOn') assert.equal(runsOn.deployments[0].domain.ref?.name, 'seoul');
    });

    it('does not resolve a name from a file that is not imported, and says which import would', async () => {
        const { docs } = await buildFiles({
            'main.topo': 'service portal { runs on seoul }',
            'sites/korea.topo': 'site seoul'
        });
        const errors = messages(docs['main.topo'].diagnostics ?? []);
        assert.equal(errors.length, 1);
        assert.match(errors[0], /`seoul` is declared in sites\/korea.topo, which this file does not import: add `import "sites\/korea.topo"`/);
    });

    it('reports an unknown name plainly', async () => {
        const errors = messages(await diagnosticsOf('service portal { depends on nothing-here }'));
        assert.deepEqual(errors, ['`nothing-here` is not declared in this file or in anything it imports.']);
    });

    it('reports a missing import on the import', async () => {
        const { docs } = await buildFiles({ 'main.topo': 'import "gone.topo"\nsite a' });
        const diagnostics = docs['main.topo'].diagnostics ?? [];
        assert.equal(diagnostics.length, 1);
        assert.match(diagnostics[0].message, /Cannot import "gone.topo": gone.topo does not exist/);
        assert.equal(diagnostics[0].range.start.line, 0);
    });

    it('rejects the wrong kind of reference, naming the expected kind', async () => {
        const errors = messages(await diagnosticsOf(`
            site a
            service auth { runs on a }
            service web { runs on auth uses a monitors a backup on a }
            datastore db { runs on a backup on auth }
            site b in a
            infra grid in auth
        `));
        assert.ok(errors.includes('`runs on` expects a failure domain (region, site or infra), but `auth` is a service.'), errors.join('\n'));
        assert.ok(errors.includes('`uses` expects a service or datastore, but `a` is a site.'), errors.join('\n'));
        assert.ok(!errors.some(e => e.startsWith('`monitors`')), 'monitors takes any element');
        assert.ok(errors.includes('`backup on` expects a failure domain (region, site or infra), but `auth` is a service.'), errors.join('\n'));
        assert.ok(errors.includes('`in` on a site expects a region, but `a` is a site.'), errors.join('\n'));
        assert.ok(errors.includes('`in` on an infra expects a site or region, but `auth` is a service.'), errors.join('\n'));
        assert.ok(errors.some(e => /`backup on` is not allowed in a service/.test(e)), errors.join('\n'));
    });

    it('reports duplicate names within a file, across an import, and brought in by two imports', async () => {
        const same = messages(await diagnosticsOf('site a\nsite a'));
        assert.equal(same.length, 1);
        assert.match(same[0], /Duplicate name `a`: already declared on line 1/);

        const { docs } = await buildFiles({
            'main.topo': 'import "x.topo"\nimport "y.topo"\nsite b',
            'x.topo': 'site a\nsite b',
            'y.topo': 'site a'
        });
        const main = messages(docs['main.topo'].diagnostics ?? []);
        assert.ok(main.some(m => /Duplicate name `b`: already declared in x.topo \(line 2\)/.test(m)), main.join('\n'));
        assert.ok(main.some(m => /The imports bring in `a` twice/.test(m)), main.join('\n'));
        assert.deepEqual(messages(docs['x.topo'].diagnostics ?? []), []);
        assert.deepEqual(messages(docs['y.topo'].diagnostics ?? []), []);
    });
});
