/**
 * Availability (spec section 6, note 11): the exact probability that each service is up,
 * elements failing independently, an element without `availability` never failing.
 *
 * One BDD variable per element with availability < 1. Each element's "up" function is built
 * from its inputs' functions, in dependency order (strongly connected components of the hard
 * graph: container, `runs on`, `depends on`); inside a cycle the greatest fixpoint is found by
 * iterating from TRUE until no function changes. Quorum and `K of` are weighted thresholds.
 * Variables are ordered dependents first, so chains stay small.
 *
 * Past the node budget (for the whole run), the remaining services get sound bounds instead:
 * low = product of the availabilities of every variable in the cone (all up ⇒ the service is
 * up), high = product of its own availability and those of its SPOFs (any one down ⇒ down).
 */

import { Bdd, BudgetExceeded, FALSE, TRUE } from './bdd.js';
import type { Csr } from './csr.js';
import type { CompiledModel } from './compile.js';
import { hardGraph } from './hard-graph.js';
import type { StateEngine } from './state.js';

export const DEFAULT_NODE_BUDGET = 200_000;
const CONE_WORK_LIMIT = 5_000_000;

export interface Availability {
    /** per element id: exact availability, null when nothing in the cone declares one or past the budget */
    value: (number | null)[];
    /** per service id past the budget: [low, high] */
    bounds: Map<number, [number, number]>;
    /** BDD nodes created */
    nodes: number;
    /** the BDD, each element's "up" function in it (−1 past the budget), and the element of each variable */
    bdd: Bdd;
    functions: Int32Array;
    elementOfVar: Int32Array;
}

export function computeAvailability(
    engine: StateEngine, spofsOf: (s: number) => readonly number[], budget = DEFAULT_NODE_BUDGET
): Availability {
    const cm = engine.cm;
    const n = cm.n;
    const { edges, components: { comp, members, selfLoop } } = hardGraph(cm);
    const isVar = (x: number) => cm.availability[x] < 1; // false for NaN

    // does the cone of each component declare an availability / hold a variable?
    const declared = new Uint8Array(members.length);
    const hasVar = new Uint8Array(members.length);
    members.forEach((group, c) => {
        for (const x of group) {
            if (!Number.isNaN(cm.availability[x])) declared[c] = 1;
            if (isVar(x)) hasVar[c] = 1;
            for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
                const c2 = comp[edges.targets[j]];
                if (c2 === c) continue;
                declared[c] |= declared[c2];
                hasVar[c] |= hasVar[c2];
            }
        }
    });

    // variables: dependents first (components come out dependencies first)
    const varOf = new Int32Array(n).fill(-1);
    const probs: number[] = [];
    for (let c = members.length - 1; c >= 0; c--) {
        for (const x of members[c]) {
            if (isVar(x)) {
                varOf[x] = probs.length;
                probs.push(cm.availability[x]);
            }
        }
    }

    const bdd = new Bdd(Math.max(0, budget), Float64Array.from(probs));
    const B = new Int32Array(n).fill(-1);
    let exhausted = false;
    for (let c = 0; c < members.length; c++) {
        const group = members[c];
        if (!hasVar[c]) {
            for (const x of group) B[x] = engine.baseUp[x] ? TRUE : FALSE;
            continue;
        }
        if (exhausted) continue;
        try {
            solveComponent(cm, engine, bdd, group, selfLoop, varOf, B);
        } catch (e) {
            if (!(e instanceof BudgetExceeded)) throw e;
            for (const x of group) B[x] = -1;
            exhausted = true;
        }
    }

    const value: (number | null)[] = new Array(n).fill(null);
    const bounds = new Map<number, [number, number]>();
    let coneWork = 0;
    let allVars: number | undefined;
    for (const s of cm.services) {
        if (!declared[comp[s]]) continue;
        if (!engine.baseUp[s]) { value[s] = 0; continue; }
        if (B[s] >= 0) { value[s] = bdd.probability(B[s]); continue; }
        // past the budget: bounds
        let low: number;
        if (coneWork < CONE_WORK_LIMIT) {
            const cone = coneProduct(edges, s, cm.availability);
            coneWork += cone.work;
            low = cone.product;
        } else {
            allVars ??= probs.reduce((a, p) => a * p, 1);
            low = allVars;
        }
        let high = isVar(s) ? cm.availability[s] : 1;
        for (const d of spofsOf(s)) if (isVar(d)) high *= cm.availability[d];
        bounds.set(s, [Math.min(low, high), high]);
    }
    const elementOfVar = new Int32Array(probs.length);
    for (let x = 0; x < n; x++) if (varOf[x] >= 0) elementOfVar[varOf[x]] = x;
    return { value, bounds, nodes: bdd.nodeCount, bdd, functions: B, elementOfVar };
}

/** The up functions of one strongly connected component (dependencies solved before); exported for importance.ts. */
export function solveComponent(
    cm: CompiledModel, engine: StateEngine, bdd: Bdd, group: number[], selfLoop: Uint8Array,
    varOf: Int32Array, B: Int32Array
): void {
    const live = group.filter(x => engine.baseUp[x]);
    for (const x of group) if (!engine.baseUp[x]) B[x] = FALSE; // never up: down for every assignment
    if (group.length === 1 && !selfLoop[group[0]]) {
        if (live.length === 1) B[live[0]] = upFunction(cm, bdd, live[0], varOf, B);
        return;
    }
    // greatest fixpoint: from TRUE down, until nothing changes
    for (const x of live) B[x] = TRUE;
    const maxRounds = 64 + 4 * live.length;
    for (let round = 0; ; round++) {
        if (round > maxRounds) throw new BudgetExceeded('cycle did not settle');
        let changed = false;
        for (const x of live) {
            const f = upFunction(cm, bdd, x, varOf, B);
            if (f !== B[x]) { B[x] = f; changed = true; }
        }
        if (!changed) return;
    }
}

/** x is up: its own variable, its container, its placement, its terms. */
function upFunction(cm: CompiledModel, bdd: Bdd, x: number, varOf: Int32Array, B: Int32Array): number {
    const parts: number[] = [];
    if (varOf[x] >= 0) parts.push(bdd.variable(varOf[x]));
    const c = cm.container[x];
    if (c >= 0) parts.push(B[c]);
    if (parts.includes(FALSE)) return FALSE;
    const from = cm.depStart[x];
    const to = cm.depStart[x + 1];
    if (to > from) {
        const items: { f: number; w: number }[] = [];
        for (let d = from; d < to; d++) items.push({ f: B[cm.depDomain[d]], w: cm.depReplicas[d] });
        parts.push(bdd.threshold(items, cm.quorum[x]));
    }
    for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
        const a = cm.termMembers.start[t];
        const b = cm.termMembers.start[t + 1];
        if (b - a === 1 && cm.termK[t] === 1) {
            parts.push(B[cm.termMembers.targets[a]]);
            continue;
        }
        const items: { f: number; w: number }[] = [];
        for (let j = a; j < b; j++) items.push({ f: B[cm.termMembers.targets[j]], w: 1 });
        parts.push(bdd.threshold(items, cm.termK[t]));
    }
    return bdd.andAll(parts);
}

/** Product of the availabilities (< 1) of every element in the cone of s, iteratively. */
function coneProduct(edges: Csr, s: number, availability: Float64Array): { product: number; work: number } {
    const seen = new Set<number>([s]);
    const stack = [s];
    let product = 1;
    let work = 0;
    while (stack.length > 0) {
        const x = stack.pop()!;
        if (availability[x] < 1) product *= availability[x];
        for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
            work++;
            const y = edges.targets[j];
            if (!seen.has(y)) { seen.add(y); stack.push(y); }
        }
    }
    return { product, work };
}
