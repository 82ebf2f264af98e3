/**
 * Property test: drills (analysis/drills.ts, on the one simulation) against the brute-force
 * evaluator, on random models: for random failure sets, every kind of `expect` on every service
 * (`up`, `degraded`, `down at most` several lengths) and `users down at most` several counts must
 * hold exactly when the brute-force simulation says so, and `drill-failed` is reported once per
 * `expect` that does not hold.
 *
 *   npx mocha --no-config --node-option import=tsx test/property/drills-vs-brute-force.test.ts
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileModel, drillFindings, runDrill, type Drill, type Expectation, type Model } from '../../server/src/analysis/index.js';
import { isService, simulateBF } from './brute-force.js';
import { modelWithFailuresArb } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

const LENGTHS = [0, 0.5, 30, 240, 600, 100_000];
const USERS = [0, 1, 100, 10_000, 1e9];

/** Every expectation of every kind, on every service. */
function expectationsOf(model: Model): Expectation[] {
    const out: Expectation[] = [];
    for (const e of model.elements) {
        if (!isService(e)) continue;
        out.push({ service: e.name, state: 'up' }, { service: e.name, state: 'degraded' });
        for (const atMost of LENGTHS) out.push({ service: e.name, state: 'down', atMost });
    }
    for (const atMost of USERS) out.push({ state: 'down', atMost });
    return out;
}

/** What the brute-force simulation says of one expectation. */
function holdsBF(e: Expectation, sim: ReturnType<typeof simulateBF>): boolean {
    if (e.service === undefined) return sim.users <= e.atMost!;
    const down = sim.down.includes(e.service);
    const degraded = sim.degraded.includes(e.service);
    switch (e.state) {
        case 'up': return !down && !degraded;
        case 'degraded': return !down;
        case 'down': {
            if (!(e.service in sim.outages)) return !down;
            const minutes = sim.outages[e.service];
            return minutes !== null && minutes <= e.atMost!;
        }
    }
}

describe('drills vs brute force (random models)', function () {
    this.timeout(120_000);

    it('every expect holds exactly when the brute-force simulation meets it; drill-failed once per expect that does not', () => {
        fc.assert(fc.property(modelWithFailuresArb, ([gm, failureSets]) => {
            const model = gm.model;
            const expects = expectationsOf(model);
            const drills: Drill[] = failureSets.filter(f => f.length > 0).map((fail, i) => ({ name: `drill ${i}`, fail: [...fail], expects }));
            const cm = compileModel(model);
            let failing = 0;
            for (const drill of drills) {
                const result = runDrill(cm, drill);
                const sim = simulateBF(model, drill.fail);
                drill.expects.forEach((e, j) => {
                    const expected = holdsBF(e, sim);
                    if (result.expectations[j].holds !== expected) {
                        assert.fail(`${drill.fail.join(', ')} fail: expect ${result.expectations[j].expected}: drills say ${result.expectations[j].holds} ` +
                            `(${result.expectations[j].found}), brute force ${expected}\\non the model:\\n${printTopo(model)}`);
                    }
                    if (!expected) failing++;
                });
                assert.equal(result.passed, drill.expects.every(e => holdsBF(e, sim)));
            }
            assert.equal(drillFindings(cm, drills).length, failing);
        }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    });
});
