/**
 * The heat map's scale: each failure domain by the users of the services it takes down (or
 * degrades) when it fails alone — its blast radius, `GraphElement.blastUsers` — in five
 * classes: none, then four equal slices up to the largest blast radius of the model.
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';

export const HEAT_CLASSES = 5;

export interface HeatScale {
    /** the largest blast radius, in users */
    max: number;
    /** the class of a blast radius: 0 (nobody) … 4 (the top quarter) */
    classOf(users: number): number;
    /** the users each class starts above (index 1…4) */
    bounds: number[];
}

export function heatScale(elements: readonly GraphElement[]): HeatScale {
    let max = 0;
    for (const e of elements) if ((e.blastUsers ?? 0) > max) max = e.blastUsers!;
    const bounds = [0, 0, max / 4, max / 2, (3 * max) / 4];
    return {
        max,
        bounds,
        classOf(users: number): number {
            if (users <= 0 || max <= 0) return 0;
            for (let c = HEAT_CLASSES - 1; c >= 2; c--) if (users > bounds[c]) return c;
            return 1;
        }
    };
}
