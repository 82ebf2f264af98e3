/**
 * A fast layered layout for levels too big for ELK (the top level of a fully expanded
 * 1,000-service model holds about 600 boxes; ELK layered needs 5–30 s for it, and minutes for
 * the 3,400 of a 5,000-service model). Linear in the edges per step, so milliseconds:
 * - cycles broken by a depth-first search (edges back to the search path count as reversed);
 * - layering: each box in the first layer below everything it depends on that still has room
 *   (at most `cap` boxes a layer, so that a level of unconnected boxes wraps into a block
 *   instead of one endless row — what Coffman–Graham does in ELK, at a fraction of its cost);
 * - order within layers: a few barycentre sweeps, from the model order;
 * - placement: each layer a row (a column when the direction is RIGHT), centred.
 * Boxes pinned to the last layer (the containers of a crowded level, see lift-edges.ts) are
 * packed in rows below the rest. It gives no edge routes: edges on such a level are drawn as
 * curves from box to box (edge-route.ts).
 */
import type { Box, Direction } from './layout.js';

export interface QuickBox { id: string; width: number; height: number; last: boolean }
export interface QuickEdge { source: string; target: string }
export interface QuickResult {
    /** relative to the level's top-left corner, padding included */
    boxes: Map<string, Box>;
    width: number;
    height: number;
}
export interface QuickSpacing { node: number; layer: number; padding: { top: number; left: number; bottom: number; right: number } }

const SWEEPS = 4;

export function quickLayered(boxes: readonly QuickBox[], edges: readonly QuickEdge[], direction: Direction, spacing: QuickSpacing): QuickResult {
    const free = boxes.filter(b => !b.last);
    const index = new Map(free.map((b, i) => [b.id, i]));
    const n = free.length;
    const out: number[][] = free.map(() => []);
    const inn: number[][] = free.map(() => []);
    for (const e of edges) {
        const a = index.get(e.source);
        const b = index.get(e.target);
        if (a === undefined || b === undefined || a === b) continue;
        out[a].push(b);
    }
    acyclic(out);
    for (let a = 0; a < n; a++) for (const b of out[a]) inn[b].push(a);

    const layerOf = bandedLayers(out, inn, Math.max(4, Math.ceil(Math.sqrt(n) * 1.6)));
    const layers: number[][] = [];
    for (let v = 0; v < n; v++) (layers[layerOf[v]] ??= []).push(v);
    const rows = layers.filter(l => l !== undefined);
    orderByBarycentre(rows, out, inn);

    // Sizes along the row (breadth) and across it (depth), by direction.
    const down = direction === 'DOWN';
    const breadth = (b: QuickBox): number => (down ? b.width : b.height);
    const depth = (b: QuickBox): number => (down ? b.height : b.width);
    const rowBreadth = (row: QuickBox[]): number => row.reduce((s, b) => s + breadth(b), 0) + Math.max(0, row.length - 1) * spacing.node;
    const freeRows = rows.map(r => r.map(v => free[v]));
    const pinned = boxes.filter(b => b.last);
    const widest = Math.max(0, ...freeRows.map(rowBreadth), ...pinned.map(breadth));
    const pinnedRows = packRows(pinned, widest, breadth, spacing.node);
    const all = [...freeRows, ...pinnedRows];
    const span = Math.max(0, ...all.map(rowBreadth));

    const pad = spacing.padding;
    const result = new Map<string, Box>();
    let across = down ? pad.top : pad.left;
    for (const row of all) {
        let along = (down ? pad.left : pad.top) + (span - rowBreadth(row)) / 2;
        const rowDepth = Math.max(...row.map(depth));
        for (const b of row) {
            const offset = across + (rowDepth - depth(b)) / 2;
            result.set(b.id, down
                ? { x: along, y: offset, width: b.width, height: b.height }
                : { x: offset, y: along, width: b.width, height: b.height });
            along += breadth(b) + spacing.node;
        }
        across += rowDepth + spacing.layer;
    }
    if (all.length > 0) across -= spacing.layer;
    const totalAcross = across + (down ? pad.bottom : pad.right);
    const totalAlong = span + (down ? pad.left + pad.right : pad.top + pad.bottom);
    return { boxes: result, width: down ? totalAlong : totalAcross, height: down ? totalAcross : totalAlong };
}

/** Reverses the edges that close a cycle (back edges of an iterative depth-first search). */
function acyclic(out: number[][]): void {
    const n = out.length;
    const state = new Uint8Array(n); // 0 new, 1 on the path, 2 done
    for (let root = 0; root < n; root++) {
        if (state[root] !== 0) continue;
        const stack: [number, number][] = [[root, 0]];
        state[root] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const [v, i] = top;
            if (i >= out[v].length) {
                state[v] = 2;
                stack.pop();
                continue;
            }
            top[1] = i + 1;
            const w = out[v][i];
            if (state[w] === 1) {
                // a back edge: turn it around (w → v), unless that edge exists already
                out[v].splice(i, 1);
                top[1] = i;
                if (!out[w].includes(v)) out[w].push(v);
            } else if (state[w] === 0) {
                state[w] = 1;
                stack.push([w, 0]);
            }
        }
    }
}

/** Topological order, each box in the first layer below its predecessors with fewer than `cap` boxes. */
function bandedLayers(out: number[][], inn: number[][], cap: number): number[] {
    const n = out.length;
    const pending = inn.map(l => l.length);
    const layerOf = new Array<number>(n).fill(0);
    const fill: number[] = [];
    const queue: number[] = [];
    for (let v = 0; v < n; v++) if (pending[v] === 0) queue.push(v);
    for (let head = 0; head < queue.length; head++) {
        const v = queue[head];
        let layer = 0;
        for (const u of inn[v]) layer = Math.max(layer, layerOf[u] + 1);
        while ((fill[layer] ?? 0) >= cap) layer++;
        layerOf[v] = layer;
        fill[layer] = (fill[layer] ?? 0) + 1;
        for (const w of out[v]) if (--pending[w] === 0) queue.push(w);
    }
    return layerOf;
}

/** Reorders each row by the mean position of its neighbours in the row above (then below), a few times. */
function orderByBarycentre(rows: number[][], out: number[][], inn: number[][]): void {
    const pos = new Map<number, number>();
    const place = (row: number[]): void => row.forEach((v, i) => pos.set(v, i / Math.max(1, row.length - 1)));
    rows.forEach(place);
    const sortBy = (row: number[], neighbours: number[][]): void => {
        const key = new Map<number, number>();
        for (const v of row) {
            const ns = neighbours[v];
            key.set(v, ns.length === 0 ? pos.get(v)! : ns.reduce((s, u) => s + pos.get(u)!, 0) / ns.length);
        }
        row.sort((a, b) => key.get(a)! - key.get(b)!);
        place(row);
    };
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
        for (let i = 1; i < rows.length; i++) sortBy(rows[i], inn);
        for (let i = rows.length - 2; i >= 0; i--) sortBy(rows[i], out);
    }
}

/** Boxes in rows no wider than `width` (at least one box a row), in their order. */
function packRows(boxes: readonly QuickBox[], width: number, breadth: (b: QuickBox) => number, gap: number): QuickBox[][] {
    const rows: QuickBox[][] = [];
    let row: QuickBox[] = [];
    let used = 0;
    for (const b of boxes) {
        const need = (row.length > 0 ? gap : 0) + breadth(b);
        if (row.length > 0 && used + need > width) {
            rows.push(row);
            row = [];
            used = 0;
        }
        used += (row.length > 0 ? gap : 0) + breadth(b);
        row.push(b);
    }
    if (row.length > 0) rows.push(row);
    return rows;
}
