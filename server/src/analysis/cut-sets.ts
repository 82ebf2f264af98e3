/**
 * Minimal cut sets up to order 3: for every service that is up with nothing failed, every set of
 * at most `order` failure domains whose failure together takes it down while no proper subset
 * does. Each set is in name order; a service's list is sorted by size, then by name.
 *
 * Order 1 is the down sets (down-sets.ts): a service's SPOFs. For order 2, one conditional pass
 * per failure domain a (conditional-rows.ts) gives, for every element of a's upward cone at once
 * and one 32-bit word of partners at a time, the domains b such that a and b failing together
 * take it down; the pairs of service s are those b that are not SPOFs of s, for the a that are
 * not either. Services outside a's cone are not looked at: a cannot be in their cut sets. Each
 * pair is found from its smaller domain (in name order) only.
 *
 * For order 3, the candidates of s are the domains of its cone that are not its SPOFs (the cone
 * is learnt for free in the order-2 passes: s is in a's upward cone iff a is in s's cone). A
 * pass on {a, b} is run only when some service has both as candidates and {a, b} is not one of
 * its cut pairs; it yields the c such that {a, b, c} takes the service down and neither {a, c}
 * nor {b, c} does (read from the order-2 rows kept per service).
 *
 * A service down with nothing failed has no cut sets (every set, the empty one included, takes
 * it down: it is `never-up`).
 */

import type { CompiledModel } from './compile.js';
import { ConditionalRows } from './conditional-rows.js';
import { computeDownSets, forEachBit, hasBit, type DownSets } from './down-sets.js';
import { hardGraph } from './hard-graph.js';
import type { Model } from './model.js';
import { prepare } from './prepared.js';
import type { StateEngine } from './state.js';

export const MAX_CUT_SET_ORDER = 3;

export interface CutSets {
    /** the largest set size looked for */
    readonly order: number;
    /** per element id: for a service, its minimal cut sets (domain ids); undefined for failure domains */
    readonly sets: readonly (readonly (readonly number[])[] | undefined)[];
    /** per element id: 1 for a service down with nothing failed (it has no cut sets) */
    readonly neverUp: Uint8Array;
}

export function computeCutSets(engine: StateEngine, order: number, downSets?: DownSets): CutSets {
    const cm = engine.cm;
    const k = Math.max(1, Math.min(MAX_CUT_SET_ORDER, Math.floor(order)));
    const base = downSets ?? computeDownSets(engine);
    const { words, bits, domainAt } = base;
    const spofRow = (s: number) => base.down.subarray(s * words, (s + 1) * words);
    const isSubject = (x: number) => !cm.isDomain[x] && engine.baseUp[x] === 1;

    const bitSets: number[][][] = [];
    const neverUp = new Uint8Array(cm.n);
    for (const s of cm.services) {
        bitSets[s] = [];
        if (!engine.baseUp[s]) { neverUp[s] = 1; continue; }
        forEachBit(base.down, words, s, bit => bitSets[s].push([bit]));
    }

    if (k >= 2 && bits >= 2) {
        const cond = new ConditionalRows(engine, base);
        // per service: for each domain bit a that is not a SPOF, its partners b (any b) when non-empty
        const partners: (Map<number, Uint32Array> | undefined)[] = [];
        const cone = k >= 3 ? new Uint32Array(cm.n * words) : undefined;
        for (let a = 0; a < bits; a++) {
            const affected = cond.run([domainAt[a]]);
            for (const s of affected) {
                if (!isSubject(s)) continue;
                if (cone) cone[s * words + (a >>> 5)] |= 1 << (a & 31);
                if (!cond.changed(s) || hasBit(base.down, words, s, a)) continue;
                const row = new Uint32Array(words);
                let any = false;
                for (let w = 0; w < words; w++) {
                    row[w] = cond.rows[s * words + w] & ~base.down[s * words + w];
                    if (row[w] !== 0) any = true;
                }
                if (!any) continue;
                (partners[s] ??= new Map()).set(a, row);
                forEachBitOf(row, b => { if (b > a) bitSets[s].push([a, b]); });
            }
        }

        if (k >= 3 && cone) {
            const none = new Uint32Array(words);
            const pairRow = (s: number, a: number) => partners[s]?.get(a) ?? none;
            // the pairs {a, b}, a < b, worth a pass: candidates of one service, not a cut pair of it
            const relevant = new Uint32Array(bits * words);
            const candidates = (s: number, out: Uint32Array) => {
                const spofs = spofRow(s);
                for (let w = 0; w < words; w++) out[w] = cone[s * words + w] & ~spofs[w];
            };
            const cand = new Uint32Array(words);
            for (const s of cm.services) {
                if (!isSubject(s)) continue;
                candidates(s, cand);
                forEachBitOf(cand, a => {
                    const p = pairRow(s, a);
                    for (let w = a >>> 5; w < words; w++) {
                        let v = cand[w] & ~p[w];
                        if (w === a >>> 5) v &= aboveMask(a);
                        relevant[a * words + w] |= v;
                    }
                });
            }
            const c3 = new Uint32Array(words);
            for (let a = 0; a < bits; a++) {
                const row = relevant.subarray(a * words, (a + 1) * words);
                forEachBitOf(row, b => {
                    const affected = cond.run([domainAt[a], domainAt[b]]);
                    for (const s of affected) {
                        if (!isSubject(s) || !cond.changed(s)) continue;
                        candidates(s, cand);
                        if (!testBit(cand, a) || !testBit(cand, b)) continue;
                        const pa = pairRow(s, a);
                        if (testBit(pa, b)) continue;
                        const pb = pairRow(s, b);
                        for (let w = 0; w < words; w++) c3[w] = cond.rows[s * words + w] & cand[w] & ~pa[w] & ~pb[w];
                        forEachBitOf(c3, c => { if (c > b) bitSets[s].push([a, b, c]); });
                    }
                });
            }
        }
        cond.restore();
    }

    const sets: (number[][] | undefined)[] = new Array(cm.n);
    for (const s of cm.services) sets[s] = bitSets[s].map(set => set.map(bit => domainAt[bit]));
    return { order: k, sets, neverUp };
}

/**
 * The minimal cut sets of one service only (what a hover needs), the same as `computeCutSets`
 * gives it: the passes are run for the domains of its cone alone, each restricted to the part of
 * the domain's upward cone that lies in the service's cone.
 */
export function serviceCutSets(engine: StateEngine, service: number, order: number, downSets?: DownSets): number[][] {
    const cm = engine.cm;
    if (service < 0 || service >= cm.n || cm.isDomain[service] || !engine.baseUp[service]) return [];
    const k = Math.max(1, Math.min(MAX_CUT_SET_ORDER, Math.floor(order)));
    const base = downSets ?? computeDownSets(engine);
    const { words, domainAt, bitOf } = base;
    const out: number[][] = [];
    forEachBit(base.down, words, service, bit => out.push([bit]));
    if (k >= 2) {
        // the service's cone, and its domains that are not SPOFs (the candidates)
        const { edges } = hardGraph(cm);
        const within = new Uint8Array(cm.n);
        const stack = [service];
        within[service] = 1;
        const cand = new Uint32Array(words);
        while (stack.length > 0) {
            const x = stack.pop()!;
            if (cm.isDomain[x] && !hasBit(base.down, words, service, bitOf[x])) cand[bitOf[x] >>> 5] |= 1 << (bitOf[x] & 31);
            for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
                const y = edges.targets[j];
                if (!within[y]) { within[y] = 1; stack.push(y); }
            }
        }
        const cond = new ConditionalRows(engine, base);
        const at = service * words;
        const partners = new Map<number, Uint32Array>();
        forEachBitOf(cand, a => {
            cond.run([domainAt[a]], within);
            if (!cond.changed(service)) return;
            const row = new Uint32Array(words);
            for (let w = 0; w < words; w++) row[w] = cond.rows[at + w] & cand[w];
            partners.set(a, row);
            forEachBitOf(row, b => { if (b > a) out.push([a, b]); });
        });
        if (k >= 3) {
            const none = new Uint32Array(words);
            const c3 = new Uint32Array(words);
            forEachBitOf(cand, a => {
                const pa = partners.get(a) ?? none;
                forEachBitOf(cand, b => {
                    if (b <= a || testBit(pa, b)) return;
                    cond.run([domainAt[a], domainAt[b]], within);
                    if (!cond.changed(service)) return;
                    const pb = partners.get(b) ?? none;
                    for (let w = 0; w < words; w++) c3[w] = cond.rows[at + w] & cand[w] & ~pa[w] & ~pb[w];
                    forEachBitOf(c3, c => { if (c > b) out.push([a, b, c]); });
                });
            });
        }
        cond.restore();
    }
    return out.map(set => set.map(bit => domainAt[bit]));
}

/**
 * How much work `serviceCutSets(…, 2)` would do for service s: the candidate domains of its cone
 * (those that are not SPOFs) times the size of the cone, each candidate being one pass over it.
 * An editor asks it first, to answer a hover at once or say the pairs are for `topo analyze`.
 */
export function serviceCutSetWork(engine: StateEngine, service: number, downSets: DownSets): number {
    const cm = engine.cm;
    if (service < 0 || service >= cm.n || cm.isDomain[service]) return 0;
    const { edges } = hardGraph(cm);
    const { words, bitOf } = downSets;
    const within = new Uint8Array(cm.n);
    const stack = [service];
    within[service] = 1;
    let cone = 0;
    let candidates = 0;
    while (stack.length > 0) {
        const x = stack.pop()!;
        cone++;
        if (cm.isDomain[x] && !hasBit(downSets.down, words, service, bitOf[x])) candidates++;
        for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
            const y = edges.targets[j];
            if (!within[y]) { within[y] = 1; stack.push(y); }
        }
    }
    return candidates * cone;
}

/** The cut sets of every service by name (services in name order), each set a list of domain names. */
export function cutSetsByName(input: Model | CompiledModel, order: number): Map<string, string[][]> {
    const { cm, engine } = prepare(input);
    const result = computeCutSets(engine, order);
    const out = new Map<string, string[][]>();
    const services = [...cm.services].sort((a, b) => cm.rank[a] - cm.rank[b]);
    for (const s of services) out.set(cm.names[s], (result.sets[s] ?? []).map(set => set.map(d => cm.names[d])));
    return out;
}

function forEachBitOf(row: Uint32Array, visit: (bit: number) => void): void {
    forEachBit(row, row.length, 0, visit);
}

function testBit(row: Uint32Array, bit: number): boolean {
    return ((row[bit >>> 5] >>> (bit & 31)) & 1) === 1;
}

/** The bits of a's word above a. */
function aboveMask(a: number): number {
    const shift = (a & 31) + 1;
    return shift === 32 ? 0 : (0xffffffff << shift) >>> 0;
}
