/**
 * Every scene edge *lifted* to the level where its two ends are siblings (talk → auth becomes
 * talk → pangyo inside capital): the lifted edges are what ELK lays out at each level (see
 * elk-graph.ts for why), and the chains of nodes on both sides let the drawn route continue
 * inside the containers to the real boxes.
 */
import type { Scene } from '../scene/scene.js';
import type { Lifts } from './layout.js';

/** Above this many boxes a level is laid out with its containers pinned to the last layer. */
export const CROWDED = 30;

/**
 * How strongly an edge should point along the layout direction (ELK's cycle breaking keeps
 * the important ones forward): dependencies and placements define the picture; `monitors`
 * (an observer watching what it depends on least) must not turn it upside down.
 */
const PRIORITY: Record<string, number> = { hard: 10, any: 10, kof: 10, member: 10, placement: 8, soft: 6, monitors: 0 };

export interface ElkEdgeIn { id: string; sources: string[]; targets: string[]; layoutOptions?: Record<string, string> }

export interface LiftedEdges {
    /** the ELK edges of each level: a container id, or '' for the top level */
    levelEdges: Map<string, ElkEdgeIn[]>;
    lifts: Lifts;
}

export function liftEdges(scene: Scene): LiftedEdges {
    const parentOf = (id: string): string => scene.nodes.get(id)?.parent ?? '';
    const ancestors = (id: string): string[] => {
        const out = [id];
        let cur = parentOf(id);
        let guard = 0;
        while (cur !== '' && guard++ < 1000) {
            out.push(cur);
            cur = parentOf(cur);
        }
        return out; // node first, outermost last
    };
    const isContainer = (id: string): boolean => scene.nodes.get(id)?.type === 'container';
    const isService = (id: string): boolean => {
        const kind = scene.nodes.get(id)?.element?.kind;
        return kind === 'service' || kind === 'datastore';
    };
    const levelEdges = new Map<string, ElkEdgeIn[]>();
    const seen = new Map<string, ElkEdgeIn>();
    const lifts: Lifts = new Map();
    for (const edge of scene.edges) {
        const sa = ancestors(edge.source);
        const ta = ancestors(edge.target);
        const tset = new Set(ta);
        // the innermost common container ('' = the top level)
        let level = '';
        let si = sa.length - 1;
        for (let i = 1; i < sa.length; i++) {
            if (tset.has(sa[i])) { level = sa[i]; si = i - 1; break; }
        }
        if (level === '') si = sa.length - 1;
        const a = sa[si];
        const ti = level === '' ? ta.length - 1 : ta.indexOf(level) - 1;
        const b = ta[ti];
        if (a === undefined || b === undefined || a === b) continue;
        // On a crowded level (many services beside regions or sites), edges into or out of
        // containers are not layout constraints either: the containers go to the last layer
        // (below the services) and only the edges among the level's own boxes are laid out.
        // This keeps the layout's long-edge dummies, and so its time, down.
        const crowded = (scene.children.get(level)?.length ?? 0) > CROWDED;
        if ((isContainer(a) && (isContainer(b) || isService(b))) || (crowded && (isContainer(a) || isContainer(b)))) {
            // Out of a container into another container or a service (a dependency from one
            // site into another, a service in a site using a multi-site service): not a layout
            // constraint — sites and regions stay side by side like a floor plan, in one layer
            // below the services that run on them — and drawn as a curve from box to box.
            // (Containers keep their edges to infra: sites above their power.)
            lifts.set(edge.id, { layoutEdge: '', up: [], down: [] });
            continue;
        }
        const layoutEdge = `${level}>${a}>${b}`;
        lifts.set(edge.id, { layoutEdge, up: sa.slice(0, si + 1), down: ta.slice(0, ti + 1).reverse() });
        const priority = PRIORITY[edge.kind] ?? 5;
        const existing = seen.get(layoutEdge);
        if (existing) {
            if (priority > Number(existing.layoutOptions!['elk.layered.priority.direction'])) existing.layoutOptions!['elk.layered.priority.direction'] = String(priority);
            continue;
        }
        const elkEdge: ElkEdgeIn = { id: layoutEdge, sources: [a], targets: [b], layoutOptions: { 'elk.layered.priority.direction': String(priority) } };
        seen.set(layoutEdge, elkEdge);
        let list = levelEdges.get(level);
        if (!list) levelEdges.set(level, (list = []));
        list.push(elkEdge);
    }
    return { levelEdges, lifts };
}
