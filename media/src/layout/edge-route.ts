/**
 * The drawn route of a scene edge, in graph coordinates: out of its source box to the route
 * ELK gave its lifted edge, along it, and into its target box.
 */
import type { Box, Direction, Layout, Point } from './layout.js';

export interface Route { points: Point[]; curved: boolean }

const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * Edges without a lifted route (between two containers, or new since the last layout) are a
 * curve from box to box; so are placements ("runs on" connectors, told apart from
 * dependencies by their shape).
 */
export function edgeRoute(layout: Layout, edgeId: string, source: string, target: string, kind?: string): Route | null {
    const sb = layout.boxes.get(source);
    const tb = layout.boxes.get(target);
    if (!sb || !tb) return null;
    const lift = layout.lifts.get(edgeId);
    const lifted = lift && lift.layoutEdge !== '' ? layout.routes.get(lift.layoutEdge) : undefined;
    const dir = layout.direction;
    if (!lift || !lifted || lifted.length < 2 || kind === 'placement') {
        const a = border(sb, center(tb), dir);
        const b = border(tb, center(sb), dir);
        return { points: [a, b], curved: true };
    }
    const points: Point[] = [];
    const start = lifted[0];
    const end = lifted[lifted.length - 1];
    if (lift.up.length > 1) {
        const a = border(sb, start, dir);
        points.push(...elbow(a, start, dir).slice(0, -1));
    }
    points.push(...lifted);
    if (lift.down.length > 1) {
        const b = border(tb, end, dir);
        points.push(...elbow(end, b, dir).slice(1));
    }
    return { points: simplify(points), curved: false };
}

/** Where a line from inside `b` towards `p` leaves the box (used for the ends inside containers). */
function border(b: Box, toward: Point, direction: Direction): Point {
    const c = center(b);
    if (direction === 'DOWN') {
        const y = toward.y >= c.y ? b.y + b.height : b.y;
        const x = Math.min(b.x + b.width - 8, Math.max(b.x + 8, toward.x));
        return { x: Math.abs(toward.y - c.y) < b.height / 2 ? c.x : x, y };
    }
    const x = toward.x >= c.x ? b.x + b.width : b.x;
    const y = Math.min(b.y + b.height - 8, Math.max(b.y + 8, toward.y));
    return { x, y: Math.abs(toward.x - c.x) < b.width / 2 ? c.y : y };
}

/** An orthogonal elbow from `a` to `b`, turning halfway along the layout direction. */
function elbow(a: Point, b: Point, direction: Direction): Point[] {
    if (Math.abs(a.x - b.x) < 1 || Math.abs(a.y - b.y) < 1) return [a, b];
    if (direction === 'DOWN') {
        const my = (a.y + b.y) / 2;
        return [a, { x: a.x, y: my }, { x: b.x, y: my }, b];
    }
    const mx = (a.x + b.x) / 2;
    return [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b];
}

/** Without repeated points and without middle points of straight runs. */
function simplify(points: Point[]): Point[] {
    const out: Point[] = [];
    for (const p of points) {
        const last = out[out.length - 1];
        if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
        if (out.length >= 2) {
            const prev = out[out.length - 2];
            const collinear = (Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5)
                || (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5);
            if (collinear) out.pop();
        }
        out.push(p);
    }
    return out;
}
