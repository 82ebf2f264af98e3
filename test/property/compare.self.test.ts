/**
 * The comparison is not vacuous: results made from the reference itself (in the engine's
 * result shape) show no difference, and each deliberate mistake in them is reported.
 */

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Model } from '../../server/src/analysis/model.js';
import { FINDING_CODES, type FindingCode } from '../../server/src/analysis/findings/codes.js';
import type { AnalysisResult, AnchorPart, SimulationResult } from '../../server/src/analysis/results.js';
import { modelWithFailuresArb } from './arbitrary-model.js';
import { analyzeBF, simulateBF, state } from './brute-force.js';
import { compareAnalysis, compareSimulation, TARGET_OF } from './compare.js';

function referenceSimulation(model: Model, failed: string[]): SimulationResult {
    const b = simulateBF(model, failed);
    const outages = Object.fromEntries(Object.entries(b.outages).map(([s, minutes]) => [s, { minutes, reason: 'r', users: 0 }]));
    return { failed: b.failed, down: b.down, degraded: b.degraded, up: b.up, domainsDown: b.domainsDown, users: b.users, outages };
}

/** The table's anchor, or the name for a target a tier policy gives. */
function anchorPart(model: Model, code: FindingCode, subject: string): AnchorPart {
    const kind = TARGET_OF[code];
    if (kind !== undefined && model.elements.find(e => e.name === subject)?.[kind] === undefined) return 'name';
    return FINDING_CODES[code].anchor;
}

function referenceAnalysis(model: Model): AnalysisResult {
    const b = analyzeBF(model);
    return {
        services: b.services.map(s => ({
            ...s,
            // a one-step path: the SPOF itself (down when it fails)
            paths: Object.fromEntries(s.spofs.map(d => [d, [{ element: d, via: 'runs on', text: d }]])),
            downtimeMinutesPerYear: s.availability === null ? null : (1 - s.availability) * 525600,
            worstOutage: s.worstOutage === null ? null : { ...s.worstOutage, reason: 'r' },
            targets: {}
        })),
        domains: b.domains,
        findings: b.findings.map(f => ({
            code: f.code, severity: f.severity, subject: f.subject, causes: f.causes, causeCount: f.causes.length, message: 'm', related: [],
            anchor: { element: f.subject, part: anchorPart(model, f.code as FindingCode, f.subject), target: f.target ?? f.cycleTargets?.[0] }
        }))
    };
}

describe('the comparison itself', function () {
    this.timeout(60_000);

    it('finds no difference between the reference and itself', function () {
        fc.assert(fc.property(modelWithFailuresArb, ([gm, sets]) => {
            for (const failed of [[], ...sets]) {
                assert.deepEqual(compareSimulation(gm.model, failed, referenceSimulation(gm.model, failed)), []);
            }
            assert.deepEqual(compareAnalysis(gm.model, referenceAnalysis(gm.model)), []);
        }), { numRuns: 200, includeErrorInReport: true });
    });

    it('reports deliberate mistakes', function () {
        const samples = 80;
        let checked = 0;
        for (const [gm, sets] of fc.sample(modelWithFailuresArb, { numRuns: samples, seed: 4242 })) {
            const model = gm.model;
            const failed = sets[0];
            const sim = referenceSimulation(model, failed);
            const kinds = (r: SimulationResult) => compareSimulation(model, failed, r).map(d => d.kind);
            const firstOutage = Object.keys(sim.outages)[0];
            if (firstOutage !== undefined) {
                const m = sim.outages[firstOutage].minutes;
                const wrong = { ...sim, outages: { ...sim.outages, [firstOutage]: { minutes: m === null ? 1 : null, reason: 'r', users: 0 } } };
                assert.ok(kinds(wrong).includes('simulate.outage-minutes'));
                const { [firstOutage]: _dropped, ...rest } = sim.outages;
                assert.ok(kinds({ ...sim, outages: rest }).includes('simulate.outage-set'));
            }
            if (sim.down.length > 0) {
                assert.ok(kinds({ ...sim, down: sim.down.slice(1), up: [...sim.up, sim.down[0]].sort() }).includes('simulate.down'));
            }
            const an = referenceAnalysis(model);
            const aKinds = (r: AnalysisResult) => compareAnalysis(model, r).map(d => d.kind);
            if (an.findings.length > 0) {
                const f = an.findings[0];
                assert.ok(aKinds({ ...an, findings: an.findings.slice(1) }).includes(`finding.missing.${f.code}`));
            }
            const withSpof = an.services.findIndex(s => s.spofs.length > 0);
            if (withSpof >= 0) {
                const services = an.services.map((s, i) => (i === withSpof ? { ...s, nearest: [], spofs: s.spofs.slice(1) } : s));
                const k = aKinds({ ...an, services });
                assert.ok(k.includes('analyze.spofs') && k.includes('analyze.nearest'));
                // a path through something that survives the failure
                const s = an.services[withSpof];
                const d = s.spofs[0];
                const survivor = [...state(model, [d]).upSet][0];
                if (survivor !== undefined) {
                    const bad = an.services.map((x, i) => (i === withSpof
                        ? { ...x, paths: { ...x.paths, [d]: [{ element: survivor, via: 'v', text: 't' }, ...x.paths[d]] } } : x));
                    assert.ok(aKinds({ ...an, services: bad }).includes('analyze.paths'));
                }
            }
            const withA = an.services.findIndex(s => s.availability !== null);
            if (withA >= 0) {
                const services = an.services.map((s, i) => (i === withA ? { ...s, availability: s.availability! + 1e-6 } : s));
                assert.ok(aKinds({ ...an, services }).includes('analyze.availability'));
            }
            checked++;
        }
        assert.equal(checked, samples);
    });
});
