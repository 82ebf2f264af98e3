/**
 * The first phase of a compilation: which element each id is (the first declaration of a name
 * wins; the leading rows of an earlier compilation are taken over as they are), and the
 * resolver the later phases look names up with, which records what each row refers to (so that
 * a later compilation knows which rows it may copy: `refBound`, `missing`).
 */

import type { Arrays } from './buffer-pool.js';
import type { CompiledModel } from './compile.js';
import { reusablePrefix } from './compile-reuse.js';
import { isDomainKind, type Element } from './model.js';

export interface ElementIndex {
    readonly n: number;
    readonly elements: readonly Element[];
    readonly names: readonly string[];
    readonly index: ReadonlyMap<string, number>;
    readonly isDomain: Uint8Array;
    /** the leading rows copied from `base` */
    readonly prefix: number;
    readonly base?: CompiledModel;
}

export function indexElements(source: readonly Element[], previous: CompiledModel | undefined, arrays: Arrays): ElementIndex {
    const prefix = previous === undefined ? 0 : reusablePrefix(source, previous);
    const base = prefix > 0 ? previous : undefined;
    if (base && sameNames(source, base, prefix)) {
        // the usual edit: the same names in the same order, so the same ids (the index and names
        // of `base` are never changed once built: shared instead of copied)
        const elements = source.slice();
        const isDomain = arrays.uint8(base.n);
        for (let i = 0; i < base.n; i++) isDomain[i] = isDomainKind(elements[i].kind) ? 1 : 0;
        return { n: base.n, elements, names: base.names, index: base.index, isDomain, prefix, base };
    }
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
    const isDomain = arrays.uint8(n);
    for (let i = 0; i < n; i++) isDomain[i] = isDomainKind(elements[i].kind) ? 1 : 0;
    return { n, elements, names: elements.map(e => e.name), index, isDomain, prefix, base };
}

/** Whether `source` holds `base`'s names, in its order, from `prefix` on (the rows before are the same elements). */
function sameNames(source: readonly Element[], base: CompiledModel, prefix: number): boolean {
    if (source.length !== base.n) return false;
    for (let i = prefix; i < source.length; i++) {
        const e = source[i];
        if (!e || e.name !== base.names[i]) return false;
    }
    return true;
}

/**
 * Looks names up for the rows being compiled, and remembers, per row, the largest id it refers
 * to and the names it looked for in vain.
 */
export class Resolver {
    /** names referred to but not declared → the first row referring to each */
    readonly missing = new Map<string, number>();
    private readonly largest: Int32Array;

    constructor(private readonly ix: ElementIndex) {
        this.largest = new Int32Array(ix.n).fill(-1);
        if (ix.base) for (const [name, row] of ix.base.missing) if (row < ix.prefix) this.missing.set(name, row);
    }

    /** The id of `name` as row `row` refers to it, or −1. */
    id(row: number, name: string | undefined): number {
        if (name === undefined) return -1;
        const id = this.ix.index.get(name);
        if (id === undefined) {
            const first = this.missing.get(name);
            if (first === undefined || row < first) this.missing.set(name, row);
            return -1;
        }
        if (id > this.largest[row]) this.largest[row] = id;
        return id;
    }

    /** The id of `name` when it is a failure domain, else −1. */
    domain(row: number, name: string): number {
        const id = this.id(row, name);
        return id >= 0 && this.ix.isDomain[id] ? id : -1;
    }

    /** Per row: the largest id that it or an earlier row refers to (−1: none); the prefix's copied. */
    refBound(arrays: Arrays): Int32Array {
        const { n, prefix, base } = this.ix;
        const bound = arrays.int32(n);
        if (base) bound.set(base.refBound.subarray(0, prefix));
        let running = prefix > 0 ? bound[prefix - 1] : -1;
        for (let i = prefix; i < n; i++) {
            if (this.largest[i] > running) running = this.largest[i];
            bound[i] = running;
        }
        return bound;
    }
}

/** The ids ≥ 0 of `ids`, first occurrence kept, in order. */
export function distinctIds(ids: readonly number[]): number[] {
    if (ids.length <= 16) {
        const out: number[] = [];
        for (const id of ids) if (id >= 0 && !out.includes(id)) out.push(id);
        return out;
    }
    return [...new Set(ids.filter(id => id >= 0))];
}
