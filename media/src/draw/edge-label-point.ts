/**
 * Where an aggregated edge's count is drawn: a point part of the way along its drawn route
 * (computed from the route, without asking the page, so that a thousand labels cost nothing).
 * Not the middle: two edges between the same boxes, one each way, keep their counts apart.
 */
import { edgeRoute, type Route } from '../layout/edge-route.js';
import type { Direction, Layout, Point } from '../layout/layout.js';
import type { SceneEdge } from '../scene/scene.js';
import type { Measure } from '../scene/text.js';
import { el, type SvgNode } from './svg-tree.js';

export const LABEL_AT = 0.4;

export function pointAlong(route: Route, direction: Direction, fraction = LABEL_AT): Point {
    const pts = route.points;
    if (route.curved) {
        // the cubic of curveData (path-data.ts)
        const a = pts[0];
        const b = pts[pts.length - 1];
        let c1: Point;
        let c2: Point;
        if (direction === 'DOWN') {
            const dy = Math.max(40, Math.abs(b.y - a.y) * 0.5) * (b.y >= a.y ? 1 : -1);
            c1 = { x: a.x, y: a.y + dy };
            c2 = { x: b.x, y: b.y - dy };
        } else {
            const dx = Math.max(40, Math.abs(b.x - a.x) * 0.5) * (b.x >= a.x ? 1 : -1);
            c1 = { x: a.x + dx, y: a.y };
            c2 = { x: b.x - dx, y: b.y };
        }
        const t = fraction;
        const u = 1 - t;
        return {
            x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x,
            y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y
        };
    }
    let total = 0;
    for (let i = 1; i < pts.length; i++) total += Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    let left = total * fraction;
    for (let i = 1; i < pts.length; i++) {
        const len = Math.hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
        if (len >= left && len > 0) {
            const f = left / len;
            return { x: pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, y: pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f };
        }
        left -= len;
    }
    return pts[pts.length - 1];
}

/** How many model edges an aggregated edge stands for (between collapsed containers), drawn along it; null when it has no route. */
export function edgeCount(edge: SceneEdge, layout: Layout, measure: Measure): SvgNode | null {
    const route = edgeRoute(layout, edge.id, edge.source, edge.target, edge.kind);
    if (!route || route.points.length < 2) return null;
    const middle = pointAlong(route, layout.direction);
    const text = String(edge.count);
    const width = Math.ceil(measure(text, 'header')) + 12;
    const g = el('g', { class: `edge-count e-${edge.kind}`, transform: `translate(${middle.x.toFixed(1)},${middle.y.toFixed(1)})`, 'data-edge': edge.id });
    el('title', {}, g, `${edge.count} ${edge.kind === 'placement' ? 'deployments' : 'dependencies'}`);
    el('rect', { x: -width / 2, y: -10, width, height: 20, rx: 10 }, g);
    el('text', { x: 0, y: 4.5, 'text-anchor': 'middle' }, g, text);
    return g;
}
