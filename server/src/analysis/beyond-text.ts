/**
 * The sentences a hover shows about more than one failure (pure text from the results of
 * cut-sets.ts and importance.ts):
 *
 *   a service    "survives any one failure; goes down if pangyo and ansan both fail, or …"
 *   a domain     "3rd most important of 41 domains for users: RAW 12.4"
 */

import { joinAnd, joinOr } from '../common/format.js';

/** At most this many cut sets are named in a sentence; the rest are counted. */
export const CUT_SETS_NAMED = 5;

const ONE_TO_THREE = ['one', 'two', 'three'];

/**
 * What a service's minimal cut sets (each a list of domain names, the list sorted by size then
 * name) say, in one sentence without the subject: "survives any one failure; goes down if pangyo
 * and ansan both fail, or gasan and guro both fail (and 3 more pairs)". `order` is the largest
 * set size that was looked for (2 for the hover).
 */
export function cutSetSentence(sets: readonly (readonly string[])[], order = 2, options: { neverUp?: boolean; max?: number } = {}): string {
    if (options.neverUp) return 'is down with nothing failed, so no failure is needed to take it down (never up)';
    const k = Math.max(1, Math.min(3, Math.floor(order)));
    if (sets.length === 0) return k === 1 ? 'survives any one failure' : `survives any ${joinOr(ONE_TO_THREE.slice(0, k))} failures`;
    const max = Math.max(1, options.max ?? CUT_SETS_NAMED);
    const named = sets.slice(0, max);
    const rest = sets.slice(max);
    const singles = named.filter(set => set.length === 1).map(set => set[0]);
    const larger = named.filter(set => set.length > 1).map(set =>
        set.length === 2 ? `${set[0]} and ${set[1]} both fail` : `${joinAnd(set)} all fail`);
    const anySingles = sets.some(set => set.length === 1);
    let text: string;
    if (singles.length > 0) {
        text = `goes down if ${joinOr(singles)} fails`;
        if (larger.length > 0) text += `, or if ${larger.join(', or ')}`;
    } else {
        text = `survives any one failure; goes down if ${larger.join(', or ')}`;
    }
    if (rest.length > 0) text += ` (and ${rest.length} more ${restNoun(rest)})`;
    if (anySingles && k >= 2 && !sets.some(set => set.length > 1)) {
        text += k === 2 ? '; no other two failures together take it down' : '; no other two or three failures together take it down';
    }
    return text;
}

function restNoun(rest: readonly (readonly string[])[]): string {
    const sizes = new Set(rest.map(set => set.length));
    const one = rest.length === 1;
    if (sizes.size === 1) {
        const size = rest[0].length;
        if (size === 1) return one ? 'single failure' : 'single failures';
        if (size === 2) return one ? 'pair' : 'pairs';
        return one ? 'triple' : 'triples';
    }
    return 'sets';
}

/**
 * A failure domain's rank for users: "3rd most important of 41 domains for users: RAW 12.4";
 * "most important of …" for the first. `raw` is the user-weighted risk achievement worth.
 */
export function importanceRankSentence(rank: number | null, of: number, raw: number | null): string {
    const domains = of === 1 ? '1 domain' : `${of} domains`;
    if (rank === null || raw === null) return `not ranked among ${domains} with an availability: by the model no service can go down`;
    const place = rank === 1 ? 'most important' : `${ordinal(rank)} most important`;
    return `${place} of ${domains} for users: RAW ${formatMeasure(raw)}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
export function ordinal(n: number): string {
    const mod100 = n % 100;
    if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
    switch (n % 10) {
        case 1: return `${n}st`;
        case 2: return `${n}nd`;
        case 3: return `${n}rd`;
        default: return `${n}th`;
    }
}

/** A measure with three significant digits: 12.4, 1.03, 0.00123, 1350, 1.23e6; `—` for null. */
export function formatMeasure(x: number | null): string {
    if (x === null) return '—';
    if (x === 0) return '0';
    if (!Number.isFinite(x)) return String(x);
    const abs = Math.abs(x);
    if (abs >= 1e-3 && abs < 1e5) return String(Number(x.toPrecision(3)));
    return x.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
}
