/**
 * The nearest members of a set of triggering failure domains (spec sections 4 and 7):
 * d is dropped when another member d′ is brought down by d (down when only d failed) and
 * does not bring d down. Two domains that bring each other down are both kept.
 * The order of `triggers` is kept.
 */

import { bringsDown, type Sweep } from './sweep.js';

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
