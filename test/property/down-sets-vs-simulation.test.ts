/**
 * Property test: the fast path against the simple one. The down sets (analysis/down-sets.ts:
 * every single failure at once, as bitsets) must say, for every failure domain d and every
 * element x, exactly what one incremental simulation of d alone says (analysis/state.ts):
 * x down ⇔ bit d of x's down set; x down or degraded ⇔ bit d of its unhealthy set. And the
 * sweep built on them (capacity and backup triggers, blast radii) must match the same
 * simulations. Larger models than the brute-force tests, since the reference here is cheap.
 *
 *   npx mocha --no-config --node-option import=tsx test/property/down-sets-vs-simulation.test.ts
 *   FC_SEED=<seed> FC_RUNS=<runs> (same command)
 */

import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { compileModel } from '../../server/src/analysis/compile.js';
import { hasBit } from '../../server/src/analysis/down-sets.js';
import { StateEngine } from '../../server/src/analysis/state.js';
import { sweepDomains } from '../../server/src/analysis/sweep.js';
import { modelsBetween, modelsOf } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

describe('down sets vs one simulation per domain (random models)', function () {
    this.timeout(120_000);

    for (const [min, max] of [[2, 12], [30, 90]]) {
        it(`every element's down and unhealthy bit, every trigger and blast radius, ${min}–${max} elements`, function () {
            fc.assert(fc.property(modelsBetween(min, max), gm => {
                const cm = compileModel(gm.model);
                const engine = new StateEngine(cm);
                const sweep = sweepDomains(engine);
                const { sets } = sweep;
                const problems: string[] = [];
                const capacity = new Map<number, { domain: number; replicas: number }[]>();
                const backup = new Map<number, number[]>();
                const byName = [...cm.domains].sort((a, b) => cm.rank[a] - cm.rank[b]);
                for (const d of byName) {
                    engine.fail([d]);
                    const bit = sets.bitOf[d];
                    for (let x = 0; x < cm.n; x++) {
                        const down = hasBit(sets.down, sets.words, x, bit);
                        const unhealthy = hasBit(sets.unhealthy, sets.words, x, bit);
                        if (down !== !engine.up[x]) problems.push(`${cm.names[x]} down when ${cm.names[d]} fails: sets ${down}, simulation ${!engine.up[x]}`);
                        if (unhealthy !== !engine.healthy[x]) problems.push(`${cm.names[x]} unhealthy when ${cm.names[d]} fails: sets ${unhealthy}, simulation ${!engine.healthy[x]}`);
                    }
                    for (const s of cm.services) {
                        const cap = cm.capacity[s];
                        const r = engine.upReplicas[s];
                        if (!Number.isNaN(cap) && cap <= cm.totalReplicas[s] && r >= 1 && r < cap) {
                            capacity.set(s, [...capacity.get(s) ?? [], { domain: d, replicas: r }]);
                        }
                        if (cm.elements[s].kind === 'datastore' && cm.backups.start[s + 1] > cm.backups.start[s]) {
                            const copies: number[] = [];
                            for (let j = cm.depStart[s]; j < cm.depStart[s + 1]; j++) copies.push(cm.depDomain[j]);
                            for (let j = cm.backups.start[s]; j < cm.backups.start[s + 1]; j++) copies.push(cm.backups.targets[j]);
                            if (copies.every(c => !engine.up[c])) backup.set(s, [...backup.get(s) ?? [], d]);
                        }
                    }
                    const blast = sweep.blastOf(d);
                    const down = cm.services.filter(s => !engine.up[s]);
                    const degraded = cm.services.filter(s => engine.up[s] && !engine.healthy[s]);
                    if (JSON.stringify(blast.down) !== JSON.stringify([...down])) problems.push(`blast radius of ${cm.names[d]}: down`);
                    if (JSON.stringify(blast.degraded) !== JSON.stringify([...degraded])) problems.push(`blast radius of ${cm.names[d]}: degraded`);
                    const domainsDown = [...cm.domains].filter(y => !engine.up[y]).sort((a, b) => a - b);
                    if (JSON.stringify([...blast.domainsDown]) !== JSON.stringify(domainsDown)) problems.push(`blast radius of ${cm.names[d]}: domains down`);
                    engine.restore();
                }
                const all = sweep.allBlasts();
                for (const d of cm.domains) {
                    const a = all.get(d)!;
                    const b = sweep.blastOf(d);
                    if (JSON.stringify([a.down, a.degraded, a.users]) !== JSON.stringify([b.down, b.degraded, b.users])) {
                        problems.push(`allBlasts and blastOf differ for ${cm.names[d]}`);
                    }
                }
                const text = (m: Map<number, unknown>) => JSON.stringify([...m].sort((a, b) => a[0] - b[0]));
                const fromSets = <T>(of: (s: number) => T[]) => new Map(cm.services.reduce<[number, T[]][]>((list, s) => { const t = of(s); return t.length > 0 ? [...list, [s, t]] : list; }, []));
                const capacityFromSets = fromSets(sweep.capacityTriggersOf), backupFromSets = fromSets(sweep.backupTriggersOf);
                if (text(capacity) !== text(capacityFromSets)) problems.push(`capacity triggers: simulation ${text(capacity)}, sets ${text(capacityFromSets)}`);
                if (text(backup) !== text(backupFromSets)) problems.push(`backup triggers: simulation ${text(backup)}, sets ${text(backupFromSets)}`);
                if (problems.length > 0) {
                    throw new Error(`${problems.length} difference(s):\n  - ${problems.slice(0, 20).join('\n  - ')}\non the model:\n${printTopo(gm.model)}`);
                }
            }), { numRuns: max > 12 ? Math.ceil(RUNS / 4) : RUNS, seed: SEED, includeErrorInReport: true });
        });
    }

    it('can fail: a corrupted bit is caught', function () {
        const gm = fc.sample(modelsOf(12).filter(g => compileModel(g.model).domains.length > 0), { numRuns: 1, seed: 7 })[0];
        const cm = compileModel(gm.model);
        const engine = new StateEngine(cm);
        const sweep = sweepDomains(engine);
        const d = cm.domains[0];
        sweep.sets.down[d * sweep.sets.words] ^= 1 << (sweep.sets.bitOf[d] & 31);
        engine.fail([d]);
        assert.notEqual(hasBit(sweep.sets.down, sweep.sets.words, d, sweep.sets.bitOf[d]), !engine.up[d]);
        engine.restore();
    });
});
