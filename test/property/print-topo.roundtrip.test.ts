/**
 * The printed counterexamples are real `.topo`: a random model printed by print-topo, loaded
 * back through the language layer (parse, link, validate, build), has no language error and
 * gives back the same model. This keeps the printer honest, and checks that the generated
 * models are valid per the language (so a counterexample is one a user could write).
 */

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { hasLanguageErrors, loadFiles, rootModel } from '../../server/src/cli/load-models.js';
import type { Element, Model } from '../../server/src/analysis/model.js';
import { modelArb } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_ROUNDTRIP_RUNS ?? 150);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

/** the fields the analysis reads, in a canonical form */
function canonical(e: Element): unknown {
    return {
        name: e.name, kind: e.kind, container: e.container ?? null,
        dependsOn: e.dependsOn.map(t => ({ form: t.form, k: t.k, members: t.members })),
        availability: e.availability ?? null, recovery: e.recovery ?? null,
        deployments: e.deployments.map(d => ({ domain: d.domain, replicas: d.replicas, standby: d.standby })),
        quorum: e.quorum ?? null, capacity: e.capacity ?? null, failover: e.failover ?? null,
        uses: e.uses, monitors: e.monitors, users: e.users, tier: e.tier, slo: e.slo ?? null,
        replication: e.replication ?? null, backups: e.backups,
        replicationLag: e.replicationLag ?? null, backupEvery: e.backupEvery ?? null,
        rto: e.rto ?? null, rpo: e.rpo ?? null, survive: e.survive ?? null
    };
}

function sameModel(a: Model, b: Model): string[] {
    const diffs: string[] = [];
    const bm = new Map(b.elements.map(e => [e.name, e]));
    if (a.elements.length !== b.elements.length) diffs.push(`${a.elements.length} elements, loaded ${b.elements.length}`);
    for (const e of a.elements) {
        const f = bm.get(e.name);
        if (f === undefined) { diffs.push(`${e.name} not loaded`); continue; }
        // percentages and durations are read back as decimals: 99.9 / 100 may be 0.9990000000000001
        const round = (_: string, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
        const x = JSON.stringify(canonical(e), round);
        const y = JSON.stringify(canonical(f), round);
        if (x !== y) diffs.push(`${e.name}:\n    printed ${x}\n    loaded  ${y}`);
    }
    const policies = (m: Model) => JSON.stringify(m.policies ?? []);
    if (policies(a) !== policies(b)) diffs.push(`policies:\n    printed ${policies(a)}\n    loaded  ${policies(b)}`);
    return diffs;
}

describe('print-topo round trip through the language layer', function () {
    this.timeout(120_000);
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'topo-roundtrip-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('a printed random model loads without language errors and gives back the same model', async function () {
        let n = 0;
        await fc.assert(fc.asyncProperty(modelArb, async gm => {
            const file = join(dir, `m${n++}.topo`);
            const text = printTopo(gm.model);
            writeFileSync(file, text);
            const workspace = await loadFiles([file]);
            const loaded = rootModel(workspace, workspace.roots[0]);
            const errors = loaded.language.filter(d => d.severity === 'error').map(d => `${d.code}: ${d.message}`);
            assert.ok(!hasLanguageErrors(loaded), `language errors:\n  ${errors.join('\n  ')}\nin:\n${text}`);
            const diffs = sameModel(gm.model, loaded.built.model);
            assert.deepEqual(diffs, [], `the loaded model differs:\n  ${diffs.join('\n  ')}\nfrom:\n${text}`);
        }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    });
});
