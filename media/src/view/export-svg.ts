/**
 * The graph as a standalone SVG file: a copy of the drawing with every colour, line and font
 * resolved from the theme into presentation attributes, cropped to the graph, on the
 * panel's background.
 */
import { svg } from '../dom.js';
import type { Box } from '../layout/layout.js';

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'display', 'visibility', 'text-anchor'];
const PAD = 16;

export function exportedSvg(svgEl: SVGSVGElement, b: Box): string {
    const clone = svgEl.cloneNode(true) as SVGSVGElement;
    const originals = [svgEl, ...svgEl.querySelectorAll('*')];
    const copies = [clone, ...clone.querySelectorAll('*')];
    originals.forEach((orig, i) => {
        const copy = copies[i] as SVGElement;
        // Presentation attributes, not style="…": the page's CSP forbids inline styles, and
        // the exported file must not depend on the theme's CSS variables.
        const cs = getComputedStyle(orig);
        for (const p of STYLE_PROPS) {
            const v = cs.getPropertyValue(p);
            if (v) copy.setAttribute(p, v);
        }
        copy.removeAttribute('class');
        copy.removeAttribute('tabindex');
    });
    clone.setAttribute('viewBox', `${b.x - PAD} ${b.y - PAD} ${b.width + 2 * PAD} ${b.height + 2 * PAD}`);
    clone.setAttribute('width', String(Math.ceil(b.width + 2 * PAD)));
    clone.setAttribute('height', String(Math.ceil(b.height + 2 * PAD)));
    const vp = clone.querySelector(':scope > g');
    vp?.removeAttribute('transform');
    const bg = svg('rect', { x: b.x - PAD, y: b.y - PAD, width: b.width + 2 * PAD, height: b.height + 2 * PAD });
    bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
    clone.insertBefore(bg, clone.querySelector(':scope > g'));
    const text = new XMLSerializer().serializeToString(clone);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}
