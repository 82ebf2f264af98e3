/**
 * Dependencies (`depends on`, `uses`, `monitors`) as edges. An `any` or `K of` term goes
 * through a junction node ("any", "2 of 3") drawn beside its service: one edge from the
 * service to the junction, one from the junction to each member.
 */
import type { GraphEdge, GraphElement } from '../../../server/src/common/protocol.js';
import type { EdgeSet } from './edge-set.js';
import { junctionId } from './scene.js';
import type { SceneTree } from './scene-tree.js';
import { SIZES } from './sizes.js';
import type { Measure } from './text.js';

export function addDependencyEdges(edges: EdgeSet, tree: SceneTree, modelEdges: readonly GraphEdge[], elements: ReadonlyMap<string, GraphElement>, measure: Measure): void {
    const groups = new Map<string, GraphEdge[]>();
    for (const edge of modelEdges) {
        if (!elements.has(edge.from) || !elements.has(edge.to)) continue;
        if ((edge.kind === 'any' || edge.kind === 'kof') && edge.group) {
            let list = groups.get(edge.group);
            if (!list) groups.set(edge.group, (list = []));
            list.push(edge);
            continue;
        }
        edges.add(tree.shownAs.get(edge.from), tree.shownAs.get(edge.to), edge.kind === 'any' || edge.kind === 'kof' ? 'hard' : edge.kind, edge.from, edge.to);
    }
    for (const [group, members] of groups) addJunction(edges, tree, group, members, measure);
}

function addJunction(edges: EdgeSet, tree: SceneTree, group: string, members: readonly GraphEdge[], measure: Measure): void {
    const first = members[0];
    const source = tree.shownAs.get(first.from)!;
    const targets = [...new Set(members.map(m => tree.shownAs.get(m.to)!))].filter(t => t !== source);
    if (targets.length === 0) return;
    const id = junctionId(group);
    const k = first.kind === 'kof' ? (first.k ?? 1) : null;
    const title = k === null ? 'any' : `${k} of ${members.length}`;
    const width = Math.ceil(measure(title, 'chip')) + 18;
    tree.add({
        id, type: 'junction', parent: tree.nodes.get(source)!.parent, width: Math.max(width, 34), height: SIZES.junctionHeight,
        junction: { group, from: first.from, k, n: members.length }, title
    });
    edges.add(source, id, first.kind, first.from, first.from);
    for (const m of members) edges.add(id, tree.shownAs.get(m.to), 'member', m.from, m.to);
}
