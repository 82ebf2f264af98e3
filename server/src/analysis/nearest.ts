/**
 * The nearest members of a set of triggering failure domains (spec sections 4 and 7):
 * d is dropped when another member d′ is brought down by d (down when only d failed) and
 * does not bring d down. Two domains that bring each other down are both kept.
 */

import { bringsDown, type Sweep } from './sweep.js';

/** The nearest of `triggers`, in the order of `triggers`. */
export function nearestOf(sweep: Sweep, triggers: readonly number[]): number[] {
    if (triggers.length <= 1) return [...triggers];
    const mark = sweep.mark;
    const stamp = ++sweep.markEpoch;
    for (const d of triggers) mark[d] = stamp;
    const out: number[] = [];
    outer: for (const d of triggers) {
        const down = sweep.domainsDown[d];
        if (down !== undefined && down.length < triggers.length) {
            // look through what d brings down
            for (let i = 0; i < down.length; i++) {
                const y = down[i];
                if (y !== d && mark[y] === stamp && !bringsDown(sweep, y, d)) continue outer;
            }
        } else {
            for (const y of triggers) {
                if (y !== d && bringsDown(sweep, d, y) && !bringsDown(sweep, y, d)) continue outer;
            }
        }
        out.push(d);
    }
    return out;
}

/**
 * Every service's nearest SPOFs, read from its down set without listing its SPOFs: only a
 * domain that brings another one down ("above" it: a region above its sites, an infra above
 * what depends on it) can be dropped, and it is dropped when its row holds one of the domains
 * it brings down (and that does not bring it down). Per service: the row's words, plus, for each
 * such domain in the row, a look through its short list until one is found. The result is a
 * bitset in name order; a service's list is never built unless asked for.
 */
export class NearestSpofs {
    private readonly words: number;
    /** bitset of the domains that bring another one down without being brought down by it */
    private readonly above: Uint32Array;
    /** per bit of such a domain: the bits it brings down (and that do not bring it down) */
    private readonly below: (Int32Array | undefined)[];
    private readonly scratch: Uint32Array;
    private readonly spofScratch: Uint32Array;

    constructor(private readonly sweep: Sweep, private readonly isUp: (s: number) => boolean) {
        const { words, bits, domainAt, bitOf } = sweep.sets;
        this.words = words;
        this.above = new Uint32Array(words);
        this.below = new Array(bits);
        for (let bit = 0; bit < bits; bit++) {
            const d = domainAt[bit];
            const down = sweep.domainsDown[d];
            if (down === undefined || down.length <= 1) continue;
            const list: number[] = [];
            for (const y of down) if (y !== d && !bringsDown(sweep, y, d)) list.push(bitOf[y]);
            if (list.length === 0) continue;
            this.below[bit] = Int32Array.from(list);
            this.above[bit >>> 5] |= 1 << (bit & 31);
        }
        this.scratch = new Uint32Array(words);
        this.spofScratch = new Uint32Array(words);
    }

    /**
     * Service s's nearest SPOFs as a bitset over the down sets' bits (a scratch array, valid until
     * the next call); all zero for a service never up or a failure domain (no SPOFs).
     */
    row(s: number): Uint32Array {
        const out = this.scratch;
        out.fill(0);
        const sets = this.sweep.sets;
        if (!this.isUp(s)) return out;
        const { down } = sets;
        const words = this.words;
        const at = s * words;
        for (let w = 0; w < words; w++) out[w] = down[at + w];
        for (let w = 0; w < words; w++) {
            let v = down[at + w] & this.above[w];
            while (v !== 0) {
                const low = v & -v;
                const bit = (w << 5) + 31 - Math.clz32(low);
                const list = this.below[bit]!;
                for (let i = 0; i < list.length; i++) {
                    const y = list[i];
                    if ((down[at + (y >>> 5)] >>> (y & 31)) & 1) {
                        out[w] &= ~low;
                        break;
                    }
                }
                v ^= low;
            }
        }
        return out;
    }

    /**
     * Service s's SPOFs that are not nearest, as a bitset (a scratch array, valid until the next
     * call); `nearest`: its `row(s)`, when the caller holds it (else computed again).
     */
    othersRow(s: number, nearest: Uint32Array = this.row(s)): Uint32Array {
        const out = this.spofScratch;
        if (!this.isUp(s)) return out.fill(0);
        const { down } = this.sweep.sets;
        const at = s * this.words;
        for (let w = 0; w < this.words; w++) out[w] = (down[at + w] & ~nearest[w]) >>> 0;
        return out;
    }

    /** The nearest SPOFs of s, by domain id, in name order (the first `limit`). */
    list(s: number, limit = Infinity): number[] {
        return domainsOf(this.sweep, this.row(s), limit);
    }

    count(s: number): number {
        return countBits(this.row(s));
    }
}

/** The domains of a bitset over the down sets' bits, in name order (the first `limit`). */
export function domainsOf(sweep: Sweep, row: Uint32Array, limit = Infinity): number[] {
    const out: number[] = [];
    const domainAt = sweep.sets.domainAt;
    for (let w = 0; w < row.length && out.length < limit; w++) {
        let v = row[w];
        while (v !== 0 && out.length < limit) {
            const low = v & -v;
            out.push(domainAt[(w << 5) + 31 - Math.clz32(low)]);
            v ^= low;
        }
    }
    return out;
}

export function countBits(row: Uint32Array): number {
    let n = 0;
    for (let w = 0; w < row.length; w++) {
        let v = row[w] >>> 0;
        v = v - ((v >>> 1) & 0x55555555);
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
        n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
}
