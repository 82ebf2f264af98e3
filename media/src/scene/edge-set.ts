/**
 * The edges of a scene, one per kind and pair of visible nodes: model edges that end on the
 * same nodes (after collapsing) add to one edge's count; an edge between a node and its own
 * container, or from a node to itself, is not drawn.
 */
import type { EdgeKind, SceneEdge, SceneNode } from './scene.js';

export class EdgeSet {
    readonly list: SceneEdge[] = [];
    private readonly byId = new Map<string, SceneEdge>();

    constructor(private readonly nodes: ReadonlyMap<string, SceneNode>) {}

    /** An edge between two visible nodes (ids; undefined when an end is not shown), for the model edge `from` → `to`. */
    add(source: string | undefined, target: string | undefined, kind: EdgeKind, from: string, to: string, standby = false, backup = false): void {
        if (source === undefined || target === undefined || source === target) return;
        if (this.isAncestor(source, target) || this.isAncestor(target, source)) return;
        const id = `${kind}${standby ? '~s' : ''}${backup ? '~b' : ''}|${source}|${target}`;
        const existing = this.byId.get(id);
        if (existing) {
            existing.count++;
            return;
        }
        const edge: SceneEdge = { id, source, target, kind, count: 1, from, to };
        if (standby) edge.standby = true;
        if (backup) edge.backup = true;
        this.byId.set(id, edge);
        this.list.push(edge);
    }

    private isAncestor(ancestor: string, id: string): boolean {
        let cur = this.nodes.get(id)?.parent ?? null;
        let guard = 0;
        while (cur !== null && guard++ < 1000) {
            if (cur === ancestor) return true;
            cur = this.nodes.get(cur)?.parent ?? null;
        }
        return false;
    }
}
