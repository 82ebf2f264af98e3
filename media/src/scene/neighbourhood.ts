/**
 * The neighbourhood of one element, as a smaller graph to draw — the one meaning of "focus",
 * for the preview's **Show neighbourhood** and `topo render --focus` alike:
 * - the element;
 * - what it depends on, up to `hops` steps following the dependencies' direction, and what
 *   depends on it, up to `hops` steps against it (a service running on a domain depends on it;
 *   an element `in` a region or site depends on it; `depends on`, `uses` and `monitors` point
 *   from the one that needs to the one needed). The two directions are not mixed: a sibling
 *   (another service on the same site) is not a neighbour;
 * - an `any` / `K of` term of a shown element whole ("2 of 3" stays true);
 * - the failure domains every shown service runs on, and the regions and sites that hold every
 *   shown element, so that each is drawn where it runs.
 * Everything else is left out. Pure, linear in the graph.
 */
import type { GraphEdge, GraphPlacement, ModelGraph } from '../../../server/src/common/protocol.js';

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
    // Where the shown services run.
    for (const p of graph.placements) if (shown.has(p.service) && byName.has(p.domain)) shown.add(p.domain);
    // The regions and sites that hold the shown elements (a site in its region).
    for (const n of [...shown]) {
        const seen = new Set<string>();
        for (let cur = byName.get(n)?.container; cur !== undefined && byName.has(cur) && !seen.has(cur); cur = byName.get(cur)?.container) {
            seen.add(cur);
            shown.add(cur);
        }
    }
    const placements: GraphPlacement[] = graph.placements.filter(p => shown.has(p.service) && shown.has(p.domain));
    const edges: GraphEdge[] = graph.edges.filter(e => shown.has(e.from) && shown.has(e.to));
    return { ...graph, elements: graph.elements.filter(e => shown.has(e.name)), placements, edges };
}
