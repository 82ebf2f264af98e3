/**
 * Where a service's expected downtime comes from: for each element of its cone that may fail,
 * how much of the service's unavailability would go if that element never failed —
 * U − U(x up) = (1 − p_x) · Birnbaum(x), read from the service's function in the availability
 * BDD. What an SLO finding names as capping the service, and what its advice is about.
 */

import type { Availability } from './availability.js';
import { Conditioning } from './bdd-conditioning.js';
import { FALSE, TRUE } from './bdd.js';

export interface DowntimeSource {
    /** the element (id) */
    element: number;
    /** the unavailability of the service that would go if this element never failed */
    share: number;
}

/** The sources of service s's unavailability, largest first; empty when its availability was not computed exactly. */
export function downtimeSources(availability: Availability, s: number): DowntimeSource[] {
    const root = availability.functions[s];
    if (root === undefined || root < 0 || root === TRUE || root === FALSE) return [];
    const probs = availability.bdd.probabilities;
    const all = new Uint8Array(probs.length).fill(1);
    const { q, conditioned } = new Conditioning(availability.bdd, probs).evaluate(root, all);
    const sources: DowntimeSource[] = [];
    for (const [v, , q1] of conditioned) {
        const share = q - q1;
        if (share > 0) sources.push({ element: availability.elementOfVar[v], share });
    }
    return sources.sort((a, b) => b.share - a.share || a.element - b.element);
}
