/**
 * An element's cone in the hard graph (itself, its container, deployment domains and `depends on`
 * members, transitively), in an order where everything comes after what it needs, and a cycle in
 * it when there is one (a fault tree cannot loop).
 */

import type { CompiledModel } from '../analysis/compile.js';
import { hardGraph } from '../analysis/hard-graph.js';

/** The cone of `root`, dependencies first. */
export function hardCone(cm: CompiledModel, root: number): number[] {
    const { edges, components: { comp } } = hardGraph(cm);
    const seen = new Uint8Array(cm.n);
    const cone: number[] = [];
    const stack = [root];
    seen[root] = 1;
    while (stack.length > 0) {
        const x = stack.pop()!;
        cone.push(x);
        for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
            const y = edges.targets[j];
            if (!seen[y]) { seen[y] = 1; stack.push(y); }
        }
    }
    // components come out of Tarjan's algorithm dependencies first
    return cone.sort((a, b) => comp[a] - comp[b] || a - b);
}

/** A cycle among `cone` as a list of names, the first repeated at the end; undefined when there is none. */
export function cycleIn(cm: CompiledModel, cone: readonly number[]): string[] | undefined {
    const { edges, components: { comp }, cyclic } = hardGraph(cm);
    const start = cone.find(x => cyclic[x] === 1);
    if (start === undefined) return undefined;
    // walk inside the component until an element repeats
    const at = new Map<number, number>();
    const path: number[] = [];
    let x = start;
    while (!at.has(x)) {
        at.set(x, path.length);
        path.push(x);
        let next = -1;
        for (let j = edges.start[x]; j < edges.start[x + 1] && next < 0; j++) {
            if (comp[edges.targets[j]] === comp[x]) next = edges.targets[j];
        }
        if (next < 0) break; // cannot happen in a cyclic component
        x = next;
    }
    const loop = path.slice(at.get(x) ?? 0);
    return [...loop, loop[0]].map(y => cm.names[y]);
}
