/**
 * Live updates without a full re-layout. After an edit the new scene is compared with the
 * one on screen; when no box was added and none moved to another container, the old
 * positions are kept:
 * - boxes whose content changed keep their place (and take their new size when it still fits
 *   among their neighbours);
 * - removed boxes just disappear; a renamed box (one removed, one added, same kind and
 *   container) keeps the old one's place;
 * - edges keep their routes; new or changed ones are drawn as plain elbows.
 * Anything else (a new element, a new container, collapsing) needs the layout worker.
 */
import type { Scene } from '../scene/scene.js';
import type { Box, Direction, Layout } from './layout.js';
import { liftEdges } from './lift-edges.js';

export type Plan = { kind: 'reuse'; layout: Layout; changed: number } | { kind: 'full'; reason: string };

export function planUpdate(prev: { scene: Scene; layout: Layout } | null, next: Scene, direction: Direction): Plan {
    if (!prev) return { kind: 'full', reason: 'first layout' };
    if (prev.layout.direction !== direction) return { kind: 'full', reason: 'direction changed' };
    if (prev.scene.uri !== next.uri) return { kind: 'full', reason: 'another file' };
    const old = prev.scene.nodes;
    const added: string[] = [];
    for (const id of next.nodes.keys()) if (!old.has(id)) added.push(id);
    const removed: string[] = [];
    for (const id of old.keys()) if (!next.nodes.has(id)) removed.push(id);

    // A rename: one box replaced by another of the same kind in the same container.
    const rename = new Map<string, string>(); // old id → new id
    if (added.length === 1 && removed.length === 1) {
        const a = next.nodes.get(added[0])!;
        const r = old.get(removed[0])!;
        if (a.type === r.type && a.parent === r.parent && a.element?.kind === r.element?.kind && a.collapsed === r.collapsed
            && (a.type !== 'container' || (next.children.get(a.id) ?? []).length === 0)) {
            rename.set(r.id, a.id);
            added.length = 0;
        }
    }
    if (added.length > 0) return { kind: 'full', reason: `${added.length} new` };
    const renamedFrom = new Map([...rename].map(([o, n]) => [n, o]));

    const boxes = new Map<string, Box>();
    let changed = 0;
    for (const [id, node] of next.nodes) {
        const oldId = renamedFrom.get(id) ?? id;
        const was = old.get(oldId)!;
        const parentWas = was.parent === null ? null : (rename.get(was.parent) ?? was.parent);
        if (parentWas !== node.parent) return { kind: 'full', reason: 'moved to another container' };
        if (was.collapsed !== node.collapsed) return { kind: 'full', reason: 'collapsed' };
        const box = prev.layout.boxes.get(oldId);
        if (!box) return { kind: 'full', reason: 'no position' };
        const expanded = node.type === 'container' && !node.collapsed && (next.children.get(id) ?? []).length > 0;
        if (expanded || (was.width === node.width && was.height === node.height)) {
            boxes.set(id, box);
            if (oldId !== id) changed++;
            continue;
        }
        changed++;
        boxes.set(id, { x: box.x, y: box.y, width: node.width, height: node.height });
    }
    // Resized boxes must still fit in their container and not overlap a neighbour.
    for (const [id, node] of next.nodes) {
        const box = boxes.get(id)!;
        const was = prev.layout.boxes.get(renamedFrom.get(id) ?? id)!;
        if (box.width === was.width && box.height === was.height) continue;
        if (node.parent !== null) {
            const p = boxes.get(node.parent)!;
            if (box.x + box.width > p.x + p.width - 4 || box.y + box.height > p.y + p.height - 4) return { kind: 'full', reason: 'outgrew its container' };
        }
        for (const sibling of next.children.get(node.parent ?? '') ?? []) {
            if (sibling === id) continue;
            const s = boxes.get(sibling)!;
            if (overlaps(box, s, 6)) return { kind: 'full', reason: 'overlaps a neighbour' };
        }
    }

    // Routes: keep those whose end boxes did not change; rename ids inside route keys.
    const resized = new Set<string>();
    for (const [id, box] of boxes) {
        const was = prev.layout.boxes.get(renamedFrom.get(id) ?? id);
        if (was && (was.width !== box.width || was.height !== box.height)) resized.add(id);
    }
    const routes = new Map<string, { x: number; y: number }[]>();
    for (const [key, points] of prev.layout.routes) {
        const [level, a, b] = key.split('>');
        const na = rename.get(a) ?? a;
        const nb = rename.get(b) ?? b;
        if (resized.has(na) || resized.has(nb) || !next.nodes.has(na) || !next.nodes.has(nb)) continue;
        routes.set(`${rename.get(level) ?? level}>${na}>${nb}`, points);
    }
    const oldEdges = new Set(prev.scene.edges.map(e => e.id));
    for (const edge of next.edges) if (!oldEdges.has(edge.id)) changed++;
    return {
        kind: 'reuse',
        changed,
        layout: { boxes, routes, lifts: liftEdges(next).lifts, width: prev.layout.width, height: prev.layout.height, direction }
    };
}

function overlaps(a: Box, b: Box, gap: number): boolean {
    return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}
