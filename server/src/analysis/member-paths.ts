/**
 * Why a set of failure domains, failing together, takes an element down: one path per member,
 * from the element to that member. For `talk` over zone-a and zone-b (both replica sites of talk)
 * both paths are "talk → needs quorum 3, only 1 replica left without zone-a, zone-b"; for a site
 * under talk and the site of talk's database they differ ("talk → runs on a, b — all lost" and
 * "talk → db → runs only on c").
 *
 * The walk for member m only steps to elements that m's failure is needed for: down with the whole
 * set failed, up with the others failed but not m (the set is minimal, so the element itself is
 * one). At each element the first broken condition with such an input is taken — placement,
 * container, `depends on` terms, as in paths.ts — and the step goes to m when m is an input, else
 * to the input that went down first. Such an input always exists: the element is up without m, so
 * every condition broken with m failed has an input that m's failure brought down. Each step goes
 * to an element that went down earlier, so the walk ends at m.
 */

import { termMembersOf } from './compile.js';
import { containerStep, MAX_PATH_STEPS, placementStep, placementUnder, termStep, type Cause } from './paths.js';
import type { PathStep } from './results.js';
import type { StateEngine } from './state.js';

/**
 * The path from x to each member of `set` (in the order of `set`), with the whole set failed;
 * undefined when x is not down then, or stays down without some member (the set is not minimal).
 * Leaves the engine restored.
 */
export function memberPaths(
    engine: StateEngine, x: number, set: readonly number[], maxSteps = MAX_PATH_STEPS
): PathStep[][] | undefined {
    // per member: what is down with the other members failed (kill lists, base-down excluded)
    const downWithout: Set<number>[] = [];
    try {
        for (const m of set) {
            engine.fail(set.filter(o => o !== m));
            if (!engine.up[x] || engine.failed[x]) return undefined;
            downWithout.push(new Set(engine.killed));
        }
        engine.fail(set);
        if (engine.up[x]) return undefined;
        const paths: PathStep[][] = [];
        for (let i = 0; i < set.length; i++) {
            const m = set[i];
            const without = downWithout[i];
            const needsM = (y: number) => y === m || (engine.baseUp[y] === 1 && !without.has(y));
            const path = walk(engine, x, m, needsM, maxSteps);
            if (path === undefined) return undefined;
            paths.push(path);
        }
        return paths;
    } finally {
        engine.restore();
    }
}

function walk(
    engine: StateEngine, start: number, m: number, needsM: (y: number) => boolean, maxSteps: number
): PathStep[] | undefined {
    const cm = engine.cm;
    if (start === m) return [{ element: cm.names[m], via: 'fails itself', text: 'fails itself' }];
    const steps: PathStep[] = [];
    let x = start;
    while (x !== m) {
        if (steps.length >= maxSteps) {
            steps.push({ element: cm.names[x], via: '…', text: '…' });
            break;
        }
        const cause = placementCause(engine, x, m, needsM) ?? containerCause(engine, x, needsM) ?? termCause(engine, x, m, needsM);
        if (cause === undefined) return undefined;
        steps.push(cause.step);
        x = cause.next;
    }
    return steps;
}

/** m when it is a candidate, else the candidate that went down first before x; -1 if none. */
function pick(engine: StateEngine, candidates: readonly number[], x: number, m: number, needsM: (y: number) => boolean): number {
    if (candidates.includes(m)) return m;
    let best = -1;
    for (const c of candidates) {
        if (!needsM(c) || !engine.downBefore(c, x)) continue;
        if (best < 0 || engine.downBefore(c, best)) best = c;
    }
    return best;
}

function placementCause(engine: StateEngine, x: number, m: number, needsM: (y: number) => boolean): Cause | undefined {
    const cm = engine.cm;
    const then = placementUnder(cm, x, dom => engine.downAt(dom, x));
    if (then === undefined || then.surviving >= cm.quorum[x]) return undefined;
    const next = pick(engine, then.lost, x, m, needsM);
    if (next < 0) return undefined;
    const lostNow = [...then.domains].filter(d => !engine.up[d]);
    return { next, step: placementStep(cm, x, then.domains, next, engine.upReplicas[x], lostNow) };
}

function containerCause(engine: StateEngine, x: number, needsM: (y: number) => boolean): Cause | undefined {
    const c = engine.cm.container[x];
    if (c < 0 || !engine.downBefore(c, x) || !needsM(c)) return undefined;
    return { next: c, step: containerStep(engine.cm, x, c) };
}

function termCause(engine: StateEngine, x: number, m: number, needsM: (y: number) => boolean): Cause | undefined {
    const cm = engine.cm;
    for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
        const members = termMembersOf(cm, t);
        const lost = members.filter(y => engine.downAt(y, x));
        if (members.length - lost.length >= cm.termK[t]) continue;
        const next = pick(engine, lost, x, m, needsM);
        if (next >= 0) return { next, step: termStep(cm, x, t, members, next, members.filter(y => engine.up[y]).length) };
    }
    return undefined;
}
