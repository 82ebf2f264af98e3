/**
 * A scene node drawn at its box: a group carrying the node's kind, state classes and name,
 * and inside it the shape and text of a junction, an element, or a container (open or
 * collapsed). Every piece of model text is a text node's content, never markup.
 */
import type { Box } from '../layout/layout.js';
import type { SceneNode } from '../scene/scene.js';
import type { Measure } from '../scene/text.js';
import { drawCollapsed, drawContainer } from './container-box.js';
import { drawElement } from './element-box.js';
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

export function drawNode(node: SceneNode, box: Box, measure: Measure): SvgNode {
    const e = node.element;
    const classes = ['node', `t-${node.type}`];
    if (e) classes.push(`k-${e.kind}`, `tier-${e.tier}`);
    if (node.collapsed) classes.push('collapsed');
    if (e?.spof) classes.push('spof');
    if (e?.neverUp) classes.push('never-up');
    if ((node.spofFor ?? 0) > 0) classes.push('spof-domain');
    const g = el('g', {
        class: classes.join(' '),
        transform: `translate(${round(box.x)},${round(box.y)})`,
        'data-id': node.id,
        'data-name': e?.name
    });
    const w = box.width;
    const h = box.height;
    if (node.type === 'junction') drawJunction(g, node, w, h);
    else if (node.type === 'container' && !node.collapsed) drawContainer(g, node, w, h, measure);
    else if (node.type === 'container') drawCollapsed(g, node, w, h, measure);
    else drawElement(g, node, w, h, measure);
    return g;
}

function drawJunction(g: SvgNode, node: SceneNode, w: number, h: number): void {
    g.attrs['aria-label'] = node.junction!.k === null ? 'any one of' : `${node.junction!.k} of ${node.junction!.n}`;
    el('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: h / 2 }, g);
    el('text', { class: 'junction-text', x: w / 2, y: h / 2 + 4, 'text-anchor': 'middle' }, g, node.title);
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
