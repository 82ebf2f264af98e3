/** An infra, a service or a datastore: its shape, title, label, meta line, badges and deployment tags. */
import type { SceneNode } from '../scene/scene.js';
import { serviceBadges } from '../scene/element-node.js';
import { badgeWidth, SIZES } from '../scene/sizes.js';
import type { Measure } from '../scene/text.js';
import { spofForBadge } from './spof-for-badge.js';
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

/** The outline of a box by kind: a cylinder (datastore), a chamfered plate (infra), a rounded rectangle. */
export function shapePath(kind: string, w: number, h: number): string {
    if (kind === 'datastore') {
        const c = SIZES.datastoreCap;
        return `M0,${c}A${w / 2},${c} 0 0,1 ${w},${c}V${h - c}A${w / 2},${c} 0 0,1 0,${h - c}Z`;
    }
    if (kind === 'infra') {
        const c = SIZES.infraChamfer;
        return `M${c},0H${w - c}L${w},${h / 2}L${w - c},${h}H${c}L0,${h / 2}Z`;
    }
    const r = 6;
    return `M${r},0H${w - r}Q${w},0 ${w},${r}V${h - r}Q${w},${h} ${w - r},${h}H${r}Q0,${h} 0,${h - r}V${r}Q0,0 ${r},0Z`;
}

export function drawElement(g: SvgNode, node: SceneNode, w: number, h: number, measure: Measure): void {
    const e = node.element!;
    const d = shapePath(e.kind, w, h);
    el('path', { class: 'outline', d: shapePath(e.kind === 'datastore' ? 'service' : e.kind, w + 8, h + 8), transform: 'translate(-4,-4)' }, g);
    el('path', { class: 'shape', d }, g);
    el('path', { class: 'pattern', d }, g);
    if (e.kind === 'datastore') {
        const c = SIZES.datastoreCap;
        el('path', { class: 'cap', d: `M0,${c}A${w / 2},${c} 0 0,0 ${w},${c}` }, g);
    } else if (e.kind !== 'infra') {
        el('rect', { class: 'accent', x: 0, y: 5, width: 3, height: h - 10, rx: 1.5 }, g);
    }
    const x0 = SIZES.pad + (e.kind === 'infra' ? SIZES.infraChamfer : 0);
    let y = SIZES.vpad + (e.kind === 'datastore' ? SIZES.datastoreCap : 0);
    el('text', { class: 'title', x: x0, y: y + 13, 'data-width': Math.ceil(measure(node.title, 'title')) }, g, node.title);
    el('line', { class: 'strike', x1: x0 - 2, x2: x0 + measure(node.title, 'title') + 2, y1: y + 8.5, y2: y + 8.5 }, g);
    y += SIZES.titleLine;
    if (node.subtitle) {
        el('text', { class: 'subtitle', x: x0, y: y + 12 }, g, node.subtitle);
        y += SIZES.subLine;
    }
    if (node.meta) {
        el('text', { class: 'meta', x: x0, y: y + 11 }, g, node.meta);
        y += SIZES.metaLine;
    }
    // Badges, right-aligned on the title line.
    let bx = w - SIZES.pad - (e.kind === 'infra' ? SIZES.infraChamfer : 0);
    const by = SIZES.vpad + (e.kind === 'datastore' ? SIZES.datastoreCap : 0);
    for (const badge of serviceBadges(e)) {
        const bw = badgeWidth(badge, measure);
        bx -= bw;
        const b = el('g', { class: `badge b-${badge === 'SPOF' ? 'spof' : 'never-up'}` }, g);
        el('rect', { x: bx, y: by, width: bw, height: 16, rx: 3 }, b);
        el('text', { x: bx + bw / 2, y: by + 11.5, 'text-anchor': 'middle' }, b, badge);
        bx -= SIZES.badgeGap;
    }
    if ((node.spofFor ?? 0) > 0) spofForBadge(g, node, w, measure);
    for (const t of node.tags ?? []) {
        const tg = el('g', { class: `dtag${t.standby ? ' standby' : ''}${t.backup ? ' backup' : ''}`, 'data-domain': t.domain }, g);
        el('rect', { x: t.x, y: t.y, width: t.width, height: SIZES.tagHeight, rx: 3 }, tg);
        el('text', { x: t.x + 6, y: t.y + 12.5 }, tg, t.text);
    }
}
