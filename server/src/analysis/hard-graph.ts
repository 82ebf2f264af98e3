/**
 * The hard graph of a compiled model — element → its container, its deployment domains, its
 * `depends on` members: what an element's being up depends on — with its strongly connected
 * components (dependencies first). Built once per compiled model and shared by the down sets and
 * availability.
 */

import type { CompiledModel } from './compile.js';
import { csrFrom, type Csr } from './csr.js';
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
    if (graph === undefined) {
        const edges = csrFrom(cm.n, add => {
            for (let x = 0; x < cm.n; x++) {
                if (cm.container[x] >= 0) add(x, cm.container[x]);
                for (let d = cm.depStart[x]; d < cm.depStart[x + 1]; d++) add(x, cm.depDomain[d]);
                for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
                    for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) add(x, cm.termMembers.targets[j]);
                }
            }
        });
        const components = stronglyConnectedComponents(cm.n, edges);
        const cyclic = new Uint8Array(cm.n);
        for (const group of components.members) {
            if (group.length > 1 || components.selfLoop[group[0]] === 1) for (const x of group) cyclic[x] = 1;
        }
        graphs.set(cm, graph = { edges, components, cyclic });
    }
    return graph;
}
