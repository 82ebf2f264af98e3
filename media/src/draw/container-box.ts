/** A region or a site: open (a header band over the boxes inside it) or collapsed (a stacked card saying how much it hides). */
import type { SceneNode } from '../scene/scene.js';
import { badgeWidth, SIZES } from '../scene/sizes.js';
import type { Measure } from '../scene/text.js';
import { spofForBadge, spofForText } from './spof-for-badge.js';
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

export function drawContainer(g: SvgNode, node: SceneNode, w: number, h: number, measure: Measure): void {
    el('rect', { class: 'outline', x: -4, y: -4, width: w + 8, height: h + 8, rx: 11 }, g);
    el('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    el('rect', { class: 'pattern', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    el('path', { class: 'header-band', d: `M8,0H${w - 8}Q${w},0 ${w},8V${SIZES.headerHeight}H0V8Q0,0 8,0Z` }, g);
    header(g, node, w, measure);
    if ((node.spofFor ?? 0) > 0) spofForBadge(g, node, w, measure);
    toggle(g, w, false);
}

export function drawCollapsed(g: SvgNode, node: SceneNode, w: number, h: number, measure: Measure): void {
    el('rect', { class: 'outline', x: -4, y: -4, width: w + 8, height: h + 8, rx: 11 }, g);
    el('rect', { class: 'stack', x: 5, y: 5, width: w, height: h, rx: 8 }, g);
    el('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    el('rect', { class: 'pattern', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    header(g, node, w, measure);
    if (node.meta) el('text', { class: 'meta', x: SIZES.pad, y: h - 10 }, g, node.meta);
    if ((node.spofFor ?? 0) > 0) spofForBadge(g, node, w, measure);
    toggle(g, w, true);
}

/** The kind tag, the name and (when there is room) the label. */
function header(g: SvgNode, node: SceneNode, w: number, measure: Measure): void {
    const e = node.element!;
    const kind = e.kind.toUpperCase();
    const kw = Math.ceil(measure(kind, 'chip')) + 8;
    const kt = el('g', { class: 'kind-tag' }, g);
    el('rect', { x: SIZES.pad, y: 7, width: kw, height: 16, rx: 3 }, kt);
    el('text', { x: SIZES.pad + kw / 2, y: 18.5, 'text-anchor': 'middle' }, kt, kind);
    const tx = SIZES.pad + kw + 6;
    el('text', { class: 'title', x: tx, y: 20 }, g, node.title);
    const titleW = measure(node.title, 'header');
    el('line', { class: 'strike', x1: tx - 2, x2: tx + titleW + 2, y1: 15.5, y2: 15.5 }, g);
    if (node.subtitle) {
        const right = w - 34 - ((node.spofFor ?? 0) > 0 ? badgeWidth(spofForText(node), measure) + 8 : 0);
        const room = right - (tx + titleW + 8);
        if (room > 30) {
            let sub = node.subtitle;
            while (sub.length > 1 && measure(sub, 'body') > room) sub = `${sub.slice(0, -2)}…`;
            el('text', { class: 'subtitle', x: tx + titleW + 8, y: 20 }, g, sub);
        }
    }
}

/** The collapse / expand button in the header's right corner. */
function toggle(g: SvgNode, w: number, collapsed: boolean): void {
    const t = el('g', { class: 'toggle', 'data-toggle': '1', transform: `translate(${w - 28},6)` }, g);
    el('title', {}, t, collapsed ? 'Expand' : 'Collapse');
    el('rect', { width: 20, height: 18, rx: 4 }, t);
    el('path', { d: collapsed ? 'M6,9H14M10,5V13' : 'M6,9H14' }, t);
}
