/**
 * The nearest members of a set of triggering failure domains (spec sections 4 and 7):
 * d is dropped when another member d′ is brought down by d (down when only d failed) and
 * does not bring d down. Two domains that bring each other down are both kept.
 */

import { bringsDown, type Sweep } from './sweep.js';

export function nearestOf(sweep: Sweep, triggers: readonly number[]): number[] {
    if (triggers.length <= 1) return [...triggers];
    const members = new Set(triggers);
    return triggers.filter(d => {
        const down = sweep.blast[d]?.domainsDown;
        const shadowedBy = (y: number) => y !== d && bringsDown(sweep, d, y) && !bringsDown(sweep, y, d);
        // look through whichever list is shorter
        if (down !== undefined && down.length < members.size) {
            for (const y of down) if (members.has(y) && shadowedBy(y)) return false;
            return true;
        }
        for (const y of members) if (shadowedBy(y)) return false;
        return true;
    });
}
