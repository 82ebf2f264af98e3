/** The `accept` step on hand-built models: which findings it accepts, and what it says about itself. */
import { strict as assert } from 'node:assert';
import { analyzeFindings, applyAcceptances, compileModel, type Finding, type Model } from '../../server/src/analysis/index.js';
import { newFinding } from '../../server/src/analysis/findings/codes.js';
import { all, on, service, site } from './build.js';

function run(model: Model, today = '2027-01-01'): Finding[] {
    return applyAcceptances(analyzeFindings(compileModel(model)), model, today);
}

const summary = (findings: Finding[]) => findings.map(f => `${f.code} ${f.subject} ${f.severity}${f.accepted ? ' accepted' : ''}`);

describe('analysis: acceptances', () => {
    const sites = [site('a'), site('b'), site('c')];

    it('without `from`: every finding of that code on the element, as a hint with the reason first', () => {
        const model: Model = { elements: [...sites, service('s', { dependsOn: all('a', 'b'), tier: 'critical', accepts: [{ code: 'spof', from: [], reason: 'why' }] })] };
        const findings = run(model);
        assert.deepEqual(summary(findings), ['spof s hint accepted']);
        assert.match(findings[0].message, /^accepted: why — /);
        assert.deepEqual(findings[0].accepted, { reason: 'why' });
    });

    it('with `from`: only when every cause is listed (listing more is fine); otherwise the finding stays and the accept is used', () => {
        const accepts = (...from: string[]) => ({ elements: [...sites, service('s', { dependsOn: all('a', 'b'), accepts: [{ code: 'spof' as const, from, reason: 'r' }] })] });
        assert.deepEqual(summary(run(accepts('a', 'b'))), ['spof s hint accepted']);
        assert.deepEqual(summary(run(accepts('a', 'b', 'c'))), ['spof s hint accepted']);
        const partial = run(accepts('a'));
        assert.deepEqual(summary(partial), ['spof s warning']);
        assert.match(partial[0].message, /Not accepted: the `accept` does not list b\.\)$/);
        assert.deepEqual(summary(run(accepts('c'))), ['spof s warning', 'unused-acceptance s warning'], 'no cause in common: unused');
    });

    it('a finding without causes is accepted only without `from`', () => {
        const model = (from: string[]): Model => ({ elements: [service('s', { accepts: [{ code: 'unplaced', from, reason: 'r' }] })] });
        assert.deepEqual(summary(run(model([]))), ['unplaced s hint accepted']);
        assert.deepEqual(summary(run(model(['a']))), ['unplaced s information', 'unused-acceptance s warning']);
    });

    it('the first `accept` that holds wins; an expired one before it does not count', () => {
        const model: Model = {
            elements: [...sites, service('s', {
                deployments: [on('a')],
                accepts: [{ code: 'spof', from: [], reason: 'old', until: '2026-06-30' }, { code: 'spof', from: ['a'], reason: 'new', until: '2027-06-30' }]
            })]
        };
        const findings = run(model);
        assert.deepEqual(summary(findings), ['spof s hint accepted', 'acceptance-expired s warning']);
        assert.deepEqual(findings[0].accepted, { reason: 'new', until: '2027-06-30' });
        assert.deepEqual(findings[1].anchor, { element: 's', part: 'accept', target: '0' });
    });

    it('an expired `accept` that matches nothing is unused, not expired', () => {
        const model: Model = { elements: [...sites, service('s', { deployments: [on('a'), on('b')], accepts: [{ code: 'spof', from: [], reason: 'r', until: '2020-01-01' }] })] };
        assert.deepEqual(summary(run(model)), ['unused-acceptance s warning']);
    });

    it('more causes than a finding lists: only an `accept` without `from` covers it', () => {
        const finding = newFinding('spof', { element: 's', tier: 'normal' }, 'm', Array.from({ length: 20 }, (_, i) => `d${String(i).padStart(2, '0')}`), [], 25);
        const from = Array.from({ length: 25 }, (_, i) => `d${String(i).padStart(2, '0')}`);
        const model: Model = { elements: [service('s', { accepts: [{ code: 'spof', from, reason: 'r' }] })] };
        const [out] = applyAcceptances([finding], model, '2027-01-01');
        assert.equal(out.severity, 'warning');
        assert.match(out.message, /it has 25 causes, more than a finding lists, so only an `accept` without `from` covers it/);
    });

    it('leaves the findings it is given as they were (a new list, new objects for the changed ones)', () => {
        const model: Model = { elements: [...sites, service('s', { deployments: [on('a')], accepts: [{ code: 'spof', from: [], reason: 'r' }] })] };
        const before = analyzeFindings(compileModel(model));
        const copy = JSON.stringify(before);
        applyAcceptances(before, model, '2027-01-01');
        assert.equal(JSON.stringify(before), copy);
    });
});
