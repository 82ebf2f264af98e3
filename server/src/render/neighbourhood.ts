/**
 * A neighbourhood of one element in the graph: the element, what it depends on and what depends
 * on it, up to `hops` steps, through every relation the graph draws (`depends on`, `uses`,
 * `monitors`, `runs on` / `backup on`, `in`). The failure domains a kept service runs on and
 * the regions and sites that hold a kept element are kept too, so that every kept element is
 * drawn where it is and runs; everything else is left out.
 */
import type { ModelGraph } from '../common/protocol.js';

export function neighbourhood(graph: ModelGraph, name: string, hops: number): ModelGraph {
    const near = new Map<string, Set<string>>();
    const link = (a: string, b: string): void => {
        if (a === b) return;
        if (!near.has(a)) near.set(a, new Set());
        if (!near.has(b)) near.set(b, new Set());
        near.get(a)!.add(b);
        near.get(b)!.add(a);
    };
    for (const e of graph.elements) if (e.container !== undefined) link(e.name, e.container);
    for (const p of graph.placements) link(p.service, p.domain);
    for (const e of graph.edges) link(e.from, e.to);

    const kept = new Set([name]);
    let frontier = [name];
    for (let step = 0; step < hops && frontier.length > 0; step++) {
        const next: string[] = [];
        for (const x of frontier) {
            for (const y of near.get(x) ?? []) {
                if (!kept.has(y)) {
                    kept.add(y);
                    next.push(y);
                }
            }
        }
        frontier = next;
    }
    for (const p of graph.placements) if (kept.has(p.service)) kept.add(p.domain);
    const containerOf = new Map(graph.elements.map(e => [e.name, e.container]));
    for (const x of [...kept]) {
        const seen = new Set<string>();
        for (let c = containerOf.get(x); c !== undefined && !seen.has(c); c = containerOf.get(c)) {
            seen.add(c);
            kept.add(c);
        }
    }
    return {
        ...graph,
        elements: graph.elements.filter(e => kept.has(e.name)),
        placements: graph.placements.filter(p => kept.has(p.service) && kept.has(p.domain)),
        edges: graph.edges.filter(e => kept.has(e.from) && kept.has(e.to))
    };
}
