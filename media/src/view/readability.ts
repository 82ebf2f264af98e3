/**
 * No text on screen smaller than about 9 px: at each zoom, the graph's texts that would be
 * drawn smaller (10 px tags at under 0.9×, 13 px titles at under 0.69×) are hidden, so a
 * zoomed-out graph shows its boxes and edges, not unreadable grey. Below the zoom where even
 * titles go, a big model goes back to its overview (semantic zoom: fewer, aggregated boxes
 * with readable counts) — see `tooSmallToRead`.
 */

/** The smallest text drawn, in screen pixels. */
export const MIN_TEXT_PX = 9;
/** The font sizes of the graph's texts (preview.css), smallest first. */
const TEXT_SIZES = [10, 11, 12, 13];

/** The smallest zoom at which titles (the names) can be read: Fit goes no further. */
export const READABLE_ZOOM = MIN_TEXT_PX / TEXT_SIZES[TEXT_SIZES.length - 1];

/** Hides the texts that would be smaller than MIN_TEXT_PX at zoom `k` (classes `hide-10` … `hide-13` on the graph). */
export function applyReadability(svgEl: SVGSVGElement, k: number): void {
    for (const px of TEXT_SIZES) svgEl.classList.toggle(`hide-${px}`, px * k < MIN_TEXT_PX - 1e-6);
}

/** At zoom `k` not even titles are readable. */
export function tooSmallToRead(k: number): boolean {
    return TEXT_SIZES[TEXT_SIZES.length - 1] * k < MIN_TEXT_PX - 1e-6;
}
