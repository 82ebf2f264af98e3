/**
 * The model compiled into integer ids and adjacency arrays, forward and reverse, so that
 * every later pass is a walk over arrays. Compile once, reuse for every analysis and
 * simulation (the language server keeps it while nothing changes, and after an edit copies
 * the rows of the elements that did not change: see `CompileOptions.previous`).
 *
 * Robustness: references to unknown names (or, for `runs on`/`backup on`, to elements that are
 * not failure domains) are dropped; for a duplicate name the first element wins and the
 * others are ignored; numbers are sanitised (see `sanitize*`).
 */

import { freshArrays, type Arrays } from './buffer-pool.js';
import { groupBy, RowAppender, transpose, type Csr } from './csr.js';
import { nameOrder, reusablePrefix } from './compile-reuse.js';
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

    // what lets a later compilation copy this one's leading rows (see `compileModel`)
    /** this compilation, among those of the process */
    readonly stamp: number;
    /** the compilation whose first `prefix` rows this one copied */
    readonly basis?: { stamp: number; prefix: number };
    /** per row: the largest id that it or an earlier row refers to (−1: none) */
    readonly refBound: Int32Array;
    /** names referred to but not declared → the first row referring to each */
    readonly missing: ReadonlyMap<string, number>;
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

let compilations = 0;

export interface CompileOptions {
    /**
     * An earlier compilation: the leading elements that are the very same objects there, and
     * whose references resolve the same way, are not compiled again; their rows are copied (see
     * `reusablePrefix`). Elements are treated as immutable values.
     */
    previous?: CompiledModel;
    /** where the typed arrays come from (a `BufferPool`, given them back with `releaseArrays`) */
    arrays?: Arrays;
}

export function compileModel(model: Model, options: CompileOptions = {}): CompiledModel {
    const { previous, arrays = freshArrays } = options;
    const source = model?.elements ?? [];
    const prefix = previous === undefined ? 0 : reusablePrefix(source, previous);
    const base = prefix > 0 ? previous : undefined;
    const elements: Element[] = base ? base.elements.slice(0, prefix) : [];
    const index = new Map<string, number>();
    if (base) {
        for (const [name, id] of base.index) if (id < prefix) index.set(name, id);
    }
    for (let i = prefix; i < source.length; i++) {
        const e = source[i];
        if (!e || typeof e.name !== 'string' || index.has(e.name)) continue;
        index.set(e.name, elements.length);
        elements.push(e);
    }
    const n = elements.length;
    const names = elements.map(e => e.name);
    const isDomain = arrays.uint8(n);
    for (let i = 0; i < n; i++) isDomain[i] = isDomainKind(elements[i].kind) ? 1 : 0;
    const missing = new Map<string, number>();
    if (base) for (const [name, row] of base.missing) if (row < prefix) missing.set(name, row);
    let row = 0;
    const idOf = (name: string | undefined): number => {
        if (name === undefined) return -1;
        const id = index.get(name);
        if (id !== undefined) return id;
        if (!missing.has(name)) missing.set(name, row);
        return -1;
    };
    const domainId = (name: string): number => {
        const id = idOf(name);
        return id >= 0 && isDomain[id] ? id : -1;
    };

    // per-element values: the prefix's copied, the rest computed
    const container = arrays.int32(n).fill(-1);
    const quorum = arrays.float64(n);
    const capacity = arrays.float64(n);
    const failover = arrays.float64(n);
    const recovery = arrays.float64(n);
    const availability = arrays.float64(n);
    const users = arrays.float64(n);
    const totalReplicas = arrays.float64(n);
    const refBound = arrays.int32(n);
    if (base) {
        const copy = <T extends TypedArray>(to: T, from: T) => to.set(from.subarray(0, prefix) as never);
        copy(container, base.container);
        copy(quorum, base.quorum);
        copy(capacity, base.capacity);
        copy(failover, base.failover);
        copy(recovery, base.recovery);
        copy(availability, base.availability);
        copy(users, base.users);
        copy(totalReplicas, base.totalReplicas);
        copy(refBound, base.refBound);
    }

    // deployments (services only) and terms: the prefix's rows copied, the rest appended
    const depStart = arrays.int32(n + 1);
    const termStart = arrays.int32(n + 1);
    if (base) {
        depStart.set(base.depStart.subarray(0, prefix + 1));
        termStart.set(base.termStart.subarray(0, prefix + 1));
    }
    const dDomain: number[] = [];
    const dReplicas: number[] = [];
    const dStandby: number[] = [];
    const tK: number[] = [];
    const tForm: number[] = [];
    const tOwner: number[] = [];
    const depBase = depStart[prefix];
    const termBase = termStart[prefix];
    const members: number[][] = [];
    const refRows = {
        uses: new RowAppender(n, base?.uses, prefix, arrays),
        monitors: new RowAppender(n, base?.monitors, prefix, arrays),
        backups: new RowAppender(n, base?.backups, prefix, arrays),
        dependsOnEdges: new RowAppender(n, base?.dependsOnEdges, prefix, arrays)
    };

    let bound = prefix > 0 ? refBound[prefix - 1] : -1;
    const note = (id: number) => { if (id > bound) bound = id; };
    /** Row i of `appender`: the ids of `list`, each once. */
    const refs = (appender: RowAppender, i: number, list: readonly string[] | undefined, resolve: (name: string) => number) => {
        appender.row(i);
        if (list === undefined || list.length === 0) return;
        for (const id of distinctIds(list.map(resolve))) { appender.add(id); note(id); }
    };
    for (let i = prefix; i < n; i++) {
        row = i;
        const e = elements[i];
        container[i] = idOf(e.container);
        note(container[i]);
        quorum[i] = sanitizeThreshold(e.quorum, 1);
        // capacity only means something for services (a failure domain is healthy iff up)
        capacity[i] = isDomain[i] || e.capacity === undefined || Number.isNaN(e.capacity) ? NaN : Math.max(0, e.capacity);
        failover[i] = sanitizeMinutes(e.failover);
        recovery[i] = sanitizeMinutes(e.recovery);
        availability[i] = sanitizeProbability(e.availability);
        users[i] = Number.isFinite(e.users) && e.users > 0 ? e.users : 0;

        depStart[i] = depBase + dDomain.length;
        if (!isDomain[i]) {
            for (const d of e.deployments ?? []) {
                const dom = d ? domainId(d.domain) : -1;
                if (dom < 0) continue;
                note(dom);
                const r = sanitizeCount(d.replicas, 1);
                dDomain.push(dom);
                dReplicas.push(r);
                dStandby.push(d.standby ? 1 : 0);
                totalReplicas[i] += r;
            }
        }

        termStart[i] = termBase + tK.length;
        const all: number[] = [];
        for (const t of e.dependsOn ?? []) {
            if (!t) continue;
            const ids = distinctIds((t.members ?? []).map(idOf));
            // more than the members can never hold: any such k is as good as members + 1
            const k = Math.min(ids.length + 1, t.form === 'kof' ? sanitizeThreshold(t.k, 1) : 1);
            if (ids.length === 0 || k <= 0) continue;
            tK.push(k);
            tForm.push(t.form === 'any' ? TermForm.Any : t.form === 'kof' ? TermForm.KOf : TermForm.One);
            tOwner.push(i);
            members.push(ids);
            for (const m of ids) { all.push(m); note(m); }
        }
        // soft dependencies only degrade services
        refs(refRows.uses, i, isDomain[i] ? undefined : e.uses, idOf);
        refs(refRows.monitors, i, e.monitors, idOf);
        refs(refRows.backups, i, e.backups, domainId);
        refRows.dependsOnEdges.row(i);
        for (const m of distinctIds(all)) refRows.dependsOnEdges.add(m);
        refBound[i] = bound;
    }
    depStart[n] = depBase + dDomain.length;
    termStart[n] = termBase + tK.length;

    const depCount = depStart[n];
    const termCount = termStart[n];
    const depDomain = appended(arrays.int32, base?.depDomain, depBase, dDomain);
    const depOwner = arrays.int32(depCount);
    if (base) depOwner.set(base.depOwner.subarray(0, depBase));
    for (let i = prefix; i < n; i++) for (let d = depStart[i]; d < depStart[i + 1]; d++) depOwner[d] = i;
    const memberRows = new RowAppender(termCount, base?.termMembers, termBase, arrays);
    members.forEach((ids, t) => { memberRows.row(termBase + t); for (const m of ids) memberRows.add(m); });
    const termMembersCsr = memberRows.build();
    const uses = refRows.uses.build();

    const { rank, byRank } = nameOrder(names, index, base, prefix, arrays);
    const services: number[] = [];
    const domains: number[] = [];
    for (let i = 0; i < n; i++) (isDomain[i] ? domains : services).push(i);

    return {
        n, names, index, elements, isDomain, container,
        depStart, depDomain, depReplicas: appended(arrays.float64, base?.depReplicas, depBase, dReplicas),
        depStandby: appended(arrays.uint8, base?.depStandby, depBase, dStandby), depOwner, totalReplicas,
        quorum, capacity, failover, recovery, availability, users,
        termStart, termK: appended(arrays.int32, base?.termK, termBase, tK), termForm: appended(arrays.uint8, base?.termForm, termBase, tForm),
        termOwner: appended(arrays.int32, base?.termOwner, termBase, tOwner),
        termMembers: termMembersCsr, uses, monitors: refRows.monitors.build(), backups: refRows.backups.build(),
        dependsOnEdges: refRows.dependsOnEdges.build(),
        containedBy: groupBy(n, n, i => container[i], arrays),
        deployedOn: groupBy(n, depCount, d => depDomain[d], arrays),
        memberOf: transpose(n, termMembersCsr, arrays),
        usedBy: transpose(n, uses, arrays),
        services: appended(arrays.int32, undefined, 0, services), domains: appended(arrays.int32, undefined, 0, domains), rank, byRank,
        stamp: ++compilations,
        basis: base ? { stamp: base.stamp, prefix } : undefined,
        refBound, missing
    };
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** The first `count` values of `head` followed by `tail`, as a typed array of the same kind. */
function appended<T extends TypedArray>(make: (length: number) => T, head: T | undefined, count: number, tail: readonly number[]): T {
    const out = make(count + tail.length);
    if (head !== undefined && count > 0) out.set(head.subarray(0, count) as never);
    out.set(tail, count);
    return out;
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
