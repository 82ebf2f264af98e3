/**
 * Property tests: the analysis engine against the brute-force reference, on random small
 * models. A failure prints the seed (fast-check), the shrunk model as `.topo` text and every
 * difference found on it.
 *
 * Reproduce one failure:  FC_SEED=<seed> npx mocha test/property/engine-vs-brute-force.test.ts
 * More runs:              FC_RUNS=5000 npx mocha test/property/engine-vs-brute-force.test.ts
 */

import fc from 'fast-check';
import { analyze, simulate } from '../../server/src/analysis/index.js';
import { modelArb, modelWithFailuresArb } from './arbitrary-model.js';
import { compareAnalysis, compareSimulation, describeDiffs, type Diff } from './compare.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns, seed: SEED, includeErrorInReport: true });

function fail(model: Parameters<typeof printTopo>[0], diffs: Diff[]): never {
    throw new Error(`${diffs.length} difference(s) between engine and reference:\n  - ${describeDiffs(diffs).join('\n  - ')}\n` +
        `on the model:\n${printTopo(model)}`);
}

describe('engine vs brute force (random models)', function () {
    this.timeout(120_000);

    it('simulate: down, degraded, up, domains down, users and outage minutes', function () {
        fc.assert(fc.property(modelWithFailuresArb, ([gm, failureSets]) => {
            for (const failed of [[], ...failureSets]) {
                const diffs = compareSimulation(gm.model, failed, simulate(gm.model, failed));
                if (diffs.length > 0) fail(gm.model, diffs);
            }
        }), params(RUNS));
    });

    it('analyze: SPOFs, nearest, blast radii, availability and findings', function () {
        fc.assert(fc.property(modelArb, gm => {
            const diffs = compareAnalysis(gm.model, analyze(gm.model));
            if (diffs.length > 0) fail(gm.model, diffs);
        }), params(RUNS));
    });

    it('analyze does not change with the order of the elements', function () {
        fc.assert(fc.property(modelArb, fc.nat(), (gm, seed) => {
            const shuffled = { elements: [...gm.model.elements] };
            let x = seed + 1;
            for (let i = shuffled.elements.length - 1; i > 0; i--) {
                x = (x * 1103515245 + 12345) % 2147483648;
                const j = x % (i + 1);
                [shuffled.elements[i], shuffled.elements[j]] = [shuffled.elements[j], shuffled.elements[i]];
            }
            const diffs = compareAnalysis(shuffled, analyze(shuffled));
            if (diffs.length > 0) fail(shuffled, diffs);
        }), params(Math.max(50, Math.floor(RUNS / 4))));
    });
});
