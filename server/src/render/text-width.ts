/**
 * Text widths without a browser: the advance widths of a common sans-serif (Helvetica/Arial
 * metrics, in thousandths of the font size) for ASCII, a full em for East Asian wide characters
 * and emoji, and a little more than a digit for the rest. Slightly generous, so that text laid
 * out with it fits in the boxes whichever sans-serif font draws it.
 */
import type { FontRole, Measure } from '../../../media/src/scene/text.js';

// widths of the characters 32 (space) to 126 (~)
const ASCII = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
];

/** size in px, bolder than normal, and letter spacing in em (preview.css) */
const FONTS: Record<FontRole, { size: number; bold: boolean; spacing: number }> = {
    title: { size: 13, bold: true, spacing: 0 },
    header: { size: 13, bold: true, spacing: 0 },
    body: { size: 12, bold: false, spacing: 0 },
    meta: { size: 11, bold: false, spacing: 0 },
    chip: { size: 10, bold: true, spacing: 0.04 }
};

const GENEROUS = 1.06;

function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
}

export const measureText: Measure = (text, role) => {
    const font = FONTS[role];
    let units = 0;
    let count = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0)!;
        count++;
        if (code >= 32 && code <= 126) units += ASCII[code - 32];
        else if (isWide(code)) units += 1000;
        else units += 600;
    }
    const bold = font.bold ? 1.08 : 1;
    return (units / 1000) * font.size * bold * GENEROUS + count * font.spacing * font.size;
};
