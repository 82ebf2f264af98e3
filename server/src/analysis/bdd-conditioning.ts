/**
 * Conditioning a BDD's function on its variables: the probability that the function is false
 * (a service down), and the same with each variable of interest fixed — what the importance
 * measures (importance.ts) and the sources of a service's downtime (downtime-sources.ts) read.
 */

import { FALSE, TRUE, type Bdd } from './bdd.js';

/**
 * The probability that a BDD's function is false (the service down), and the same with one
 * variable fixed, for each variable of interest in it. Nodes are numbered children first, so an
 * ascending walk over a function's nodes evaluates children before parents.
 */
export class Conditioning {
    private local = new Int32Array(1024).fill(-1);

    constructor(private readonly bdd: Bdd, private readonly p: Float64Array) {}

    evaluate(root: number, wanted: Uint8Array): { q: number; conditioned: [number, number, number][] } {
        const bdd = this.bdd;
        if (root === TRUE) return { q: 0, conditioned: [] };
        if (root === FALSE) return { q: 1, conditioned: [] };
        const nodes = this.reachable(root);
        const count = nodes.length;
        if (this.local.length <= nodes[count - 1]) {
            const bigger = new Int32Array(Math.max(this.local.length * 2, nodes[count - 1] + 1)).fill(-1);
            this.local = bigger;
        }
        const local = this.local;
        for (let i = 0; i < count; i++) local[nodes[i]] = i;
        const vars = new Int32Array(count);
        const lo = new Int32Array(count);
        const hi = new Int32Array(count);
        for (let i = 0; i < count; i++) {
            const f = nodes[i];
            vars[i] = bdd.topVar(f);
            // children as local indices; terminals as −1 (FALSE) and −2 (TRUE)
            const l = bdd.low(f), h = bdd.high(f);
            lo[i] = l === FALSE ? -1 : l === TRUE ? -2 : local[l];
            hi[i] = h === FALSE ? -1 : h === TRUE ? -2 : local[h];
        }
        const base = new Float64Array(count);
        const value = (arr: Float64Array, i: number) => (i === -1 ? 1 : i === -2 ? 0 : arr[i]);
        for (let i = 0; i < count; i++) {
            const p = this.p[vars[i]];
            base[i] = (1 - p) * value(base, lo[i]) + p * value(base, hi[i]);
        }
        const q = base[count - 1];
        // the probability of reaching each node from the root, parents first
        const reach = new Float64Array(count);
        reach[count - 1] = 1;
        for (let i = count - 1; i >= 0; i--) {
            const p = this.p[vars[i]];
            if (lo[i] >= 0) reach[lo[i]] += reach[i] * (1 - p);
            if (hi[i] >= 0) reach[hi[i]] += reach[i] * p;
        }
        // Birnbaum of each variable: Σ over its nodes of reach · (Q(low) − Q(high)), every term ≥ 0 ("up" is monotone)
        const birnbaum = new Map<number, number>();
        for (let i = 0; i < count; i++) {
            const v = vars[i];
            if (!wanted[v]) continue;
            birnbaum.set(v, (birnbaum.get(v) ?? 0) + reach[i] * (value(base, lo[i]) - value(base, hi[i])));
        }
        const conditioned: [number, number, number][] = [];
        let down: Float64Array | undefined;
        let up: Float64Array | undefined;
        for (const [v, mif] of birnbaum) {
            const p = this.p[v];
            // Q = (1 − p)·Q(v fails) + p·Q(v up): both follow from Q and the Birnbaum measure
            const q0 = q + p * mif;
            const q1 = q - (1 - p) * mif;
            if (q1 >= 1e-3 * q) {
                conditioned.push([v, q0, q1]);
                continue;
            }
            // Q(v up) is a small difference (or zero): evaluated again exactly, the nodes at and above v only
            down ??= new Float64Array(count);
            up ??= new Float64Array(count);
            down.set(base);
            up.set(base);
            for (let j = 0; j < count; j++) {
                const u = vars[j];
                if (u > v) continue;
                if (u === v) {
                    down[j] = value(base, lo[j]);
                    up[j] = value(base, hi[j]);
                } else {
                    const pu = this.p[u];
                    down[j] = (1 - pu) * value(down, lo[j]) + pu * value(down, hi[j]);
                    up[j] = (1 - pu) * value(up, lo[j]) + pu * value(up, hi[j]);
                }
            }
            conditioned.push([v, down[count - 1], up[count - 1]]);
        }
        for (let i = 0; i < count; i++) local[nodes[i]] = -1;
        return { q, conditioned };
    }

    /** The inner nodes of root's function, ascending (children before parents; root last). */
    private reachable(root: number): number[] {
        const bdd = this.bdd;
        const seen = new Set<number>([root]);
        const stack = [root];
        while (stack.length > 0) {
            const f = stack.pop()!;
            for (const g of [bdd.low(f), bdd.high(f)]) {
                if (g > TRUE && !seen.has(g)) { seen.add(g); stack.push(g); }
            }
        }
        return [...seen].sort((a, b) => a - b);
    }
}
