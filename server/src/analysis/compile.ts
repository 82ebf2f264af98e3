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
import { compileColumns } from './compile-columns.js';
import { indexElements, Resolver } from './compile-index.js';
import { reverseEdges, orders } from './compile-reverse.js';
import { compilePlacements, compileReferences, compileTerms } from './compile-rows.js';
import type { Csr } from './csr.js';
import type { Element, Model, TierPolicy } from './model.js';

export { TermForm } from './compile-rows.js';

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
    /** the model's tier policies (targets.ts) */
    readonly policies: readonly TierPolicy[];
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

/**
 * In phases: which id each element gets (compile-index.ts), one value per element
 * (compile-columns.ts), the lists each element holds (compile-rows.ts), the reverse edges and
 * orders (compile-reverse.ts).
 */
export function compileModel(model: Model, options: CompileOptions = {}): CompiledModel {
    const { previous, arrays = freshArrays } = options;
    const ix = indexElements(model?.elements ?? [], previous, arrays);
    const resolve = new Resolver(ix);
    const placements = compilePlacements(ix, resolve, arrays);
    const columns = compileColumns(ix, resolve, placements.depStart, arrays);
    const terms = compileTerms(ix, resolve, arrays);
    const references = compileReferences(ix, resolve, arrays);
    const { n, names, index, elements, isDomain, base, prefix } = ix;
    return {
        n, names, index, elements, isDomain,
        ...columns, ...placements, ...terms, ...references,
        ...reverseEdges(n, columns.container, placements.depDomain, terms.termMembers, references.uses, arrays),
        ...orders(ix, arrays),
        stamp: ++compilations,
        basis: base ? { stamp: base.stamp, prefix } : undefined,
        refBound: resolve.refBound(arrays),
        missing: resolve.missing,
        policies: model?.policies ?? []
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
