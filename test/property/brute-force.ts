/**
 * The reference evaluator: a deliberately naive reading of the specification
 * (shared/spec/topo-language.md, sections 4–7) and of docs/semantics-notes.md.
 *
 * It shares nothing with the analysis engine but the input/output types. Everything is
 * computed straight from the definitions: fixpoints by plain Kleene iteration over the whole
 * model, SPOFs by failing every domain alone, availability by enumerating every failure set.
 * It is slow on purpose; it is only ever run on small models.
 */

import type { Element, Model, Term, Tier } from '../../server/src/analysis/model.js';
import type { FindingCode, Severity } from '../../server/src/analysis/results.js';

// ---------------------------------------------------------------------------------------------
// small helpers

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

export function isDomain(e: Element): boolean {
    return e.kind === 'region' || e.kind === 'site' || e.kind === 'infra';
}

export function isService(e: Element): boolean {
    return e.kind === 'service' || e.kind === 'datastore';
}

function byName(model: Model): Map<string, Element> {
    const m = new Map<string, Element>();
    for (const e of model.elements) m.set(e.name, e);
    return m;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
    if (a.size !== b.size) return false;
    for (const x of a) if (!b.has(x)) return false;
    return true;
}

/** A term holds when at least k of its members are in `good`. */
function termHolds(t: Term, good: Set<string>): boolean {
    let n = 0;
    for (const m of t.members) if (good.has(m)) n++;
    return n >= t.k;
}

/** replicas of the deployments of `e` whose domain is in `up` (standby included) */
function survivingReplicas(e: Element, up: Set<string>): number {
    let r = 0;
    for (const d of e.deployments) if (up.has(d.domain)) r += d.replicas;
    return r;
}

function totalReplicas(e: Element): number {
    let r = 0;
    for (const d of e.deployments) r += d.replicas;
    return r;
}

export function tierSeverity(tier: Tier): Severity {
    switch (tier) {
        case 'critical': return 'error';
        case 'high': return 'warning';
        case 'normal': return 'warning';
        case 'low': return 'information';
    }
}

// ---------------------------------------------------------------------------------------------
// state under a failure set (spec section 4; notes 1–3)

export interface BFState {
    /** every element (domains and services) that is up */
    upSet: Set<string>;
    /** every element that is healthy (up and, for a service, not degraded) */
    healthySet: Set<string>;
    down: string[];
    degraded: string[];
    up: string[];
    domainsDown: string[];
    users: number;
}

/** Is `e` up, given that exactly the elements of `up` are up (one step of the iteration)? */
function upStep(e: Element, up: Set<string>, failed: Set<string>): boolean {
    if (failed.has(e.name)) return false;
    if (e.container !== undefined && !up.has(e.container)) return false;
    if (isService(e) && e.deployments.length > 0) {
        if (survivingReplicas(e, up) < (e.quorum ?? 1)) return false;
    }
    for (const t of e.dependsOn) if (!termHolds(t, up)) return false;
    return true;
}

/** Is `e` healthy, given the final `up` set and the current guess `healthy`? */
function healthyStep(e: Element, up: Set<string>, healthy: Set<string>): boolean {
    if (!up.has(e.name)) return false;
    if (isDomain(e)) return true; // a failure domain is healthy iff it is up (note 1)
    for (const u of e.uses) if (!up.has(u)) return false;
    for (const t of e.dependsOn) if (!termHolds(t, healthy)) return false;
    // capacity needs a placement: without `runs on` it has no effect (capacity-unplaced)
    if (e.capacity !== undefined && e.deployments.length > 0 && survivingReplicas(e, up) < e.capacity) return false;
    return true;
}

export function state(model: Model, failedList: Iterable<string>): BFState {
    const failed = new Set(failedList);
    // greatest fixpoint: start from "everything up", iterate until stable
    let up = new Set(model.elements.map(e => e.name));
    for (;;) {
        const next = new Set<string>();
        for (const e of model.elements) if (upStep(e, up, failed)) next.add(e.name);
        if (sameSet(next, up)) break;
        up = next;
    }
    let healthy = new Set(up);
    for (;;) {
        const next = new Set<string>();
        for (const e of model.elements) if (healthyStep(e, up, healthy)) next.add(e.name);
        if (sameSet(next, healthy)) break;
        healthy = next;
    }
    const down: string[] = [];
    const degraded: string[] = [];
    const upList: string[] = [];
    const domainsDown: string[] = [];
    let users = 0;
    for (const e of model.elements) {
        if (isDomain(e)) {
            if (!up.has(e.name)) domainsDown.push(e.name);
            continue;
        }
        if (!up.has(e.name)) { down.push(e.name); users += e.users; }
        else if (!healthy.has(e.name)) { degraded.push(e.name); users += e.users; }
        else upList.push(e.name);
    }
    return {
        upSet: up, healthySet: healthy,
        down: sorted(down), degraded: sorted(degraded), up: sorted(upList),
        domainsDown: sorted(domainsDown), users
    };
}

// ---------------------------------------------------------------------------------------------
// outage lengths (spec section 4 "Outage length"; note 4). Infinity = unknown.

/** the k-th smallest of xs (1-based), Infinity when there are fewer than k */
function kthSmallest(xs: number[], k: number): number {
    const s = [...xs].sort((a, b) => a - b);
    return k >= 1 && k <= s.length ? s[k - 1] : Infinity;
}

function termTime(t: Term, T: Map<string, number>): number {
    return kthSmallest(t.members.map(m => T.get(m)!), t.k);
}

/** The time of every element under failure set `failed`, as a least fixpoint. */
export function outageTimes(model: Model, failedList: Iterable<string>): Map<string, number> {
    const failed = new Set(failedList);
    const neverUp = new Set(state(model, []).down);
    let T = new Map<string, number>(model.elements.map(e => [e.name, 0]));
    for (;;) {
        const next = new Map<string, number>();
        for (const e of model.elements) next.set(e.name, timeStep(e, T, failed, neverUp));
        let changed = false;
        for (const [k, v] of next) if (T.get(k) !== v) changed = true;
        T = next;
        if (!changed) break;
    }
    return T;
}

function timeStep(e: Element, T: Map<string, number>, failed: Set<string>, neverUp: Set<string>): number {
    if (isDomain(e)) {
        let t = 0;
        if (failed.has(e.name)) t = Math.max(t, e.recovery ?? Infinity);
        if (e.container !== undefined) t = Math.max(t, T.get(e.container)!);
        for (const term of e.dependsOn) t = Math.max(t, termTime(term, T));
        return t;
    }
    if (failed.has(e.name)) return Infinity;
    if (neverUp.has(e.name)) return Infinity; // note 4
    let t = placementTime(e, T);
    for (const term of e.dependsOn) t = Math.max(t, termTime(term, T));
    return t;
}

function placementTime(e: Element, T: Map<string, number>): number {
    if (e.deployments.length === 0) return 0;
    const activeInterrupted = e.deployments.some(d => !d.standby && T.get(d.domain)! > 0);
    const times = e.deployments.map(d => {
        const own = T.get(d.domain)!;
        if (d.standby && activeInterrupted) return Math.max(own, e.failover ?? Infinity);
        return own;
    });
    const quorum = e.quorum ?? 1;
    // smallest t (among the deployment times) at which the replicas with time <= t reach quorum
    const candidates = [...new Set(times)].sort((a, b) => a - b);
    for (const t of candidates) {
        let r = 0;
        e.deployments.forEach((d, i) => { if (times[i] <= t) r += d.replicas; });
        if (r >= quorum) return t;
    }
    return Infinity;
}

export interface BFOutages {
    /** minutes per interrupted service; null = unknown */
    [service: string]: number | null;
}

export function outages(model: Model, failed: Iterable<string>): BFOutages {
    const T = outageTimes(model, failed);
    const out: BFOutages = {};
    for (const e of model.elements) {
        if (!isService(e)) continue;
        const t = T.get(e.name)!;
        if (t > 0) out[e.name] = Number.isFinite(t) ? t : null;
    }
    return out;
}

export interface BFSimulation extends BFState {
    failed: string[];
    outages: BFOutages;
}

export function simulateBF(model: Model, failed: string[]): BFSimulation {
    return { ...state(model, failed), failed: sorted(new Set(failed)), outages: outages(model, failed) };
}

// ---------------------------------------------------------------------------------------------
// analysis (spec sections 4–7; notes 5–12)

export interface BFService {
    name: string;
    kind: 'service' | 'datastore';
    spofs: string[];
    nearest: string[];
    availability: number | null;
    /** elements of the cone that declare an availability, and elements of the cone */
    availabilityFrom: { declared: number; undeclaredDomains: number };
    neverUp: boolean;
    /** the longest single-failure outage: an unknown one (minutes null) first, then the most minutes; first by name */
    worstOutage: { domain: string; minutes: number | null } | null;
    /** datastores: the largest single-failure loss of data: all of it, then unknown, then the most minutes */
    worstDataLoss?: { domain: string; minutes: number | null; all: boolean } | null;
}

export interface BFDomain {
    name: string;
    kind: 'region' | 'site' | 'infra';
    down: string[];
    degraded: string[];
    users: number;
    domainsDown: string[];
}

export interface BFFinding {
    code: FindingCode;
    severity: Severity;
    subject: string;
    causes: string[];
    /** observer-shares-fate: the monitored service; dependency-cycle: the allowed targets */
    target?: string;
    cycleTargets?: string[];
}

export interface BFAnalysis {
    services: BFService[];
    domains: BFDomain[];
    findings: BFFinding[];
    /** availability per service, exact, before the null rule (for tie checks) */
    rawAvailability: Map<string, number>;
    /** elements no finding may be about: incomplete, or needing something incomplete */
    unreliable: Set<string>;
}

/** Elements reachable from `start` through the given edges, `start` excluded unless on a cycle. */
function reachable(start: string, edges: (name: string) => string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...edges(start)];
    while (stack.length > 0) {
        const x = stack.pop()!;
        if (seen.has(x)) continue;
        seen.add(x);
        stack.push(...edges(x));
    }
    return seen;
}

export function analyzeBF(model: Model): BFAnalysis {
    const els = byName(model);
    const domains = model.elements.filter(isDomain);
    const services = model.elements.filter(isService);
    const base = state(model, []);
    const single = new Map<string, BFState>();
    for (const d of domains) single.set(d.name, state(model, [d.name]));
    const isUp = (f: string, x: string) => single.get(f)!.upSet.has(x);

    /**
     * The nearest members of a set of triggering domains: drop d when another member d′ is
     * brought down by d (down when only d failed) and does not bring d down.
     */
    const nearest = (set: string[]): string[] =>
        sorted(set.filter(d => !set.some(d2 => d2 !== d && !isUp(d, d2) && isUp(d2, d))));

    // availability: full enumeration over the elements that declare one
    const avail = availabilityBF(model);

    const serviceReports: BFService[] = [];
    for (const s of [...services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const neverUp = !base.upSet.has(s.name);
        const spofs = neverUp ? [] : sorted(domains.filter(d => !isUp(d.name, s.name)).map(d => d.name));
        const report: BFService = {
            name: s.name, kind: s.kind as 'service' | 'datastore', spofs, nearest: nearest(spofs),
            availability: coneHasAvailability(model, s.name) ? avail.get(s.name)! : null,
            availabilityFrom: coneDeclarations(model, s.name), neverUp,
            worstOutage: neverUp ? null : worstOutageBF(model, s.name)
        };
        if (s.kind === 'datastore') report.worstDataLoss = worstLossBF(dataLossesBF(model, s, base.upSet));
        serviceReports.push(report);
    }

    const domainReports: BFDomain[] = [];
    for (const d of [...domains].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const st = single.get(d.name)!;
        domainReports.push({
            name: d.name, kind: d.kind as 'region' | 'site' | 'infra',
            down: st.down, degraded: st.degraded, users: st.users, domainsDown: st.domainsDown
        });
    }

    const findings: BFFinding[] = [];
    const domainNames = domains.map(d => d.name);
    for (const sr of serviceReports) {
        const s = els.get(sr.name)!;
        const sev = tierSeverity(s.tier);
        // spof
        if (sr.spofs.length > 0) findings.push({ code: 'spof', severity: sev, subject: s.name, causes: sr.nearest });
        // capacity-shortfall (note 6)
        if (s.capacity !== undefined && s.deployments.length > 0) {
            const cap = s.capacity;
            if (cap > totalReplicas(s)) {
                findings.push({ code: 'capacity-shortfall', severity: sev, subject: s.name, causes: [] });
            } else {
                const trig = domainNames.filter(d => {
                    const r = survivingReplicas(s, single.get(d)!.upSet);
                    return r >= 1 && r < cap;
                });
                if (trig.length > 0) {
                    findings.push({ code: 'capacity-shortfall', severity: sev, subject: s.name, causes: nearest(trig) });
                }
            }
        }
        // backup-colocated (note 7)
        if (s.kind === 'datastore' && s.backups.length > 0) {
            const copies = [...s.deployments.map(d => d.domain), ...s.backups];
            const trig = domainNames.filter(d => copies.every(c => !isUp(d, c)));
            if (trig.length > 0) {
                findings.push({ code: 'backup-colocated', severity: sev, subject: s.name, causes: nearest(trig) });
            }
        }
        // observer-shares-fate (note 8)
        for (const x of s.monitors) {
            const trig = domainNames.filter(d =>
                base.upSet.has(s.name) && base.upSet.has(x) && !isUp(d, s.name) && !isUp(d, x));
            if (trig.length > 0) {
                findings.push({
                    code: 'observer-shares-fate', severity: sev, subject: s.name, causes: nearest(trig), target: x
                });
            }
        }
        // slo-unreachable (note 11; null availability counts as 1)
        if (s.slo !== undefined && (sr.availability ?? 1) < s.slo) {
            findings.push({ code: 'slo-unreachable', severity: sev, subject: s.name, causes: [] });
        }
        // never-up, unplaced, quorum-unplaced (note 10)
        if (sr.neverUp) findings.push({ code: 'never-up', severity: 'error', subject: s.name, causes: [] });
        if (s.deployments.length === 0 && s.dependsOn.length === 0) {
            findings.push({ code: 'unplaced', severity: 'information', subject: s.name, causes: [] });
        }
        if (s.quorum !== undefined && s.deployments.length === 0) {
            findings.push({ code: 'quorum-unplaced', severity: 'warning', subject: s.name, causes: [] });
        }
        if (s.capacity !== undefined && s.deployments.length === 0) {
            findings.push({ code: 'capacity-unplaced', severity: 'warning', subject: s.name, causes: [] });
        }
        if (s.failover !== undefined && !s.deployments.some(d => d.standby)) {
            findings.push({ code: 'failover-unused', severity: 'warning', subject: s.name, causes: [] });
        }
    }
    for (const e of model.elements) {
        // async-replication (note 10)
        if (e.replication === 'async') {
            findings.push({ code: 'async-replication', severity: 'information', subject: e.name, causes: [] });
        }
        // dependency-cycle (note 9): e reaches itself through depends-on edges
        const edges = (n: string) => els.get(n)!.dependsOn.flatMap(t => t.members);
        const fromE = reachable(e.name, edges);
        if (fromE.has(e.name)) {
            // the entries of e's depends-on naming a member of e's component
            const cycleTargets = sorted(new Set(edges(e.name).filter(m => m === e.name || reachable(m, edges).has(e.name))));
            findings.push({ code: 'dependency-cycle', severity: 'warning', subject: e.name, causes: [], cycleTargets });
        }
    }

    findings.push(...targetFindingsBF(model, base.upSet));

    // nothing is said about an element the language could not read completely, nor about
    // anything that needs it (through `in`, `runs on`, `depends on` or `uses`), nor about a
    // monitors entry whose target is such an element
    const needs = (n: string) => {
        const e = els.get(n)!;
        return [...(e.container !== undefined ? [e.container] : []), ...e.deployments.map(d => d.domain),
            ...e.dependsOn.flatMap(t => t.members), ...(isService(e) ? e.uses : [])].filter(m => els.has(m));
    };
    const unreliable = new Set(model.elements.map(e => e.name)
        .filter(n => [n, ...reachable(n, needs)].some(m => els.get(m)!.incomplete === true)));
    const reported = findings.filter(f => !unreliable.has(f.subject) && (f.target === undefined || !unreliable.has(f.target)));

    return { services: serviceReports, domains: domainReports, findings: reported, rawAvailability: avail, unreliable };
}

/** how many elements of the service's cone (itself included) declare an availability, and how many of its domains do not */
function coneDeclarations(model: Model, service: string): { declared: number; undeclaredDomains: number } {
    const els = byName(model);
    const cone = reachable(service, n => {
        const e = els.get(n)!;
        return [...(e.container !== undefined ? [e.container] : []), ...e.deployments.map(d => d.domain), ...e.dependsOn.flatMap(t => t.members)];
    });
    cone.add(service);
    const declared = [...cone].filter(n => els.get(n)!.availability !== undefined).length;
    return { declared, undeclaredDomains: [...cone].filter(n => isDomain(els.get(n)!) && els.get(n)!.availability === undefined).length };
}

/** does any element of the service's cone (note 11) declare an availability? */
export function coneHasAvailability(model: Model, service: string): boolean {
    const els = byName(model);
    const edges = (n: string) => {
        const e = els.get(n)!;
        const out: string[] = [];
        if (e.container !== undefined) out.push(e.container);
        for (const d of e.deployments) out.push(d.domain);
        for (const t of e.dependsOn) out.push(...t.members);
        return out;
    };
    const cone = reachable(service, edges);
    cone.add(service);
    for (const n of cone) if (els.get(n)!.availability !== undefined) return true;
    return false;
}

/** Probability that each service is up, by enumerating every failure set of the elements with an availability. */
export function availabilityBF(model: Model): Map<string, number> {
    const withA = model.elements.filter(e => e.availability !== undefined);
    if (withA.length > 16) throw new Error(`brute force: ${withA.length} elements with availability is too many`);
    const services = model.elements.filter(isService);
    const sum = new Map<string, number>(services.map(s => [s.name, 0]));
    for (let mask = 0; mask < 1 << withA.length; mask++) {
        const failed: string[] = [];
        let p = 1;
        withA.forEach((e, i) => {
            if (mask & (1 << i)) { failed.push(e.name); p *= 1 - e.availability!; }
            else p *= e.availability!;
        });
        if (p === 0) continue;
        const st = state(model, failed);
        for (const s of services) if (st.upSet.has(s.name)) sum.set(s.name, sum.get(s.name)! + p);
    }
    return sum;
}

// ---------------------------------------------------------------------------------------------
// recovery targets (docs/language.md "rto and rpo"): every single failure domain, simulated alone

/** Element e's own target, or else the one of its tier's first policy that sets it. */
export function targetBF(model: Model, e: Element, kind: 'rto' | 'rpo' | 'survive'): number | undefined {
    if (!isService(e) || (kind === 'rpo' && e.kind !== 'datastore')) return undefined;
    if (e[kind] !== undefined) return e[kind];
    return (model.policies ?? []).find(p => p.tier === e.tier && p[kind] !== undefined)?.[kind];
}

function targetFindingsBF(model: Model, baseUp: Set<string>): BFFinding[] {
    const domains = model.elements.filter(isDomain).map(d => d.name);
    const out: BFFinding[] = [];
    const timesUnder = new Map<string, Map<string, number>>();
    const timeOf = (d: string, s: string) => {
        if (!timesUnder.has(d)) timesUnder.set(d, outageTimes(model, [d]));
        return timesUnder.get(d)!.get(s)!;
    };
    for (const e of model.elements) {
        const sev = tierSeverity(e.tier);
        // survive N: every set of at most N domains failing together, minimal ones among those that take it down
        const survive = targetBF(model, e, 'survive');
        if (survive !== undefined && baseUp.has(e.name)) {
            const breaking: string[][] = [];
            for (const set of subsetsUpTo(domains, survive)) {
                if (breaking.some(b => b.every(x => set.includes(x)))) continue; // a subset breaks it already: not minimal
                if (!state(model, set).upSet.has(e.name)) breaking.push(set);
            }
            if (breaking.length > 0) out.push({ code: 'survival-policy', severity: sev, subject: e.name, causes: sorted(new Set(breaking.flat())) });
        }
        // rto: the outage of e when each domain fails alone (a never-up service has none)
        const rto = targetBF(model, e, 'rto');
        if (rto !== undefined && baseUp.has(e.name)) {
            const times = domains.map(d => [d, timeOf(d, e.name)] as const);
            const over = times.filter(([, t]) => Number.isFinite(t) && t > rto).map(([d]) => d);
            if (over.length > 0) out.push({ code: 'rto-exceeded', severity: sev, subject: e.name, causes: sorted(over) });
            else if (times.some(([, t]) => !Number.isFinite(t))) out.push({ code: 'rto-unverifiable', severity: 'information', subject: e.name, causes: [] });
        }
        // rpo: the writes lost when each domain fails alone, from the copies it leaves
        const rpo = targetBF(model, e, 'rpo');
        if (rpo !== undefined) {
            if (e.deployments.length === 0) {
                out.push({ code: 'rpo-unverifiable', severity: 'information', subject: e.name, causes: [] });
                continue;
            }
            const losses = dataLossesBF(model, e, baseUp);
            const over = losses.filter(([, l]) => !Number.isNaN(l) && l > rpo).map(([d]) => d);
            if (over.length > 0) out.push({ code: 'rpo-exceeded', severity: sev, subject: e.name, causes: sorted(over) });
            else if (losses.some(([, l]) => Number.isNaN(l))) out.push({ code: 'rpo-unverifiable', severity: 'information', subject: e.name, causes: [] });
        }
    }
    return out;
}

/** Every subset of `xs` of 1 to `k` members, smaller ones first. */
function subsetsUpTo(xs: string[], k: number): string[][] {
    let level: string[][] = xs.map(x => [x]);
    const out: string[][] = [...level];
    for (let size = 2; size <= k; size++) {
        const next: string[][] = [];
        for (const set of level) {
            const last = xs.indexOf(set[set.length - 1]);
            for (let i = last + 1; i < xs.length; i++) next.push([...set, xs[i]]);
        }
        out.push(...next);
        level = next;
    }
    return out;
}

/** The writes lost when each domain (in name order) fails alone, for the domains that take down a replica: NaN unknown, Infinity all. */
function dataLossesBF(model: Model, e: Element, baseUp: Set<string>): Array<[string, number]> {
    const losses: Array<[string, number]> = [];
    // a copy on a domain down with nothing failed holds nothing
    const replicas = e.deployments.filter(dep => baseUp.has(dep.domain));
    for (const d of sorted(model.elements.filter(isDomain).map(x => x.name))) {
        const up = state(model, [d]).upSet;
        if (replicas.every(dep => up.has(dep.domain))) continue; // no replica lost: nothing lost
        const bounds: number[] = [];
        let copies = 0;
        if (replicas.some(dep => up.has(dep.domain))) {
            copies++;
            if (e.replication === 'sync') bounds.push(0);
            else if (e.replication === 'async' && e.replicationLag !== undefined) bounds.push(e.replicationLag);
        }
        for (const b of e.backups) {
            if (!up.has(b)) continue;
            copies++;
            const every = e.backupEvery?.[b];
            if (every !== undefined) bounds.push(every);
        }
        losses.push([d, bounds.length > 0 ? Math.min(...bounds) : copies > 0 ? NaN : Infinity]);
    }
    return losses;
}

function worstLossBF(losses: Array<[string, number]>): BFService['worstDataLoss'] {
    const pick = (pred: (l: number) => boolean) => losses.find(([, l]) => pred(l));
    const all = pick(l => l === Infinity);
    if (all) return { domain: all[0], minutes: null, all: true };
    const unknown = pick(l => Number.isNaN(l));
    if (unknown) return { domain: unknown[0], minutes: null, all: false };
    const most = Math.max(0, ...losses.map(([, l]) => l));
    if (most === 0) return null;
    return { domain: pick(l => l === most)![0], minutes: most, all: false };
}

function worstOutageBF(model: Model, s: string): BFService['worstOutage'] {
    const times = sorted(model.elements.filter(isDomain).map(x => x.name)).map(d => [d, outageTimes(model, [d]).get(s)!] as const);
    const unknown = times.find(([, t]) => !Number.isFinite(t));
    if (unknown) return { domain: unknown[0], minutes: null };
    const most = Math.max(0, ...times.map(([, t]) => t));
    if (most === 0) return null;
    return { domain: times.find(([, t]) => t === most)![0], minutes: most };
}
