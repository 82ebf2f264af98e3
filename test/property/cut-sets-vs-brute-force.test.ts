/**
 * Minimal cut sets (analysis/cut-sets.ts) against the brute-force reference: every set of up to
 * three failure domains of small random models; one service at a time as for all at once; and
 * every reported set agrees with `simulate` (the service is down under it, and up under each set
 * with one domain less); and the path of each member (member-paths.ts, the `survival-policy`
 * message) goes from the service to that member through elements down with the set and up
 * without that member.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeCutSets, cutSetsByName, serviceCutSets } from '../../server/src/analysis/cut-sets.js';
import { simulate } from '../../server/src/analysis/index.js';
import { memberPaths } from '../../server/src/analysis/member-paths.js';
import { prepare } from '../../server/src/analysis/prepared.js';
import { modelsOf } from './arbitrary-model.js';
import { cutSetsBF } from './brute-force-beyond.js';
import { state } from './brute-force.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

describe('minimal cut sets vs brute force (random models)', function () {
    this.timeout(120_000);

    it('orders 1, 2 and 3: exactly the minimal sets of up to K failure domains', () => {
        fc.assert(fc.property(modelsOf(12), fc.constantFrom(1, 2, 3), (gm, order) => {
            const got = Object.fromEntries(cutSetsByName(gm.model, order));
            const want = Object.fromEntries(cutSetsBF(gm.model, order));
            assert.deepEqual(got, want, `order ${order} on the model:\n${printTopo(gm.model)}`);
        }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    });

    it('one service at a time (the hover\'s way) gives the same sets', () => {
        fc.assert(fc.property(modelsOf(12), fc.constantFrom(2, 3), (gm, order) => {
            const { cm, engine } = prepare(gm.model);
            const all = computeCutSets(engine, order);
            for (const s of cm.services) {
                assert.deepEqual(serviceCutSets(engine, s, order), all.sets[s], `${cm.names[s]}, order ${order}, on the model:\n${printTopo(gm.model)}`);
            }
        }), { numRuns: Math.max(50, Math.floor(RUNS / 2)), seed: SEED, includeErrorInReport: true });
    });

    it('simulate agrees with every reported set: down with it, up with any one domain less', () => {
        fc.assert(fc.property(modelsOf(12), gm => {
            for (const [service, sets] of cutSetsByName(gm.model, 3)) {
                for (const set of sets) {
                    assert.ok(simulate(gm.model, set).down.includes(service), `${service} is not down when ${set.join(', ')} fail:\n${printTopo(gm.model)}`);
                    for (const left of set) {
                        const smaller = set.filter(d => d !== left);
                        assert.ok(!simulate(gm.model, smaller).down.includes(service), `${service} is down already when ${smaller.join(', ') || 'nothing'} fails:\n${printTopo(gm.model)}`);
                    }
                }
            }
        }), { numRuns: Math.max(50, Math.floor(RUNS / 3)), seed: SEED, includeErrorInReport: true });
    });

    it('each member of a set has a path to the service, through what only that member brings down', () => {
        fc.assert(fc.property(modelsOf(12), gm => {
            const { cm, engine } = prepare(gm.model);
            const all = computeCutSets(engine, 3);
            for (const s of cm.services) {
                for (const set of all.sets[s] ?? []) {
                    const names = set.map(d => cm.names[d]);
                    const where = `${cm.names[s]} under ${names.join(', ')}, on the model:\n${printTopo(gm.model)}`;
                    const paths = memberPaths(engine, s, set);
                    assert.ok(paths !== undefined && paths.length === set.length, `no paths for ${where}`);
                    const upWith = state(gm.model, names).upSet;
                    paths.forEach((steps, i) => {
                        const upSpared = state(gm.model, names.filter(n => n !== names[i])).upSet;
                        assert.ok(steps.length > 0, `empty path to ${names[i]} for ${where}`);
                        const last = steps[steps.length - 1];
                        assert.ok(last.via === '…' || last.element === names[i], `the path to ${names[i]} ends at ${last.element} for ${where}`);
                        for (const step of steps.slice(0, -1)) {
                            if (step.via === '…') continue;
                            assert.ok(!upWith.has(step.element), `${step.element} is not down for ${where}`);
                            assert.ok(upSpared.has(step.element), `${step.element} is down without ${names[i]} for ${where}`);
                        }
                    });
                }
            }
        }), { numRuns: Math.max(50, Math.floor(RUNS / 3)), seed: SEED, includeErrorInReport: true });
    });
});
