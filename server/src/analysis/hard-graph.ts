/**
 * The hard graph of a compiled model — element → its container, its deployment domains, its
 * `depends on` members: what an element's being up depends on — with its strongly connected
 * components (dependencies first). Built once per compiled model and shared by the down sets and
 * availability.
 */

import type { CompiledModel } from './compile.js';
import { RowAppender, type Csr } from './csr.js';
import { stronglyConnectedComponents, type Components } from './scc.js';

export interface HardGraph {
    edges: Csr;
    components: Components;
    /** 1 for an element on a cycle (a component of several elements, or a self-loop) */
    cyclic: Uint8Array;
}

const graphs = new WeakMap<CompiledModel, HardGraph>();

export function hardGraph(cm: CompiledModel): HardGraph {
    let graph = graphs.get(cm);
    if (graph === undefined) graphs.set(cm, graph = hardGraphFrom(cm, 0));
    return graph;
}

/**
 * The hard graph among the ids from `from` on, numbered from 0 (id − from); edges to ids before
 * `from` are left out. With `from` = 0, the whole graph. When no row before `from` refers to a
 * later one, its components are those of the whole graph among these ids.
 */
export function hardGraphFrom(cm: CompiledModel, from: number): HardGraph {
    const size = cm.n - from;
    const rows = new RowAppender(size);
    const edge = (y: number) => { if (y >= from) rows.add(y - from); };
    for (let x = from; x < cm.n; x++) {
        rows.row(x - from);
        if (cm.container[x] >= 0) edge(cm.container[x]);
        for (let d = cm.depStart[x]; d < cm.depStart[x + 1]; d++) edge(cm.depDomain[d]);
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) edge(cm.termMembers.targets[j]);
        }
    }
    const edges = rows.build();
    const components = stronglyConnectedComponents(size, edges);
    const cyclic = new Uint8Array(size);
    for (const group of components.members) {
        if (group.length > 1 || components.selfLoop[group[0]] === 1) for (const x of group) cyclic[x] = 1;
    }
    return { edges, components, cyclic };
}
