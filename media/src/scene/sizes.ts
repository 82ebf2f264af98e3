/** The fixed measures of the drawing, shared by the scene (box sizes), the layout and the drawing. */
import type { Measure } from './text.js';

export const SIZES = {
    pad: 10,
    minWidth: 120,
    maxWidth: 280,
    titleLine: 18,
    subLine: 16,
    metaLine: 15,
    vpad: 8,
    datastoreCap: 7,
    infraChamfer: 12,
    headerHeight: 30,
    containerPad: { top: 40, left: 14, bottom: 14, right: 14 },
    tagHeight: 18,
    tagGap: 4,
    junctionHeight: 22,
    badgeGap: 6,
    collapsedHeight: 52
};

/** The width of a badge ("SPOF", "SPOF for 3") holding `text`. */
export function badgeWidth(text: string, measure: Measure): number {
    return Math.ceil(measure(text, 'chip')) + 10;
}
