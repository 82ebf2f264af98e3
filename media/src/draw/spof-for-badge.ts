/** "SPOF for 3" on a domain that services name as their nearest single point of failure. */
import type { SceneNode } from '../scene/scene.js';
import { badgeWidth } from '../scene/sizes.js';
import type { Measure } from '../scene/text.js';
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

export function spofForText(node: SceneNode): string {
    return `SPOF for ${node.spofFor}`;
}

export function spofForBadge(g: SvgNode, node: SceneNode, w: number, measure: Measure): void {
    const text = spofForText(node);
    const bw = badgeWidth(text, measure);
    const t = el('g', { class: 'badge b-spof-for' }, g);
    const open = node.type === 'container' && !node.collapsed;
    const x = open ? w - bw - 34 : w - bw - 6;
    const y = open ? 7 : -8;
    el('rect', { x, y, width: bw, height: 16, rx: 3 }, t);
    el('text', { x: x + bw / 2, y: y + 11.5, 'text-anchor': 'middle' }, t, text);
}
