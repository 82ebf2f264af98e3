/**
 * A small reduced ordered binary decision diagram (ROBDD) package: a unique table (so equal
 * functions are the same node), ITE with a computed cache, weighted thresholds by dynamic
 * programming, and the probability of a function by a memoised weighted traversal.
 *
 * Node 0 is FALSE, node 1 is TRUE. Variable 0 is at the top. Every node created counts
 * against the budget; past it, and past the recursion-depth guard, `BudgetExceeded` is
 * thrown and the caller falls back to bounds.
 */

export class BudgetExceeded extends Error {
    constructor(what: string) {
        super(`BDD budget exceeded: ${what}`);
    }
}

export const FALSE = 0;
export const TRUE = 1;
const TERMINAL_VAR = 0x7fffffff;

export class Bdd {
    private vars: Int32Array;
    private lows: Int32Array;
    private highs: Int32Array;
    private size = 2;
    private table: Int32Array;
    private tableMask: number;
    private readonly cacheF: Int32Array;
    private readonly cacheG: Int32Array;
    private readonly cacheH: Int32Array;
    private readonly cacheR: Int32Array;
    private readonly cacheMask: number;
    private probs: Float64Array;

    /**
     * @param budget   nodes that may be created in all
     * @param p        probability that each variable is true (its element is up)
     * @param maxDepth recursion-depth guard for ITE (bounded by the number of variables anyway)
     */
    /** each variable's probability of being true (up) */
    get probabilities(): Float64Array {
        return this.p;
    }

    constructor(readonly budget: number, private readonly p: Float64Array, readonly maxDepth = 4000) {
        const cap = 1024;
        this.vars = new Int32Array(cap);
        this.lows = new Int32Array(cap);
        this.highs = new Int32Array(cap);
        this.vars[0] = this.vars[1] = TERMINAL_VAR;
        this.table = new Int32Array(2048).fill(-1);
        this.tableMask = 2047;
        const cacheSize = 1 << Math.min(20, Math.max(12, Math.ceil(Math.log2(Math.max(1, budget)) + 1)));
        this.cacheF = new Int32Array(cacheSize).fill(-1);
        this.cacheG = new Int32Array(cacheSize);
        this.cacheH = new Int32Array(cacheSize);
        this.cacheR = new Int32Array(cacheSize);
        this.cacheMask = cacheSize - 1;
        this.probs = new Float64Array(cap).fill(NaN);
        this.probs[0] = 0;
        this.probs[1] = 1;
    }

    /** nodes created so far (terminals excluded) */
    get nodeCount(): number {
        return this.size - 2;
    }

    /** the variable at the top of f (a large number for the terminals) */
    topVar(f: number): number {
        return this.vars[f];
    }

    /** The conjunction of fs, built from the deepest up so that each step stays shallow. */
    andAll(fs: number[]): number {
        if (fs.includes(FALSE)) return FALSE;
        const sorted = fs.filter(f => f !== TRUE).sort((a, b) => this.vars[b] - this.vars[a]);
        let f = TRUE;
        for (const g of sorted) f = this.and(g, f);
        return f;
    }

    /** f's cofactor with its top variable false (its element down); f itself for a terminal */
    low(f: number): number {
        return f < 2 ? f : this.lows[f];
    }

    /** f's cofactor with its top variable true (its element up); f itself for a terminal */
    high(f: number): number {
        return f < 2 ? f : this.highs[f];
    }

    variable(v: number): number {
        return this.mk(v, FALSE, TRUE);
    }

    and(f: number, g: number): number {
        return this.ite(f, g, FALSE);
    }

    or(f: number, g: number): number {
        return this.ite(f, TRUE, g);
    }

    /** if f then g else h */
    ite(f: number, g: number, h: number, depth = 0): number {
        if (f === TRUE) return g;
        if (f === FALSE) return h;
        if (g === h) return g;
        if (g === TRUE && h === FALSE) return f;
        const slot = this.cacheSlot(f, g, h);
        if (this.cacheF[slot] === f && this.cacheG[slot] === g && this.cacheH[slot] === h) return this.cacheR[slot];
        if (depth > this.maxDepth) throw new BudgetExceeded('recursion too deep');
        const v = Math.min(this.vars[f], this.vars[g], this.vars[h]);
        const hi = this.ite(this.cof(f, v, true), this.cof(g, v, true), this.cof(h, v, true), depth + 1);
        const lo = this.ite(this.cof(f, v, false), this.cof(g, v, false), this.cof(h, v, false), depth + 1);
        const r = this.mk(v, lo, hi);
        this.cacheF[slot] = f;
        this.cacheG[slot] = g;
        this.cacheH[slot] = h;
        this.cacheR[slot] = r;
        return r;
    }

    /**
     * At least `threshold` of the weights of the true items: the DP over (item index,
     * weight still needed), memoised per level, built from the last item up (no recursion).
     */
    threshold(items: readonly { f: number; w: number }[], threshold: number): number {
        if (threshold <= 0) return TRUE;
        // the function does not depend on the order: put the deepest items last, so that the
        // backward pass below adds each item above what is already built
        items = [...items].sort((a, b) => this.vars[a.f] - this.vars[b.f]);
        const n = items.length;
        const suffix = new Float64Array(n + 1);
        for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + Math.max(0, items[i].w);
        if (suffix[0] < threshold) return FALSE;
        // forward: which "still needed" values are reachable at each level
        const levels: Set<number>[] = [new Set([threshold])];
        let states = 0;
        for (let i = 0; i < n; i++) {
            const next = new Set<number>();
            for (const r of levels[i]) {
                for (const r2 of [r - items[i].w, r]) {
                    if (r2 > 0 && r2 <= suffix[i + 1]) next.add(r2);
                }
            }
            states += next.size;
            if (states > this.budget) throw new BudgetExceeded('threshold too large');
            levels.push(next);
        }
        // backward: the function for each reachable state
        const value = (level: Map<number, number> | undefined, i: number, r: number): number => {
            if (r <= 0) return TRUE;
            if (r > suffix[i]) return FALSE;
            return level?.get(r) ?? FALSE; // always present for finite weights
        };
        let below: Map<number, number> | undefined;
        for (let i = n - 1; i >= 0; i--) {
            const here = new Map<number, number>();
            for (const r of levels[i]) {
                if (r > suffix[i]) continue;
                const take = value(below, i + 1, r - items[i].w);
                const skip = value(below, i + 1, r);
                here.set(r, this.ite(items[i].f, take, skip));
            }
            below = here;
        }
        return below?.get(threshold) ?? FALSE;
    }

    /** Probability that f is true, variables independent. Iterative; memoised across calls. */
    probability(f: number): number {
        if (!Number.isNaN(this.probs[f])) return this.probs[f];
        const stack = [f];
        while (stack.length > 0) {
            const x = stack[stack.length - 1];
            if (!Number.isNaN(this.probs[x])) { stack.pop(); continue; }
            const lo = this.lows[x];
            const hi = this.highs[x];
            const plo = this.probs[lo];
            const phi = this.probs[hi];
            if (Number.isNaN(plo)) { stack.push(lo); continue; }
            if (Number.isNaN(phi)) { stack.push(hi); continue; }
            const p = this.p[this.vars[x]];
            this.probs[x] = (1 - p) * plo + p * phi;
            stack.pop();
        }
        return this.probs[f];
    }

    // -----------------------------------------------------------------------------------------

    private cof(f: number, v: number, value: boolean): number {
        if (this.vars[f] !== v) return f;
        return value ? this.highs[f] : this.lows[f];
    }

    private cacheSlot(f: number, g: number, h: number): number {
        return (Math.imul(f, 0x9e3779b1) ^ Math.imul(g, 0x85ebca6b) ^ Math.imul(h, 0xc2b2ae35)) >>> 0 & this.cacheMask;
    }

    private hash(v: number, lo: number, hi: number): number {
        return (Math.imul(v, 0x27d4eb2f) ^ Math.imul(lo, 0x165667b1) ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
    }

    private mk(v: number, lo: number, hi: number): number {
        if (lo === hi) return lo;
        let slot = this.hash(v, lo, hi) & this.tableMask;
        for (;;) {
            const id = this.table[slot];
            if (id < 0) break;
            if (this.vars[id] === v && this.lows[id] === lo && this.highs[id] === hi) return id;
            slot = (slot + 1) & this.tableMask;
        }
        if (this.size - 2 >= this.budget) throw new BudgetExceeded(`more than ${this.budget} nodes`);
        if (this.size >= this.vars.length) this.grow();
        const id = this.size++;
        this.vars[id] = v;
        this.lows[id] = lo;
        this.highs[id] = hi;
        this.probs[id] = NaN;
        this.table[slot] = id;
        if (this.size * 2 > this.table.length) this.rehash();
        return id;
    }

    private grow(): void {
        const cap = this.vars.length * 2;
        const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
            const b = make(cap);
            b.set(a);
            return b;
        };
        this.vars = copy(this.vars, k => new Int32Array(k));
        this.lows = copy(this.lows, k => new Int32Array(k));
        this.highs = copy(this.highs, k => new Int32Array(k));
        const probs = new Float64Array(cap).fill(NaN);
        probs.set(this.probs);
        this.probs = probs;
    }

    private rehash(): void {
        const cap = this.table.length * 2;
        this.table = new Int32Array(cap).fill(-1);
        this.tableMask = cap - 1;
        for (let id = 2; id < this.size; id++) {
            let slot = this.hash(this.vars[id], this.lows[id], this.highs[id]) & this.tableMask;
            while (this.table[slot] >= 0) slot = (slot + 1) & this.tableMask;
            this.table[slot] = id;
        }
    }
}
