/**
 * The model compiled into integer ids and adjacency arrays, forward and reverse, so that
 * every later pass is a walk over arrays. Compile once, reuse for every analysis and
 * simulation (the language server keeps it while nothing changes).
 *
 * Robustness: references to unknown names (or, for `runs on`/`backup on`, to elements that are
 * not failure domains) are dropped; for a duplicate name the first element wins and the
 * others are ignored; numbers are sanitised (see `sanitize*`).
 */

import { csrFrom, type Csr } from './csr.js';
import { compareNames } from './format.js';
import { isDomainKind, type Element, type Model } from './model.js';

export const TermForm = { One: 0, Any: 1, KOf: 2 } as const;

export interface CompiledModel {
    readonly n: number;
    readonly names: readonly string[];
    readonly index: ReadonlyMap<string, number>;
    /** the source element of each id (the first one declared with that name) */
    readonly elements: readonly Element[];
    readonly isDomain: Uint8Array;
    /** `in X`, or -1 */
    readonly container: Int32Array;

    /** deployments of element e: indices depStart[e] … depStart[e + 1] - 1 */
    readonly depStart: Int32Array;
    readonly depDomain: Int32Array;
    readonly depReplicas: Float64Array;
    readonly depStandby: Uint8Array;
    readonly depOwner: Int32Array;
    readonly totalReplicas: Float64Array;
    /** 1 when not given */
    readonly quorum: Float64Array;
    /** NaN when not given */
    readonly capacity: Float64Array;
    /** minutes; NaN = unknown */
    readonly failover: Float64Array;
    /** minutes; NaN = unknown */
    readonly recovery: Float64Array;
    /** 0..1; NaN = not declared */
    readonly availability: Float64Array;
    readonly users: Float64Array;

    /** terms of element e: ids termStart[e] … termStart[e + 1] - 1 */
    readonly termStart: Int32Array;
    readonly termK: Int32Array;
    readonly termForm: Uint8Array;
    readonly termOwner: Int32Array;
    /** members of each term (row = term id), duplicates removed */
    readonly termMembers: Csr;

    readonly uses: Csr;
    readonly monitors: Csr;
    /** `backup on`, failure domains only */
    readonly backups: Csr;
    /** every member of every `depends on` term (the graph of note 9) */
    readonly dependsOnEdges: Csr;

    // reverse edges
    /** elements whose container is e */
    readonly containedBy: Csr;
    /** deployment indices on domain e */
    readonly deployedOn: Csr;
    /** term ids having e as a member */
    readonly memberOf: Csr;
    /** services that `uses` e */
    readonly usedBy: Csr;

    /** services and datastores, in declaration order */
    readonly services: Int32Array;
    /** failure domains, in declaration order */
    readonly domains: Int32Array;
    /** the position of each id in name order */
    readonly rank: Int32Array;
    /** the id at each position in name order */
    readonly byRank: Int32Array;
}

/** Replica counts stay finite (sums and the availability DP need it). */
const MAX_REPLICAS = 1e9;

function sanitizeCount(x: number | undefined, fallback: number): number {
    if (x === undefined || Number.isNaN(x)) return fallback;
    return Math.min(MAX_REPLICAS, Math.max(0, Math.floor(x)));
}

function sanitizeThreshold(x: number | undefined, fallback: number): number {
    if (x === undefined || Number.isNaN(x)) return fallback;
    return Math.max(0, Math.ceil(x));
}

function sanitizeMinutes(x: number | undefined): number {
    if (x === undefined || Number.isNaN(x)) return NaN;
    return Math.max(0, x);
}

function sanitizeProbability(x: number | undefined): number {
    if (x === undefined || Number.isNaN(x)) return NaN;
    return Math.min(1, Math.max(0, x));
}

/** The ids ≥ 0 of `ids`, first occurrence kept, in order. */
function distinctIds(ids: readonly number[]): number[] {
    if (ids.length <= 16) {
        const out: number[] = [];
        for (const id of ids) if (id >= 0 && !out.includes(id)) out.push(id);
        return out;
    }
    return [...new Set(ids.filter(id => id >= 0))];
}

export function compileModel(model: Model): CompiledModel {
    const elements: Element[] = [];
    const index = new Map<string, number>();
    for (const e of model?.elements ?? []) {
        if (!e || typeof e.name !== 'string' || index.has(e.name)) continue;
        index.set(e.name, elements.length);
        elements.push(e);
    }
    const n = elements.length;
    const names = elements.map(e => e.name);
    const isDomain = new Uint8Array(n);
    elements.forEach((e, i) => { isDomain[i] = isDomainKind(e.kind) ? 1 : 0; });
    const idOf = (name: string | undefined): number => (name === undefined ? -1 : index.get(name) ?? -1);
    const domainId = (name: string): number => {
        const id = idOf(name);
        return id >= 0 && isDomain[id] ? id : -1;
    };

    const container = new Int32Array(n).fill(-1);
    const quorum = new Float64Array(n);
    const capacity = new Float64Array(n);
    const failover = new Float64Array(n);
    const recovery = new Float64Array(n);
    const availability = new Float64Array(n);
    const users = new Float64Array(n);
    const totalReplicas = new Float64Array(n);

    // deployments (services only)
    const depStart = new Int32Array(n + 1);
    const dDomain: number[] = [];
    const dReplicas: number[] = [];
    const dStandby: number[] = [];
    const dOwner: number[] = [];
    // terms
    const termStart = new Int32Array(n + 1);
    const tK: number[] = [];
    const tForm: number[] = [];
    const tOwner: number[] = [];
    const tMembers: number[][] = [];

    for (let i = 0; i < n; i++) {
        const e = elements[i];
        container[i] = idOf(e.container);
        quorum[i] = sanitizeThreshold(e.quorum, 1);
        // capacity only means something for services (a failure domain is healthy iff up)
        capacity[i] = isDomain[i] || e.capacity === undefined || Number.isNaN(e.capacity) ? NaN : Math.max(0, e.capacity);
        failover[i] = sanitizeMinutes(e.failover);
        recovery[i] = sanitizeMinutes(e.recovery);
        availability[i] = sanitizeProbability(e.availability);
        users[i] = Number.isFinite(e.users) && e.users > 0 ? e.users : 0;

        depStart[i] = dDomain.length;
        if (!isDomain[i]) {
            for (const d of e.deployments ?? []) {
                const dom = d ? domainId(d.domain) : -1;
                if (dom < 0) continue;
                const r = sanitizeCount(d.replicas, 1);
                dDomain.push(dom);
                dReplicas.push(r);
                dStandby.push(d.standby ? 1 : 0);
                dOwner.push(i);
                totalReplicas[i] += r;
            }
        }

        termStart[i] = tK.length;
        for (const t of e.dependsOn ?? []) {
            if (!t) continue;
            const members = distinctIds((t.members ?? []).map(idOf));
            // more than the members can never hold: any such k is as good as members + 1
            const k = Math.min(members.length + 1, t.form === 'kof' ? sanitizeThreshold(t.k, 1) : 1);
            if (members.length === 0 || k <= 0) continue;
            tK.push(k);
            tForm.push(t.form === 'any' ? TermForm.Any : t.form === 'kof' ? TermForm.KOf : TermForm.One);
            tOwner.push(i);
            tMembers.push(members);
        }
    }
    depStart[n] = dDomain.length;
    termStart[n] = tK.length;

    const termCount = tK.length;
    const depCount = dDomain.length;
    const termMembers = csrFrom(termCount, add => tMembers.forEach((ms, t) => ms.forEach(m => add(t, m))));
    const refList = (pick: (e: Element) => readonly string[] | undefined, domainsOnly: boolean) =>
        csrFrom(n, add => elements.forEach((e, i) => {
            for (const id of distinctIds((pick(e) ?? []).map(domainsOnly ? domainId : idOf))) add(i, id);
        }));
    // soft dependencies only degrade services
    const uses = refList(e => (isDomainKind(e.kind) ? [] : e.uses), false);
    const monitors = refList(e => e.monitors, false);
    const backups = refList(e => e.backups, true);
    const dependsOnEdges = csrFrom(n, add => {
        for (let i = 0; i < n; i++) {
            const all: number[] = [];
            for (let t = termStart[i]; t < termStart[i + 1]; t++) for (const m of tMembers[t]) all.push(m);
            for (const m of distinctIds(all)) add(i, m);
        }
    });

    const containedBy = csrFrom(n, add => { for (let i = 0; i < n; i++) if (container[i] >= 0) add(container[i], i); });
    const deployedOn = csrFrom(n, add => { for (let d = 0; d < depCount; d++) add(dDomain[d], d); });
    const memberOf = csrFrom(n, add => tMembers.forEach((ms, t) => ms.forEach(m => add(m, t))));
    const usedBy = csrFrom(n, add => {
        for (let i = 0; i < n; i++) {
            for (let j = uses.start[i]; j < uses.start[i + 1]; j++) add(uses.targets[j], i);
        }
    });

    const services: number[] = [];
    const domains: number[] = [];
    for (let i = 0; i < n; i++) (isDomain[i] ? domains : services).push(i);
    const byName = [...Array(n).keys()].sort((a, b) => compareNames(names[a], names[b]));
    const rank = new Int32Array(n);
    byName.forEach((id, r) => { rank[id] = r; });
    const byRank = Int32Array.from(byName);

    return {
        n, names, index, elements, isDomain, container,
        depStart, depDomain: Int32Array.from(dDomain), depReplicas: Float64Array.from(dReplicas),
        depStandby: Uint8Array.from(dStandby), depOwner: Int32Array.from(dOwner), totalReplicas,
        quorum, capacity, failover, recovery, availability, users,
        termStart, termK: Int32Array.from(tK), termForm: Uint8Array.from(tForm), termOwner: Int32Array.from(tOwner),
        termMembers, uses, monitors, backups, dependsOnEdges,
        containedBy, deployedOn, memberOf, usedBy,
        services: Int32Array.from(services), domains: Int32Array.from(domains), rank, byRank
    };
}

/** Ids sorted by name (in place): a numeric sort of their ranks. */
export function sortByName(cm: CompiledModel, ids: number[]): number[] {
    if (ids.length < 2) return ids;
    let sorted = true;
    for (let i = 1; i < ids.length && sorted; i++) sorted = cm.rank[ids[i - 1]] <= cm.rank[ids[i]];
    if (sorted) return ids;
    const ranks = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) ranks[i] = cm.rank[ids[i]];
    ranks.sort();
    for (let i = 0; i < ids.length; i++) ids[i] = cm.byRank[ranks[i]];
    return ids;
}

/** The names of `ids`, sorted. */
export function namesOf(cm: CompiledModel, ids: Iterable<number> | ArrayLike<number>): string[] {
    const list = typeof (ids as ArrayLike<number>).length === 'number' ? ids as ArrayLike<number> : [...ids as Iterable<number>];
    const ranks = new Int32Array(list.length);
    let sorted = true;
    for (let i = 0; i < list.length; i++) {
        ranks[i] = cm.rank[list[i]];
        if (i > 0 && ranks[i] < ranks[i - 1]) sorted = false;
    }
    if (!sorted) ranks.sort();
    const out: string[] = new Array(ranks.length);
    for (let i = 0; i < ranks.length; i++) out[i] = cm.names[cm.byRank[ranks[i]]];
    return out;
}

export function hasCapacity(cm: CompiledModel, id: number): boolean {
    return !Number.isNaN(cm.capacity[id]);
}

/** Members of term t, as a fresh array. */
export function termMembersOf(cm: CompiledModel, t: number): number[] {
    const out: number[] = [];
    for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) out.push(cm.termMembers.targets[j]);
    return out;
}
