/**
 * `dependency-cycle` (note 9): every element in a strongly connected component of the
 * `depends on` graph of size > 1, or depending on itself, gets a warning anchored on its
 * `depends on` entry that names a member of its component.
 */

import { stronglyConnectedComponents } from '../scc.js';
import type { Finding } from '../results.js';
import { newFinding } from './codes.js';
import type { FindingContext } from './context.js';

/** Cycles larger than this are summarised instead of spelled out. */
const MAX_CYCLE_TEXT = 200;
const MAX_CYCLE_NAMES = 8;

export function cycleFindings(ctx: FindingContext): Finding[] {
    const { cm } = ctx;
    const edges = cm.dependsOnEdges;
    // the components of the wanted elements: found from them (an edit asks for a few files' elements)
    const wanted: number[] = [];
    for (let e = 0; e < cm.n; e++) if (ctx.wanted(e)) wanted.push(e);
    const { comp, members, selfLoop } = stronglyConnectedComponents(cm.n, edges, wanted.length === cm.n ? undefined : wanted);
    const out: Finding[] = [];
    for (let e = 0; e < cm.n; e++) {
        if (!ctx.wanted(e)) continue;
        const size = members[comp[e]].length;
        if (size === 1 && !selfLoop[e]) continue;
        // the first `depends on` entry of e naming a member of its component
        let target = -1;
        for (let j = edges.start[e]; j < edges.start[e + 1]; j++) {
            if (comp[edges.targets[j]] === comp[e]) { target = edges.targets[j]; break; }
        }
        if (target < 0) continue;
        const name = cm.names[e];
        const cycle = target === e ? [e, e] : size <= MAX_CYCLE_TEXT ? cyclePath(ctx, comp, e, target) : undefined;
        let shown: string;
        if (cycle === undefined) {
            shown = `${name} → ${cm.names[target]} → … → ${name} (${size} elements)`;
        } else if (cycle.length > MAX_CYCLE_NAMES + 1) {
            shown = [...cycle.slice(0, MAX_CYCLE_NAMES - 1).map(x => cm.names[x]), '…', name].join(' → ');
        } else {
            shown = cycle.map(x => cm.names[x]).join(' → ');
        }
        const others = (cycle ?? [e, target]).filter(x => x !== e);
        out.push(newFinding('dependency-cycle', { element: name, tier: cm.elements[e].tier, target: cm.names[target] },
            target === e
                ? `${name} depends on itself: it cannot start until it is already up, so its recovery order is undefined. ` +
                  `Fix: remove "${name}" from its own "depends on".`
                : `${name} is in a dependency cycle (${shown}): after an outage none of these can start before the others ` +
                  `are up, so the recovery order is undefined. Fix: break the cycle, e.g. make one of these dependencies soft with "uses".`,
            [], [...new Set(others)].map(x => ({ element: cm.names[x], message: `in the dependency cycle with ${name}` }))));
    }
    return out;
}

/** e → target → … → e inside the component, by breadth-first search from target. */
function cyclePath(ctx: FindingContext, comp: Int32Array, e: number, target: number): number[] {
    const edges = ctx.cm.dependsOnEdges;
    const parent = new Map<number, number>([[target, -1]]);
    const queue = [target];
    for (let head = 0; head < queue.length; head++) {
        const x = queue[head];
        if (x === e) break;
        for (let j = edges.start[x]; j < edges.start[x + 1]; j++) {
            const y = edges.targets[j];
            if (comp[y] !== comp[e] || parent.has(y)) continue;
            parent.set(y, x);
            queue.push(y);
        }
    }
    const back: number[] = [];
    for (let x: number | undefined = e; x !== undefined && x >= 0; x = parent.get(x)) back.push(x);
    return [e, ...back.reverse()];
}
