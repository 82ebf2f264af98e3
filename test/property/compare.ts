/**
 * Compares the engine's results with the reference evaluator's and lists every difference
 * in words (empty list = agreement).
 */

import { FINDING_CODES, isFindingCode } from '../../server/src/analysis/findings/codes.js';
import type { Model } from '../../server/src/analysis/model.js';
import type { AnalysisResult, Finding, SimulationResult } from '../../server/src/analysis/results.js';
import { TOLERANCE } from '../helpers/close.js';
import { findingKeyWithTarget, type KeyedFinding } from '../helpers/finding-key.js';
import { analyzeBF, simulateBF, state, tierSeverity, type BFFinding } from './brute-force.js';

const show = (x: unknown) => JSON.stringify(x);

/** one difference: `kind` groups differences of the same sort (for triage), `text` says it in full */
export interface Diff {
    kind: string;
    text: string;
}

export const describeDiffs = (diffs: Diff[]) => diffs.map(x => x.text);

function sameList(diffs: Diff[], kind: string, what: string, engine: readonly unknown[] | undefined, reference: readonly unknown[]) {
    if (show(engine) !== show(reference)) diffs.push({ kind, text: `${what}: engine ${show(engine)}, reference ${show(reference)}` });
}

function sameNumber(diffs: Diff[], kind: string, what: string, engine: number | null | undefined, reference: number | null) {
    const ok = reference === null
        ? engine === null
        : typeof engine === 'number' && Math.abs(engine - reference) <= TOLERANCE;
    if (!ok) diffs.push({ kind, text: `${what}: engine ${show(engine)}, reference ${show(reference)}` });
}

export function compareSimulation(model: Model, failed: string[], r: SimulationResult): Diff[] {
    const b = simulateBF(model, failed);
    const d: Diff[] = [];
    const at = `simulate --fail ${failed.join(',') || '(nothing)'}`;
    sameList(d, 'simulate.failed', `${at}: failed`, r.failed, b.failed);
    sameList(d, 'simulate.down', `${at}: down`, r.down, b.down);
    sameList(d, 'simulate.degraded', `${at}: degraded`, r.degraded, b.degraded);
    sameList(d, 'simulate.up', `${at}: up`, r.up, b.up);
    sameList(d, 'simulate.domainsDown', `${at}: domainsDown`, r.domainsDown, b.domainsDown);
    if (r.users !== b.users) d.push({ kind: 'simulate.users', text: `${at}: users: engine ${r.users}, reference ${b.users}` });
    const outages = r.outages ?? {};
    sameList(d, 'simulate.outage-set', `${at}: services with an outage`, Object.keys(outages).sort(), Object.keys(b.outages).sort());
    for (const [s, minutes] of Object.entries(b.outages)) {
        const o = outages[s];
        if (o === undefined) continue;
        sameNumber(d, 'simulate.outage-minutes', `${at}: outage minutes of ${s}`, o.minutes, minutes);
    }
    for (const [s, o] of Object.entries(outages)) {
        if (typeof o?.reason !== 'string' || o.reason.trim() === '') {
            d.push({ kind: 'simulate.outage-reason', text: `${at}: outage of ${s} has no reason` });
        }
    }
    return d;
}


interface Keyed {
    code: string;
    key: string;
}

function keyed(f: KeyedFinding, target: string | undefined): Keyed {
    return { code: f.code, key: findingKeyWithTarget(f, target) };
}

/**
 * `budgeted`: the engine ran with a small availabilityNodeBudget, so it may give sound bounds
 * instead of an exact availability (note 11); everything else must still be exact.
 */
export function compareAnalysis(model: Model, r: AnalysisResult, options: { budgeted?: boolean } = {}): Diff[] {
    const b = analyzeBF(model);
    const d: Diff[] = [];
    const els = new Map(model.elements.map(e => [e.name, e]));

    // services
    sameList(d, 'analyze.services', 'analyze: services (in order)', r.services.map(s => s.name), b.services.map(s => s.name));
    for (const bs of b.services) {
        const s = r.services.find(x => x.name === bs.name);
        if (s === undefined) continue;
        const at = `analyze: service ${bs.name}`;
        if (s.kind !== bs.kind) d.push({ kind: 'analyze.service-kind', text: `${at}: kind ${s.kind}, reference ${bs.kind}` });
        sameList(d, 'analyze.spofs', `${at}: spofs`, s.spofs, bs.spofs);
        sameList(d, 'analyze.nearest', `${at}: nearest`, s.nearest, bs.nearest);
        if (s.neverUp !== bs.neverUp) d.push({ kind: 'analyze.neverUp', text: `${at}: neverUp ${s.neverUp}, reference ${bs.neverUp}` });
        if (s.worstOutage === undefined || s.targets === undefined) d.push({ kind: 'analyze.worstOutage', text: `${at}: no worstOutage or targets in the report` });
        const worst = !s.worstOutage ? null : { domain: s.worstOutage.domain, minutes: s.worstOutage.minutes };
        if (show(worst) !== show(bs.worstOutage)) d.push({ kind: 'analyze.worstOutage', text: `${at}: worst outage ${show(worst)}, reference ${show(bs.worstOutage)}` });
        if (show(s.worstDataLoss) !== show(bs.worstDataLoss)) {
            d.push({ kind: 'analyze.worstDataLoss', text: `${at}: worst data loss ${show(s.worstDataLoss)}, reference ${show(bs.worstDataLoss)}` });
        }
        const pathKeys = Object.keys(s.paths ?? {}).sort();
        sameList(d, 'analyze.paths', `${at}: SPOFs with a path`, pathKeys, bs.spofs);
        for (const k of pathKeys) {
            const path = s.paths[k];
            if (!Array.isArray(path) || path.length === 0) { d.push({ kind: 'analyze.paths', text: `${at}: empty path for ${k}` }); continue; }
            // the path that makes k fatal ends at k, and every element on it is down when k alone fails
            if (path[path.length - 1].element !== k) {
                d.push({ kind: 'analyze.paths', text: `${at}: the path for ${k} ends at ${path[path.length - 1].element}` });
            }
            const under = state(model, [k]).upSet;
            for (const step of path) {
                if (under.has(step.element)) {
                    d.push({ kind: 'analyze.paths', text: `${at}: the path for ${k} goes through ${step.element}, which is up when ${k} fails` });
                }
                if (typeof step.text !== 'string' || step.text.trim() === '') {
                    d.push({ kind: 'analyze.paths', text: `${at}: a step of the path for ${k} has no text` });
                }
            }
        }
        if (s.availabilityFrom?.declared !== bs.availabilityFrom.declared || s.availabilityFrom?.undeclaredDomains !== bs.availabilityFrom.undeclaredDomains) {
            d.push({ kind: 'analyze.availability-from', text: `${at}: availabilityFrom ${show(s.availabilityFrom)}, reference ${show(bs.availabilityFrom)}` });
        }
        const bounds = s.availabilityBounds;
        if (bounds !== undefined && options.budgeted) {
            // past the budget: sound bounds around the exact value
            const [low, high] = bounds;
            const exact = bs.availability;
            if (exact === null) {
                d.push({ kind: 'analyze.bounds', text: `${at}: bounds ${show(bounds)} where the availability is null` });
            } else if (!(low >= -TOLERANCE && low <= high + TOLERANCE && high <= 1 + TOLERANCE
                && low <= exact + TOLERANCE && exact <= high + TOLERANCE)) {
                d.push({ kind: 'analyze.bounds', text: `${at}: bounds ${show(bounds)} do not hold the exact availability ${exact}` });
            }
            if (s.availability !== null && exact !== null && Math.abs(s.availability - exact) > TOLERANCE) {
                d.push({ kind: 'analyze.availability', text: `${at}: availability: engine ${s.availability}, reference ${exact}` });
            }
            continue;
        }
        sameNumber(d, 'analyze.availability', `${at}: availability`, s.availability, bs.availability);
        if (bounds !== undefined) {
            d.push({ kind: 'analyze.bounds', text: `${at}: bounds instead of an exact availability on a small model` });
        }
        // downtime = (1 − A) × 525600: the tolerance on A, scaled
        const downtime = bs.availability === null ? null : (1 - bs.availability) * 525600;
        const okDowntime = downtime === null ? s.downtimeMinutesPerYear === null
            : typeof s.downtimeMinutesPerYear === 'number' && Math.abs(s.downtimeMinutesPerYear - downtime) <= TOLERANCE * 525600;
        if (!okDowntime) {
            d.push({ kind: 'analyze.downtime', text: `${at}: downtime per year: engine ${show(s.downtimeMinutesPerYear)}, reference ${downtime}` });
        }
    }

    // domains
    sameList(d, 'analyze.domains', 'analyze: domains (in order)', r.domains.map(x => x.name), b.domains.map(x => x.name));
    for (const bd of b.domains) {
        const x = r.domains.find(y => y.name === bd.name);
        if (x === undefined) continue;
        const at = `analyze: blast radius of ${bd.name}`;
        if (x.kind !== bd.kind) d.push({ kind: 'analyze.domain-kind', text: `${at}: kind ${x.kind}, reference ${bd.kind}` });
        sameList(d, 'analyze.blast-down', `${at}: down`, x.down, bd.down);
        sameList(d, 'analyze.blast-degraded', `${at}: degraded`, x.degraded, bd.degraded);
        sameList(d, 'analyze.blast-domainsDown', `${at}: domainsDown`, x.domainsDown, bd.domainsDown);
        if (x.users !== bd.users) d.push({ kind: 'analyze.blast-users', text: `${at}: users ${x.users}, reference ${bd.users}` });
    }

    // findings, as multisets. The SLO findings follow note 11: from the exact availability, or
    // (budgeted) from the engine's bounds, which are checked above; within the tolerance of the
    // SLO they may go either way.
    const isSlo = (code: string) => code === 'slo-unreachable' || code === 'slo-undecided';
    const expected: BFFinding[] = b.findings.filter(f => !isSlo(f.code));
    const tied = new Set<string>();
    for (const bs of b.services) {
        const e = els.get(bs.name)!;
        if (e.slo === undefined || b.unreliable.has(e.name)) continue;
        const slo = e.slo;
        const bounds = options.budgeted ? r.services.find(x => x.name === bs.name)?.availabilityBounds : undefined;
        const near = (x: number) => Math.abs(x - slo) <= TOLERANCE;
        const push = (code: 'slo-unreachable' | 'slo-undecided') =>
            // slo-unreachable follows the tier; slo-undecided is information (note 11)
            expected.push({ code, severity: code === 'slo-undecided' ? 'information' : tierSeverity(e.tier), subject: e.name, causes: [] });
        if (bounds !== undefined) {
            const [low, high] = bounds;
            if (near(low) || near(high)) tied.add(e.name);
            else if (high < slo) push('slo-unreachable');
            else if (low < slo) push('slo-undecided');
        } else {
            const a = bs.availability ?? 1;
            if (near(a)) tied.add(e.name);
            else if (a < slo) push('slo-unreachable');
        }
    }
    const keep = (f: { code: string; subject: string }) => !(isSlo(f.code) && tied.has(f.subject));
    const engineKeys = r.findings.filter(keep)
        .map(f => keyed(f, f.code === 'observer-shares-fate' ? f.anchor?.target : undefined));
    const refKeys = expected.filter(keep).map((f: BFFinding) => keyed(f, f.target));
    for (const m of multisetMinus(refKeys, engineKeys)) {
        d.push({ kind: `finding.missing.${m.code}`, text: `analyze: finding missing from the engine: ${m.key}` });
    }
    for (const x of multisetMinus(engineKeys, refKeys)) {
        d.push({ kind: `finding.unexpected.${x.code}`, text: `analyze: finding the reference does not expect: ${x.key}` });
    }

    // every finding: a message, sorted causes, the anchor the notes give
    for (const f of r.findings) d.push(...checkFinding(f, b.findings, model));
    return d;
}

/** The target a finding checks, for the codes that check one: on the name when a tier policy gives it. */
export const TARGET_OF: Partial<Record<string, 'rto' | 'rpo' | 'survive'>> = {
    'rto-exceeded': 'rto', 'rto-unverifiable': 'rto', 'rpo-exceeded': 'rpo', 'rpo-unverifiable': 'rpo', 'survival-policy': 'survive'
};

function checkFinding(f: Finding, reference: BFFinding[], model: Model): Diff[] {
    const d: Diff[] = [];
    const at = `finding ${f.code} on ${f.subject}`;
    const targetKind = TARGET_OF[f.code];
    const own = targetKind === undefined ? undefined : model.elements.find(e => e.name === f.subject)?.[targetKind];
    if (typeof f.message !== 'string' || f.message.trim() === '') d.push({ kind: 'finding.message', text: `${at}: empty message` });
    const causes = f.causes ?? [];
    if (show([...causes].sort()) !== show(causes)) d.push({ kind: 'finding.causes-order', text: `${at}: causes not sorted ${show(causes)}` });
    const part = targetKind !== undefined && own === undefined ? 'name' : isFindingCode(f.code) ? FINDING_CODES[f.code].anchor : undefined;
    if (part !== undefined && (f.anchor?.element !== f.subject || f.anchor?.part !== part)) {
        d.push({ kind: `finding.anchor.${f.code}`, text: `${at}: anchor ${show(f.anchor)}, expected ${part} of ${f.subject}` });
    }
    if (f.code === 'dependency-cycle') {
        const ref = reference.find(x => x.code === 'dependency-cycle' && x.subject === f.subject);
        if (ref && !ref.cycleTargets!.includes(f.anchor?.target ?? '')) {
            d.push({
                kind: 'finding.anchor.dependency-cycle',
                text: `${at}: anchored on depends-on entry ${show(f.anchor?.target)}, not one of ${show(ref.cycleTargets)}`
            });
        }
    }
    return d;
}

function multisetMinus(a: Keyed[], b: Keyed[]): Keyed[] {
    const left = b.map(x => x.key);
    const out: Keyed[] = [];
    for (const x of a) {
        const i = left.indexOf(x.key);
        if (i >= 0) left.splice(i, 1);
        else out.push(x);
    }
    return out;
}
