/**
 * Every single failure at once: for each element, the set of failure domains whose failure alone
 * takes it down ("down set"), and the set whose failure alone leaves it down or degraded
 * ("unhealthy set"), as bitsets over the failure domains.
 *
 * Bit i of a row stands for the domain `domainAt[i]`; bits are in name order, so reading a row
 * gives its domains sorted by name. Each bit is an independent evaluation of spec section 4's
 * rules with that one domain failed, done for all domains in parallel, one 32-bit word at a time:
 *
 * - a failure domain is in its own down set;
 * - `in X`: the container's down set;
 * - placement: the domains under which fewer than `quorum` replicas stay on up domains, i.e.
 *   where the replicas on deployment domains that go down exceed total − quorum (a weighted
 *   count over the deployments' rows);
 * - a `depends on` term of m members needing k: the domains in more than m − k members' rows
 *   (one member: OR; all members needed down: AND; otherwise a count per bit).
 *
 * The unhealthy set adds, for services, the down sets of `uses` targets, terms counted over the
 * members' unhealthy sets, and the domains that leave fewer replicas than `capacity`.
 *
 * Rows are computed dependencies first, over the strongly connected components of the graph
 * "element → container, deployment domains, term members". Within a component the rows start
 * empty and are re-evaluated until nothing changes: down sets only grow, so this is the least
 * fixpoint of "down", which is the spec's greatest fixpoint of "up" (and likewise for health).
 * An element down (or unhealthy) with nothing failed has every bit set.
 *
 * Cost: O((elements + edges) × words) word operations, plus a count per set bit for the few
 * terms and placements that need one; no simulation per domain.
 */

import { hasCapacity, type CompiledModel } from './compile.js';
import { hardGraph, hardGraphFrom } from './hard-graph.js';
import { freshArrays, type BufferPool } from './buffer-pool.js';
import type { StateEngine } from './state.js';

export interface DownSets {
    /** words per row */
    readonly words: number;
    /** number of failure domains (bits in use per row) */
    readonly bits: number;
    /** the bit of each failure domain id; -1 for other elements */
    readonly bitOf: Int32Array;
    /** the failure domain id of each bit (name order) */
    readonly domainAt: Int32Array;
    /** row x: words x·words … (x + 1)·words − 1 */
    readonly down: Uint32Array;
    readonly unhealthy: Uint32Array;
    /** 1 for an element on a cycle of the graph above (its row needed iterating) */
    readonly cyclic: Uint8Array;
}

export function hasBit(rows: Uint32Array, words: number, x: number, bit: number): boolean {
    return ((rows[x * words + (bit >>> 5)] >>> (bit & 31)) & 1) === 1;
}

/** The set bits of row x, ascending, passed to `visit`. */
export function forEachBit(rows: Uint32Array, words: number, x: number, visit: (bit: number) => void): void {
    const base = x * words;
    for (let w = 0; w < words; w++) {
        let v = rows[base + w];
        while (v !== 0) {
            const low = v & -v;
            visit((w << 5) + 31 - Math.clz32(low));
            v ^= low;
        }
    }
}

/**
 * The down sets of `engine`'s model. With `previous` (the down sets of the compilation the model
 * copied its first rows from, see `compileModel`), those rows' sets are copied when the failure
 * domains are the same (all among the copied rows): what a row says depends only on the rows it
 * refers to, which are all before it.
 */
export function computeDownSets(engine: StateEngine, pool?: BufferPool, previous?: { cm: CompiledModel; sets: DownSets }): DownSets {
    const cm = engine.cm;
    const n = cm.n;
    const from = previous === undefined ? 0 : reusableRows(cm, previous.cm, previous.sets);
    const reused = from > 0 ? previous!.sets : undefined;
    // the same domains when rows are copied: their bits are the same
    const domainAt = reused ? reused.domainAt : Int32Array.from([...cm.domains].sort((a, b) => cm.rank[a] - cm.rank[b]));
    const bits = domainAt.length;
    const words = Math.max(1, (bits + 31) >>> 5);
    const bitOf = new Int32Array(n).fill(-1);
    domainAt.forEach((d, i) => { bitOf[d] = i; });
    const arrays = pool ?? freshArrays;
    const down = arrays.uint32(n * words);
    const unhealthy = arrays.uint32(n * words);
    const cyclic = new Uint8Array(n);
    if (reused) {
        down.set(reused.down.subarray(0, from * words));
        unhealthy.set(reused.unhealthy.subarray(0, from * words));
        cyclic.set(reused.cyclic.subarray(0, from));
    }

    const full = new Uint32Array(words).fill(0xffffffff);
    if (bits % 32 !== 0) full[words - 1] = (2 ** (bits % 32)) - 1;
    for (let x = from; x < n; x++) {
        if (!engine.baseUp[x]) down.set(full, x * words);
        if (!engine.baseHealthy[x]) unhealthy.set(full, x * words);
    }

    // the rows to compute, dependencies first (ids relative to `from`)
    const graph = from === 0 ? hardGraph(cm) : hardGraphFrom(cm, from);
    for (let x = from; x < n; x++) cyclic[x] = graph.cyclic[x - from];
    const order = graph.components.members;

    const ev = new RowEvaluator(cm, words, bitOf, down, unhealthy);
    const pass = (rows: Uint32Array, base: Uint8Array, evaluate: (x: number, out: Uint32Array) => void) => {
        const scratch = new Uint32Array(words);
        const update = (x: number): boolean => {
            scratch.fill(0);
            evaluate(x, scratch);
            let changed = false;
            const at = x * words;
            for (let w = 0; w < words; w++) {
                const v = (rows[at + w] | scratch[w]) >>> 0;
                if (v !== rows[at + w]) {
                    rows[at + w] = v;
                    changed = true;
                }
            }
            return changed;
        };
        for (const group of order) {
            const first = group[0] + from;
            if (!cyclic[first]) {
                if (base[first]) update(first);
                continue;
            }
            let changed = true;
            while (changed) {
                changed = false;
                for (const local of group) {
                    const x = local + from;
                    if (base[x] && update(x)) changed = true;
                }
            }
        }
    };
    pass(down, engine.baseUp, (x, out) => ev.down(x, out));
    pass(unhealthy, engine.baseHealthy, (x, out) => ev.unhealthy(x, out));

    return { words, bits, bitOf, domainAt, down, unhealthy, cyclic };
}

/**
 * How many leading rows of `previousSets` hold for `cm`: its copied rows (`cm.basis`), when every
 * failure domain of both models is among them (so the bits mean the same domains); else 0.
 */
function reusableRows(cm: CompiledModel, previous: CompiledModel, previousSets: DownSets): number {
    const prefix = cm.basis?.stamp === previous.stamp ? cm.basis.prefix : 0;
    if (prefix === 0) return 0;
    const lastDomain = (m: CompiledModel) => (m.domains.length === 0 ? -1 : m.domains[m.domains.length - 1]);
    if (lastDomain(cm) >= prefix || lastDomain(previous) >= prefix || previousSets.bits !== cm.domains.length) return 0;
    return prefix;
}

/** One element's row from its inputs' rows (which must be up to date). */
export class RowEvaluator {
    private readonly counter: BitCounter;

    constructor(
        private readonly cm: CompiledModel,
        private readonly words: number,
        private readonly bitOf: Int32Array,
        private readonly downRows: Uint32Array,
        private readonly unhealthyRows: Uint32Array
    ) {
        this.counter = new BitCounter(words * 32);
    }

    down(x: number, out: Uint32Array): void {
        const cm = this.cm;
        if (cm.isDomain[x]) {
            const bit = this.bitOf[x];
            out[bit >>> 5] |= 1 << (bit & 31);
        }
        if (cm.container[x] >= 0) this.or(this.downRows, cm.container[x], out);
        this.placement(x, cm.quorum[x], out);
        this.terms(x, this.downRows, out);
    }

    unhealthy(x: number, out: Uint32Array): void {
        const cm = this.cm;
        this.or(this.downRows, x, out);
        if (cm.isDomain[x]) return; // a failure domain is healthy iff it is up
        for (let j = cm.uses.start[x]; j < cm.uses.start[x + 1]; j++) this.or(this.downRows, cm.uses.targets[j], out);
        this.terms(x, this.unhealthyRows, out);
        if (hasCapacity(cm, x)) this.placement(x, cm.capacity[x], out);
    }

    private or(rows: Uint32Array, y: number, out: Uint32Array): void {
        const at = y * this.words;
        for (let w = 0; w < this.words; w++) out[w] |= rows[at + w];
    }

    /** The domains under which fewer than `needed` replicas stay on up deployment domains. */
    private placement(x: number, needed: number, out: Uint32Array): void {
        const cm = this.cm;
        const from = cm.depStart[x];
        const to = cm.depStart[x + 1];
        if (from === to || !(needed > 0)) return;
        const limit = cm.totalReplicas[x] - needed; // down where the replicas lost exceed this
        if (to - from === 1) {
            if (cm.depReplicas[from] > limit) this.or(this.downRows, cm.depDomain[from], out);
            return;
        }
        for (let d = from; d < to; d++) this.counter.tally(this.downRows, this.words, cm.depDomain[d], cm.depReplicas[d]);
        this.flush(limit, out);
    }

    /** Each `depends on` term: the domains in more than (members − k) members' rows. */
    private terms(x: number, rows: Uint32Array, out: Uint32Array): void {
        const cm = this.cm;
        const words = this.words;
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            const from = cm.termMembers.start[t];
            const to = cm.termMembers.start[t + 1];
            const m = to - from;
            const limit = m - cm.termK[t];
            if (limit === 0) {
                for (let j = from; j < to; j++) this.or(rows, cm.termMembers.targets[j], out);
            } else if (limit === m - 1) {
                for (let w = 0; w < words; w++) {
                    let v = 0xffffffff;
                    for (let j = from; j < to && v !== 0; j++) v &= rows[cm.termMembers.targets[j] * words + w];
                    out[w] |= v;
                }
            } else {
                for (let j = from; j < to; j++) this.counter.tally(rows, this.words, cm.termMembers.targets[j], 1);
                this.flush(limit, out);
            }
        }
    }

    /** Sets the bits whose count exceeds `limit`, and clears the counts. */
    private flush(limit: number, out: Uint32Array): void {
        this.counter.drain((bit, count) => {
            if (count > limit) out[bit >>> 5] |= 1 << (bit & 31);
        });
    }
}

/** Weighted counts per bit over several rows; `drain` reports and clears them. */
export class BitCounter {
    private readonly count: Float64Array;
    private readonly touched: number[] = [];

    constructor(bits: number) {
        this.count = new Float64Array(bits);
    }

    /** Adds `weight` to the count of every bit set in row y. */
    tally(rows: Uint32Array, words: number, y: number, weight: number): void {
        if (!(weight > 0)) return;
        forEachBit(rows, words, y, bit => {
            if (this.count[bit] === 0) this.touched.push(bit);
            this.count[bit] += weight;
        });
    }

    /** Every bit counted (weight > 0), in the order first counted, with its count; then clears. */
    drain(visit: (bit: number, count: number) => void): void {
        for (const bit of this.touched) {
            visit(bit, this.count[bit]);
            this.count[bit] = 0;
        }
        this.touched.length = 0;
    }
}
