/**
 * Strongly connected components by Tarjan's algorithm, iterative (an explicit stack instead
 * of recursion, so a 50,000-long chain does not overflow the call stack).
 *
 * Components come out in reverse topological order: a component is emitted after every
 * component it reaches, so "dependencies first" when edges point from an element to what it
 * needs.
 */

import type { Csr } from './csr.js';

export interface Components {
    /** component id of each node; ids follow the emission order */
    comp: Int32Array;
    /** members of each component, in emission order */
    members: number[][];
    /** nodes with an edge to themselves */
    selfLoop: Uint8Array;
}

/**
 * `roots`: search only from these nodes (default: every node). The nodes they reach get their
 * components, as a search from every node would give them (ids may differ); the others keep −1.
 */
export function stronglyConnectedComponents(n: number, edges: Csr, roots?: Iterable<number>): Components {
    const { start, targets } = edges;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const comp = new Int32Array(n).fill(-1);
    const selfLoop = new Uint8Array(n);
    const members: number[][] = [];
    const stack: number[] = [];
    // call stack: node and the position of the next edge to look at
    const callNode = new Int32Array(n);
    const callEdge = new Int32Array(n);
    let counter = 0;

    for (const root of roots ?? allNodes(n)) {
        if (index[root] >= 0) continue;
        let depth = 0;
        callNode[0] = root;
        callEdge[0] = start[root];
        index[root] = low[root] = counter++;
        stack.push(root);
        onStack[root] = 1;
        while (depth >= 0) {
            const v = callNode[depth];
            const e = callEdge[depth];
            if (e < start[v + 1]) {
                callEdge[depth] = e + 1;
                const w = targets[e];
                if (w === v) selfLoop[v] = 1;
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.push(w);
                    onStack[w] = 1;
                    depth++;
                    callNode[depth] = w;
                    callEdge[depth] = start[w];
                } else if (onStack[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            // v is finished
            if (low[v] === index[v]) {
                const id = members.length;
                const group: number[] = [];
                let w: number;
                do {
                    w = stack.pop()!;
                    onStack[w] = 0;
                    comp[w] = id;
                    group.push(w);
                } while (w !== v);
                members.push(group);
            }
            depth--;
            if (depth >= 0) {
                const parent = callNode[depth];
                if (low[v] < low[parent]) low[parent] = low[v];
            }
        }
    }
    return { comp, members, selfLoop };
}

function* allNodes(n: number): Generator<number> {
    for (let x = 0; x < n; x++) yield x;
}
