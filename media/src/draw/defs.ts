/** The drawing's shared definitions: arrowheads, the placement dot, and the patterns for down (hatched) and degraded (dotted). */
import type { SvgNode } from './svg-tree.js';
import { el } from './svg-tree.js';

export function graphDefs(): SvgNode {
    const d = el('defs');
    const marker = (id: string, cls: string, path: string, open = false): void => {
        const m = el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' }, d);
        el('path', { class: `${cls}${open ? ' open' : ''}`, d: path }, m);
    };
    marker('arrow', 'arrowhead', 'M0,1L10,5L0,9Z');
    marker('arrow-fatal', 'arrowhead fatal', 'M0,1L10,5L0,9Z');
    marker('arrow-hl', 'arrowhead hl', 'M0,1L10,5L0,9Z');
    marker('arrow-open', 'arrowhead', 'M1,1L9,5L1,9', true);
    const dot = el('marker', { id: 'dot', viewBox: '0 0 10 10', refX: 5, refY: 5, markerWidth: 6, markerHeight: 6, markerUnits: 'userSpaceOnUse' }, d);
    el('circle', { class: 'placement-dot', cx: 5, cy: 5, r: 4 }, dot);
    const hatch = el('pattern', { id: 'hatch-down', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, d);
    el('rect', { class: 'hatch-line', x: 0, y: 0, width: 2.5, height: 8 }, hatch);
    const dots = el('pattern', { id: 'dots-degraded', width: 7, height: 7, patternUnits: 'userSpaceOnUse' }, d);
    el('circle', { class: 'dot-fill', cx: 3.5, cy: 3.5, r: 1.3 }, dots);
    return d;
}
