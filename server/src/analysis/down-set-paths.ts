/**
 * The path that makes domain d fatal to an element, read from the down sets (down-sets.ts)
 * instead of a simulation: from the element, take the first broken condition — its placement,
 * its container, its first `depends on` term that fails — and step to an input that is down when
 * d fails (d itself when it is one, else a failure domain, else the first in declaration order).
 * Every step goes to an element earlier in the dependency order, so the walk ends at d; on a
 * cycle that order does not exist, and the walk gives up (the caller simulates instead).
 * The steps are worded by paths.ts, like those of a simulation.
 */

import { termMembersOf, type CompiledModel } from './compile.js';
import { hasBit, type DownSets } from './down-sets.js';
import { containerStep, MAX_PATH_STEPS, placementStep, placementUnder, termStep, type Cause } from './paths.js';
import type { PathStep } from './results.js';

/**
 * The step (and the element it leads to) from each element towards one domain d, kept while the
 * paths of many services to d are walked: they share their tails (every step depends only on
 * the element and d). `null`: no step (not down because of d). The steps are shared by the paths.
 */
export type StepMemo = Map<number, Cause | null>;

/** The path from x to d, or undefined when it passes through a cycle; `memo` only for this d. */
export function pathFromDownSets(
    cm: CompiledModel, sets: DownSets, baseUp: Uint8Array, x: number, d: number, memo?: StepMemo
): PathStep[] | undefined {
    const bit = sets.bitOf[d];
    const down = (y: number) => hasBit(sets.down, sets.words, y, bit);
    if (x === d) return [{ element: cm.names[d], via: 'fails itself', text: 'fails itself' }];
    const steps: PathStep[] = [];
    while (x !== d) {
        if (sets.cyclic[x]) return undefined;
        if (steps.length >= MAX_PATH_STEPS) {
            steps.push({ element: cm.names[x], via: '…', text: '…' });
            break;
        }
        let cause = memo?.get(x);
        if (cause === undefined) {
            cause = placementCause(cm, x, d, down, baseUp) ?? containerCause(cm, x, down, baseUp) ?? termCause(cm, x, d, down, baseUp) ?? null;
            memo?.set(x, cause);
        }
        if (cause === null) return undefined; // not down because of d (never up): no path
        steps.push(cause.step);
        x = cause.next;
    }
    return steps;
}

/**
 * The input to step to, among those down: d itself, else the first failure domain, else the first;
 * only inputs that d brought down (not those down with nothing failed); -1 when there is none.
 */
function pick(cm: CompiledModel, lost: number[], d: number, baseUp: Uint8Array): number {
    if (lost.includes(d)) return d;
    const newly = lost.filter(c => baseUp[c]);
    return newly.find(c => cm.isDomain[c]) ?? newly[0] ?? -1;
}

function placementCause(cm: CompiledModel, x: number, d: number, down: (y: number) => boolean, baseUp: Uint8Array): Cause | undefined {
    const placement = placementUnder(cm, x, down);
    if (placement === undefined || placement.surviving >= cm.quorum[x] || placement.lost.length === 0) return undefined;
    const { domains, lost, surviving } = placement;
    const next = pick(cm, lost, d, baseUp);
    return next < 0 ? undefined : { next, step: placementStep(cm, x, domains, next, surviving, lost) };
}

function containerCause(cm: CompiledModel, x: number, down: (y: number) => boolean, baseUp: Uint8Array): Cause | undefined {
    const c = cm.container[x];
    if (c < 0 || !down(c) || !baseUp[c]) return undefined;
    return { next: c, step: containerStep(cm, x, c) };
}

function termCause(cm: CompiledModel, x: number, d: number, down: (y: number) => boolean, baseUp: Uint8Array): Cause | undefined {
    for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
        const members = termMembersOf(cm, t);
        const lost = members.filter(down);
        const up = members.length - lost.length;
        if (up >= cm.termK[t] || lost.length === 0) continue;
        const next = pick(cm, lost, d, baseUp);
        if (next >= 0) return { next, step: termStep(cm, x, t, members, next, up) };
    }
    return undefined;
}
