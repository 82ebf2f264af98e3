/** How a scene edge is drawn: its path along the layout's route, its classes, and its arrowhead. */
import { edgeRoute } from '../layout/edge-route.js';
import type { Layout } from '../layout/layout.js';
import type { SceneEdge } from '../scene/scene.js';
import { curveData, pathData } from './path-data.js';

export interface EdgeShape {
    d: string;
    className: string;
}

/** The edge's path and classes, or null when an end has no box. */
export function edgeShape(edge: SceneEdge, layout: Layout): EdgeShape | null {
    const route = edgeRoute(layout, edge.id, edge.source, edge.target, edge.kind);
    if (!route || route.points.length < 2) return null;
    const d = route.curved ? curveData(route.points[0], route.points[route.points.length - 1], layout.direction) : pathData(route.points);
    return { d, className: `edge e-${edge.kind}${edge.standby ? ' standby' : ''}${edge.backup ? ' backup' : ''}` };
}

/**
 * The `marker-end` of an edge (null: none): none on the edge into an `any` / `K of` junction,
 * a dot on a placement, otherwise an arrow — highlighted when the edge touches the highlighted
 * element, red when it carried a simulated failure, open for `monitors`.
 */
export function edgeMarker(edge: SceneEdge, touchesHighlight: boolean, fatal: boolean): string | null {
    if (edge.kind === 'any' || edge.kind === 'kof') return null;
    if (edge.kind === 'placement') return 'url(#dot)';
    if (touchesHighlight) return 'url(#arrow-hl)';
    if (fatal) return 'url(#arrow-fatal)';
    if (edge.kind === 'monitors') return 'url(#arrow-open)';
    return 'url(#arrow)';
}
