/**
 * Property tests: the analysis engine against the brute-force reference, on random small
 * models. A failure prints the seed (fast-check), the shrunk model as `.topo` text and every
 * difference found on it.
 *
 * Only these files (the project's .mocharc adds every test/**):
 *   npx mocha --no-config --node-option import=tsx 'test/property/*.test.ts'
 * Reproduce one failure:  FC_SEED=<seed> (same command)
 * More runs:              FC_RUNS=10000 (same command); grouped triage: npx tsx test/property/triage.ts
 */

import fc from 'fast-check';
import { Analysis, analyze, compileModel, simulate } from '../../server/src/analysis/index.js';
import { analyzeBF } from './brute-force.js';
import { modelArb, modelWithFailuresArb } from './arbitrary-model.js';
import { compareAnalysis, compareSimulation, describeDiffs, type Diff } from './compare.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 600);
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

    it('analyze written one service at a time (topo analyze): the reports of the whole answer, as the reference says', function () {
        fc.assert(fc.property(modelArb, fc.constantFrom(0, 1, 250_000), (gm, eagerPathPairs) => {
            const analysis = new Analysis(compileModel(gm.model), { eagerPathPairs });
            const streamed = { services: [...analysis.eachService()], domains: [...analysis.eachDomain()], findings: analysis.findings() };
            const diffs = compareAnalysis(gm.model, streamed);
            if (diffs.length > 0) fail(gm.model, diffs);
            // and the same reports as the whole answer at once, paths included
            const whole = new Analysis(compileModel(gm.model), { eagerPathPairs }).all();
            const same = JSON.stringify({ services: streamed.services, domains: streamed.domains }) === JSON.stringify({ services: whole.services, domains: whole.domains });
            if (!same) fail(gm.model, [{ kind: 'stream', text: 'eachService / eachDomain differ from all()' }]);
        }), params(Math.max(50, Math.floor(RUNS / 2))));
    });

    it('one service\'s report (a hover) says what its availability rests on as the reference does', function () {
        fc.assert(fc.property(modelArb, gm => {
            const analysis = new Analysis(compileModel(gm.model));
            const diffs: Diff[] = [];
            for (const s of analyzeBF(gm.model).services) {
                const from = analysis.service(s.name)?.availabilityFrom;
                if (from?.declared !== s.availabilityFrom.declared || from?.undeclaredDomains !== s.availabilityFrom.undeclaredDomains) {
                    diffs.push({ kind: 'service.availability-from', text: `${s.name}: ${JSON.stringify(from)}, reference ${JSON.stringify(s.availabilityFrom)}` });
                }
            }
            if (diffs.length > 0) fail(gm.model, diffs);
        }), params(Math.max(50, Math.floor(RUNS / 4))));
    });

    it('one service\'s worst single failure and data loss (a hover: simulations over its cone only) as the reference and the whole analysis say', function () {
        fc.assert(fc.property(modelArb, gm => {
            const analysis = new Analysis(compileModel(gm.model));
            const whole = analyze(gm.model);
            const diffs: Diff[] = [];
            for (const s of analyzeBF(gm.model).services) {
                const report = analysis.recovery(s.name);
                const worst = !report?.worstOutage ? null : { domain: report.worstOutage.domain, minutes: report.worstOutage.minutes };
                if (JSON.stringify(worst) !== JSON.stringify(s.worstOutage)) {
                    diffs.push({ kind: 'recovery.worstOutage', text: `${s.name}: ${JSON.stringify(worst)}, reference ${JSON.stringify(s.worstOutage)}` });
                }
                if (JSON.stringify(report?.worstDataLoss) !== JSON.stringify(s.worstDataLoss)) {
                    diffs.push({ kind: 'recovery.worstDataLoss', text: `${s.name}: ${JSON.stringify(report?.worstDataLoss)}, reference ${JSON.stringify(s.worstDataLoss)}` });
                }
                // the reason in words too: the same as when every service is simulated at once
                const full = whole.services.find(x => x.name === s.name);
                if (report?.worstOutage?.reason !== full?.worstOutage?.reason) {
                    diffs.push({ kind: 'recovery.reason', text: `${s.name}: "${report?.worstOutage?.reason}", whole analysis "${full?.worstOutage?.reason}"` });
                }
            }
            if (diffs.length > 0) fail(gm.model, diffs);
        }), params(Math.max(50, Math.floor(RUNS / 4))));
    });

    it('analyze past a small availability budget: sound bounds, slo findings from them, the rest exact', function () {
        fc.assert(fc.property(modelArb, fc.constantFrom(0, 1, 2, 5, 20, 100), (gm, budget) => {
            const diffs = compareAnalysis(gm.model, analyze(gm.model, { availabilityNodeBudget: budget }), { budgeted: true });
            if (diffs.length > 0) fail(gm.model, [{ kind: 'budget', text: `availabilityNodeBudget ${budget}` }, ...diffs]);
        }), params(Math.max(50, Math.floor(RUNS / 2))));
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
