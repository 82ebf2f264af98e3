/**
 * The neighbourhood of one element, as a smaller graph to draw: the element, what it depends
 * on and what depends on it, up to `hops` steps each way (a service running on a domain
 * depends on it; an element `in` a region or site depends on it), plus the regions and sites
 * the shown elements are drawn in, so that each keeps its place. Pure, linear in the graph.
 */
import type { GraphEdge, GraphPlacement, ModelGraph } from '../../../server/src/common/protocol.js';
import { CONTAINER_KINDS } from './scene.js';

export const MIN_HOPS = 1;
export const MAX_HOPS = 3;

/** The graph restricted to `name`'s neighbourhood, or null when the graph has no such element. */
export function neighbourhood(graph: ModelGraph, name: string, hops: number): ModelGraph | null {
    const byName = new Map(graph.elements.map(e => [e.name, e]));
    if (!byName.has(name)) return null;
    const out = new Map<string, string[]>();
    const into = new Map<string, string[]>();
    const link = (from: string, to: string): void => {
        if (!byName.has(from) || !byName.has(to) || from === to) return;
        (out.get(from) ?? out.set(from, []).get(from)!).push(to);
        (into.get(to) ?? into.set(to, []).get(to)!).push(from);
    };
    for (const e of graph.edges) link(e.from, e.to);
    for (const p of graph.placements) link(p.service, p.domain);
    for (const e of graph.elements) if (e.container !== undefined) link(e.name, e.container);
    const shown = new Set<string>([name]);
    for (const next of [out, into]) {
        let frontier = [name];
        const seen = new Set<string>([name]);
        for (let step = 0; step < hops && frontier.length > 0; step++) {
            const following: string[] = [];
            for (const n of frontier) {
                for (const m of next.get(n) ?? []) {
                    if (seen.has(m)) continue;
                    seen.add(m);
                    shown.add(m);
                    following.push(m);
                }
            }
            frontier = following;
        }
    }
    // An `any` / `K of` term is shown whole ("2 of 3" stays true).
    for (const e of graph.edges) if ((e.kind === 'any' || e.kind === 'kof') && shown.has(e.from) && byName.has(e.to)) shown.add(e.to);
    // The containers the shown elements sit in (a service in its sites, a site in its region).
    for (const n of [...shown]) {
        let cur = byName.get(n)?.container;
        for (let guard = 0; cur !== undefined && guard < 50 && CONTAINER_KINDS.has(byName.get(cur)?.kind ?? ''); guard++) {
            shown.add(cur);
            cur = byName.get(cur)?.container;
        }
    }
    const placements: GraphPlacement[] = graph.placements.filter(p => shown.has(p.service) && shown.has(p.domain));
    const edges: GraphEdge[] = graph.edges.filter(e => shown.has(e.from) && shown.has(e.to));
    return { ...graph, elements: graph.elements.filter(e => shown.has(e.name)), placements, edges };
}
