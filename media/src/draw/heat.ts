/**
 * The heat map's scale: each failure domain by a measure, in five classes — none, then four
 * equal slices up to the largest value of the model — and a sixth look for a domain without a
 * defined value (`heat-na`: never drawn as if it were 0). The measures:
 * - `blast`: the users of the services it takes down (or degrades) when it fails alone — its
 *   blast radius, `GraphElement.blastUsers`; every failure domain has one;
 * - `birnbaum`, `raw`, `fussellVesely`: its importance for the users of all services together
 *   (`GraphElement.importance`, `topo analyze --importance`'s user-weighted measures), defined
 *   only for a domain that declares an availability, and where the quotient is defined.
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';

export const HEAT_CLASSES = 5;

export type HeatMeasure = 'blast' | 'birnbaum' | 'raw' | 'fussellVesely';

export const HEAT_MEASURES: readonly HeatMeasure[] = ['blast', 'birnbaum', 'raw', 'fussellVesely'];

/** What each measure is called, and what it means, for the legend and the choice. */
export const HEAT_MEASURE_TEXT: Readonly<Record<HeatMeasure, { name: string; legend: string }>> = {
    blast: { name: 'Blast radius (users)', legend: 'users affected if the failure domain fails alone' },
    birnbaum: { name: 'Birnbaum importance', legend: 'Birnbaum importance for users: how much more likely a user\'s service is down when the domain has failed than when it has not (0–1)' },
    raw: { name: 'Risk achievement worth', legend: 'risk achievement worth (RAW) for users: how many times more likely a user\'s service is down when the domain has failed (1 = no more)' },
    fussellVesely: { name: 'Fussell–Vesely importance', legend: 'Fussell–Vesely importance for users: the probability that the domain has failed when a user\'s service is down (0–1)' }
};

/**
 * A failure domain's value under `measure`: a number, or null when it has none (no declared
 * availability, or an undefined quotient); undefined for what is not a failure domain.
 */
export function heatValue(e: GraphElement, measure: HeatMeasure): number | null | undefined {
    if (e.blastUsers === undefined) return undefined;
    if (measure === 'blast') return e.blastUsers;
    return e.importance?.[measure] ?? null;
}

export interface HeatScale {
    /** the largest value */
    max: number;
    /** the value at and below which a domain is in class 0 ("none"): 0, or 1 for RAW (no more likely) */
    floor: number;
    /** the class of a value: 0 (none) … 4 (the top quarter) */
    classOf(value: number): number;
    /** the value each class starts above (index 1…4) */
    bounds: number[];
}

export function heatScale(elements: readonly GraphElement[], measure: HeatMeasure = 'blast'): HeatScale {
    const floor = measure === 'raw' ? 1 : 0;
    let max = floor;
    for (const e of elements) {
        const v = heatValue(e, measure);
        if (typeof v === 'number' && v > max) max = v;
    }
    const span = max - floor;
    const bounds = [floor, floor, floor + span / 4, floor + span / 2, floor + (3 * span) / 4];
    return {
        max,
        floor,
        bounds,
        classOf(value: number): number {
            if (value <= floor || span <= 0) return 0;
            for (let c = HEAT_CLASSES - 1; c >= 2; c--) if (value > bounds[c]) return c;
            return 1;
        }
    };
}

/** Whether the model has importance measures to offer: a failure domain declares an availability. */
export function importanceOffered(elements: readonly GraphElement[]): boolean {
    return elements.some(e => e.blastUsers !== undefined && e.availability !== null);
}
