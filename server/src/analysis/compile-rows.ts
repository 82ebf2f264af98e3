/**
 * The lists each element holds, as arrays: its deployments (`runs on`, services only), its
 * `depends on` terms and their members, and its `uses`, `monitors` and `backup on` targets. The
 * leading rows are copied from the compilation they are taken over from; the rest are appended.
 */

import type { Arrays } from './buffer-pool.js';
import { distinctIds, type ElementIndex, type Resolver } from './compile-index.js';
import { sanitizeThreshold } from './compile-columns.js';
import { RowAppender, type Csr } from './csr.js';
import { MAX_WHOLE_NUMBER } from './model.js';

export const TermForm = { One: 0, Any: 1, KOf: 2 } as const;

/** Replica counts stay finite (sums and the availability DP need it); the language rejects larger ones. */
const MAX_REPLICAS = MAX_WHOLE_NUMBER;

function sanitizeCount(x: number | undefined, fallback: number): number {
    if (x === undefined || Number.isNaN(x)) return fallback;
    return Math.min(MAX_REPLICAS, Math.max(0, Math.floor(x)));
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** The first `count` values of `head` followed by `tail`, as a typed array of the same kind. */
export function appended<T extends TypedArray>(make: (length: number) => T, head: T | undefined, count: number, tail: readonly number[]): T {
    const out = make(count + tail.length);
    if (head !== undefined && count > 0) out.set(head.subarray(0, count) as never);
    out.set(tail, count);
    return out;
}

export interface Placements {
    /** deployments of element e: indices depStart[e] … depStart[e + 1] - 1 */
    depStart: Int32Array;
    depDomain: Int32Array;
    depReplicas: Float64Array;
    depStandby: Uint8Array;
    depOwner: Int32Array;
    totalReplicas: Float64Array;
}

export function compilePlacements(ix: ElementIndex, resolve: Resolver, arrays: Arrays): Placements {
    const { n, prefix, base, elements, isDomain } = ix;
    const depStart = arrays.int32(n + 1);
    const totalReplicas = arrays.float64(n);
    if (base) {
        depStart.set(base.depStart.subarray(0, prefix + 1));
        totalReplicas.set(base.totalReplicas.subarray(0, prefix));
    }
    const depBase = depStart[prefix];
    const domains: number[] = [];
    const replicas: number[] = [];
    const standby: number[] = [];
    for (let i = prefix; i < n; i++) {
        depStart[i] = depBase + domains.length;
        if (isDomain[i]) continue;
        for (const d of elements[i].deployments ?? []) {
            const dom = d ? resolve.domain(i, d.domain) : -1;
            if (dom < 0) continue;
            const r = sanitizeCount(d.replicas, 1);
            domains.push(dom);
            replicas.push(r);
            standby.push(d.standby ? 1 : 0);
            totalReplicas[i] += r;
        }
    }
    depStart[n] = depBase + domains.length;
    const depOwner = arrays.int32(depStart[n]);
    if (base) depOwner.set(base.depOwner.subarray(0, depBase));
    for (let i = prefix; i < n; i++) for (let d = depStart[i]; d < depStart[i + 1]; d++) depOwner[d] = i;
    return {
        depStart,
        depDomain: appended(arrays.int32, base?.depDomain, depBase, domains),
        depReplicas: appended(arrays.float64, base?.depReplicas, depBase, replicas),
        depStandby: appended(arrays.uint8, base?.depStandby, depBase, standby),
        depOwner,
        totalReplicas
    };
}

export interface Terms {
    /** terms of element e: ids termStart[e] … termStart[e + 1] - 1 */
    termStart: Int32Array;
    termK: Int32Array;
    termForm: Uint8Array;
    termOwner: Int32Array;
    /** members of each term (row = term id), duplicates removed */
    termMembers: Csr;
    /** every member of every `depends on` term of each element, each once */
    dependsOnEdges: Csr;
}

export function compileTerms(ix: ElementIndex, resolve: Resolver, arrays: Arrays): Terms {
    const { n, prefix, base, elements } = ix;
    const termStart = arrays.int32(n + 1);
    if (base) termStart.set(base.termStart.subarray(0, prefix + 1));
    const termBase = termStart[prefix];
    const k: number[] = [];
    const form: number[] = [];
    const owner: number[] = [];
    const members: number[][] = [];
    const edges = new RowAppender(n, base?.dependsOnEdges, prefix, arrays);
    for (let i = prefix; i < n; i++) {
        termStart[i] = termBase + k.length;
        const all: number[] = [];
        for (const t of elements[i].dependsOn ?? []) {
            if (!t) continue;
            const ids = distinctIds((t.members ?? []).map(name => resolve.id(i, name)));
            // more than the members can never hold: any such k is as good as members + 1
            const need = Math.min(ids.length + 1, t.form === 'kof' ? sanitizeThreshold(t.k, 1) : 1);
            if (ids.length === 0 || need <= 0) continue;
            k.push(need);
            form.push(t.form === 'any' ? TermForm.Any : t.form === 'kof' ? TermForm.KOf : TermForm.One);
            owner.push(i);
            members.push(ids);
            all.push(...ids);
        }
        edges.row(i);
        for (const m of distinctIds(all)) edges.add(m);
    }
    termStart[n] = termBase + k.length;
    const memberRows = new RowAppender(termStart[n], base?.termMembers, termBase, arrays);
    members.forEach((ids, t) => { memberRows.row(termBase + t); for (const m of ids) memberRows.add(m); });
    return {
        termStart,
        termK: appended(arrays.int32, base?.termK, termBase, k),
        termForm: appended(arrays.uint8, base?.termForm, termBase, form),
        termOwner: appended(arrays.int32, base?.termOwner, termBase, owner),
        termMembers: memberRows.build(),
        dependsOnEdges: edges.build()
    };
}

export interface ReferenceRows {
    /** soft dependencies (services only) */
    uses: Csr;
    monitors: Csr;
    /** `backup on`, failure domains only */
    backups: Csr;
}

export function compileReferences(ix: ElementIndex, resolve: Resolver, arrays: Arrays): ReferenceRows {
    const { n, prefix, base, elements, isDomain } = ix;
    /** Row i of each list: the ids of the names, each once. */
    const rows = (previous: Csr | undefined, list: (i: number) => readonly string[] | undefined, lookup: (i: number, name: string) => number): Csr => {
        const appender = new RowAppender(n, previous, prefix, arrays);
        for (let i = prefix; i < n; i++) {
            appender.row(i);
            const names = list(i);
            if (names === undefined || names.length === 0) continue;
            for (const id of distinctIds(names.map(name => lookup(i, name)))) appender.add(id);
        }
        return appender.build();
    };
    const id = (i: number, name: string) => resolve.id(i, name);
    return {
        // soft dependencies only degrade services
        uses: rows(base?.uses, i => (isDomain[i] ? undefined : elements[i].uses), id),
        monitors: rows(base?.monitors, i => elements[i].monitors, id),
        backups: rows(base?.backups, i => elements[i].backups, (i, name) => resolve.domain(i, name))
    };
}
