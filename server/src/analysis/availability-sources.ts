/**
 * What a service's availability figure rests on: the elements of its cone (itself, its
 * containers, the domains it runs on and its hard dependencies, transitively) that declare an
 * `availability`, and the failure domains of the cone that declare none and so count as never
 * failing. "100%" from one declared element, with forty sites that declare nothing, says
 * something else than from forty declared sites.
 *
 * For one service (a hover), a walk of its cone; for every service at once (`analyze`), a
 * bitset per strongly connected component over the elements that count (the declaring ones and
 * the failure domains), ORed dependencies first: the cost of the down sets, not of every cone.
 */

import type { CompiledModel } from './compile.js';
import { sortByName } from './compile.js';
import { hardGraph } from './hard-graph.js';

export interface AvailabilityFrom {
    /** elements of the cone that declare an availability */
    declared: number;
    /** failure domains of the cone that declare none: counted as never failing */
    undeclaredDomains: number;
}

/** One service's sources by a walk of its cone; `declared` lists the declaring elements in name order. */
export function availabilitySources(cm: CompiledModel, s: number): { declared: number[]; undeclaredDomains: number } {
    const { edges } = hardGraph(cm);
    const seen = new Uint8Array(cm.n);
    const stack = [s];
    seen[s] = 1;
    const declared: number[] = [];
    let undeclaredDomains = 0;
    while (stack.length > 0) {
        const x = stack.pop()!;
        if (!Number.isNaN(cm.availability[x])) declared.push(x);
        else if (cm.isDomain[x]) undeclaredDomains++;
        for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
            const y = edges.targets[j];
            if (seen[y] === 0) {
                seen[y] = 1;
                stack.push(y);
            }
        }
    }
    return { declared: sortByName(cm, declared), undeclaredDomains };
}

/** Words of bitsets `allAvailabilitySources` may hold (128 MB). */
const MAX_WORDS = 1 << 25;

/**
 * Every service's sources at once (per id); undefined when the bitsets would not fit the
 * budget (tens of thousands of elements that all declare an availability, on long chains):
 * counting every cone one by one would then take time quadratic in the model.
 */
export function allAvailabilitySources(cm: CompiledModel): AvailabilityFrom[] | undefined {
    const { edges, components: { comp, members } } = hardGraph(cm);
    // the elements that count get a bit each
    const bit = new Int32Array(cm.n).fill(-1);
    let bits = 0;
    for (let x = 0; x < cm.n; x++) if (cm.isDomain[x] || !Number.isNaN(cm.availability[x])) bit[x] = bits++;
    const words = Math.max(1, (bits + 31) >>> 5);
    if (members.length * words > MAX_WORDS) return undefined;
    const declaring = new Uint32Array(words);
    for (let x = 0; x < cm.n; x++) if (bit[x] >= 0 && !Number.isNaN(cm.availability[x])) declaring[bit[x] >>> 5] |= 1 << (bit[x] & 31);
    const cone = new Uint32Array(members.length * words);
    const out: AvailabilityFrom[] = new Array(cm.n);
    // components come dependencies first: every other component a member reaches is done
    members.forEach((group, c) => {
        const row = c * words;
        for (const x of group) {
            if (bit[x] >= 0) cone[row + (bit[x] >>> 5)] |= 1 << (bit[x] & 31);
            for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
                const other = comp[edges.targets[j]];
                if (other === c) continue;
                const from = other * words;
                for (let w = 0; w < words; w++) cone[row + w] |= cone[from + w];
            }
        }
        let declared = 0;
        let all = 0;
        for (let w = 0; w < words; w++) {
            all += popcount(cone[row + w]);
            declared += popcount(cone[row + w] & declaring[w]);
        }
        for (const x of group) out[x] = { declared, undeclaredDomains: all - declared };
    });
    return out;
}

function popcount(v: number): number {
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0F0F0F0F) * 0x01010101) >>> 24;
}

/** "from 2 elements that declare one; 3 failure domains it needs declare none and count as never failing" */
export function availabilityBasis(from: AvailabilityFrom): string {
    const declared = `from ${from.declared} element${from.declared === 1 ? '' : 's'} that declare${from.declared === 1 ? 's' : ''} one`;
    if (from.undeclaredDomains === 0) return `${declared}; every failure domain it needs declares one`;
    const rest = from.undeclaredDomains === 1 ? '1 failure domain it needs declares none and counts' : `${from.undeclaredDomains} failure domains it needs declare none and count`;
    return `${declared}; ${rest} as never failing`;
}
