/** SVG path data (`d`) for an edge: a curve between two points, or rounded elbows through a route. */
import type { Direction, Point } from '../layout/layout.js';

const f = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A curve from `a` to `b` that leaves and arrives along the layout direction. */
export function curveData(a: Point, b: Point, direction: Direction): string {
    if (direction === 'DOWN') {
        const dy = Math.max(40, Math.abs(b.y - a.y) * 0.5) * (b.y >= a.y ? 1 : -1);
        return `M${f(a.x)},${f(a.y)}C${f(a.x)},${f(a.y + dy)} ${f(b.x)},${f(b.y - dy)} ${f(b.x)},${f(b.y)}`;
    }
    const dx = Math.max(40, Math.abs(b.x - a.x) * 0.5) * (b.x >= a.x ? 1 : -1);
    return `M${f(a.x)},${f(a.y)}C${f(a.x + dx)},${f(a.y)} ${f(b.x - dx)},${f(b.y)} ${f(b.x)},${f(b.y)}`;
}

/** An SVG path through the points with rounded corners. */
export function pathData(points: readonly Point[], radius = 6): string {
    if (points.length === 0) return '';
    let d = `M${f(points[0].x)},${f(points[0].y)}`;
    for (let i = 1; i < points.length - 1; i++) {
        const p0 = points[i - 1];
        const p1 = points[i];
        const p2 = points[i + 1];
        const d1 = Math.hypot(p1.x - p0.x, p1.y - p0.y);
        const d2 = Math.hypot(p2.x - p1.x, p2.y - p1.y);
        const r = Math.min(radius, d1 / 2, d2 / 2);
        if (r < 0.5) {
            d += `L${f(p1.x)},${f(p1.y)}`;
            continue;
        }
        const a = { x: p1.x + ((p0.x - p1.x) / d1) * r, y: p1.y + ((p0.y - p1.y) / d1) * r };
        const b = { x: p1.x + ((p2.x - p1.x) / d2) * r, y: p1.y + ((p2.y - p1.y) / d2) * r };
        d += `L${f(a.x)},${f(a.y)}Q${f(p1.x)},${f(p1.y)} ${f(b.x)},${f(b.y)}`;
    }
    const last = points[points.length - 1];
    d += `L${f(last.x)},${f(last.y)}`;
    return d;
}
