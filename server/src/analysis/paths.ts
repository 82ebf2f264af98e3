/**
 * Why an element is down under the current failure set, as a path of steps from it towards a
 * failed element: "talk → auth → runs only on pangyo".
 *
 * At each element the first broken condition is taken, in this order: it failed itself, its
 * placement (`runs on` / `quorum`), its container (`in`), its `depends on` terms. Only
 * conditions that were already broken when the element went down count, and the step goes to
 * an element that went down earlier, so the walk always ends at a failed element (no
 * recursion, no loops). Long paths are cut after `MAX_PATH_STEPS` with a final "…" step.
 */

import { TermForm, type CompiledModel } from './compile.js';
import { plural, shortList, sortNames } from '../common/format.js';
import type { PathStep } from './results.js';
import type { StateEngine } from './state.js';

export const MAX_PATH_STEPS = 12;

export interface Cause {
    step: PathStep;
    next: number;
}

/**
 * The cause of each element already explained under the current failure set: paths from many
 * services share their steps (valid for one failure set only).
 */
export type CauseMemo = Map<number, Cause | undefined>;

export function pathToFailure(
    engine: StateEngine, start: number, maxSteps = MAX_PATH_STEPS, memo?: CauseMemo
): PathStep[] {
    const cm = engine.cm;
    if (engine.failed[start]) return [{ element: cm.names[start], via: 'fails itself', text: 'fails itself' }];
    const steps: PathStep[] = [];
    let x = start;
    while (!engine.failed[x] && engine.isNewlyDown(x)) {
        if (steps.length >= maxSteps) {
            steps.push({ element: cm.names[x], via: '…', text: '…' });
            break;
        }
        let cause: Cause | undefined;
        if (memo?.has(x)) cause = memo.get(x);
        else {
            cause = placementCause(engine, x) ?? containerCause(engine, x) ?? termCause(engine, x);
            memo?.set(x, cause);
        }
        if (cause === undefined) break;
        steps.push(cause.step);
        x = cause.next;
    }
    return steps;
}

/** The domain (or element) that went down first among `candidates`, before x; -1 if none. */
function earliest(engine: StateEngine, candidates: Iterable<number>, x: number): number {
    let best = -1;
    for (const c of candidates) {
        if (engine.downBefore(c, x) && (best < 0 || engine.downBefore(c, best))) best = c;
    }
    return best;
}

/**
 * x's placement when the domains for which `isDown` holds are down: its deployment domains, the
 * distinct ones lost (in the order written), and the replicas on the others. Undefined when x
 * has no deployment.
 */
export function placementUnder(
    cm: CompiledModel, x: number, isDown: (domain: number) => boolean
): { domains: Set<number>; lost: number[]; surviving: number } | undefined {
    const from = cm.depStart[x];
    const to = cm.depStart[x + 1];
    if (from === to) return undefined;
    let surviving = 0;
    const domains = new Set<number>();
    const lost: number[] = [];
    for (let j = from; j < to; j++) {
        const dom = cm.depDomain[j];
        domains.add(dom);
        if (isDown(dom)) {
            if (!lost.includes(dom)) lost.push(dom);
        } else surviving += cm.depReplicas[j];
    }
    return { domains, lost, surviving };
}

function placementCause(engine: StateEngine, x: number): Cause | undefined {
    const cm = engine.cm;
    const then = placementUnder(cm, x, dom => engine.downAt(dom, x));
    if (then === undefined || then.surviving >= cm.quorum[x]) return undefined;
    const { domains } = then;
    const next = earliest(engine, then.lost, x);
    if (next < 0) return undefined;
    const lostNow = [...domains].filter(d => !engine.up[d]);
    return { next, step: placementStep(cm, x, domains, next, engine.upReplicas[x], lostNow) };
}

/**
 * The step "runs only on pangyo", "runs on a, b — all lost" or "needs quorum 2, only 1 replica
 * left without a": x's placement fails, through `next`; `left` replicas survive, on the domains
 * of `domains` not in `lost`.
 */
export function placementStep(
    cm: CompiledModel, x: number, domains: ReadonlySet<number>, next: number, left: number, lost: readonly number[]
): PathStep {
    const name = cm.names[next];
    if (domains.size === 1) return { element: name, via: 'runs only on', text: `runs only on ${name}` };
    if (left <= 0) {
        const all = sortNames([...domains].map(d => cm.names[d]));
        return { element: name, via: 'runs on', text: `runs on ${shortList(all)} — all lost` };
    }
    const lostNames = sortNames(lost.map(d => cm.names[d]));
    return {
        element: name, via: 'runs on',
        text: `needs quorum ${cm.quorum[x]}, only ${plural(left, 'replica')} left without ${shortList(lostNames)}`
    };
}

function containerCause(engine: StateEngine, x: number): Cause | undefined {
    const c = engine.cm.container[x];
    if (c < 0 || !engine.downBefore(c, x)) return undefined;
    return { next: c, step: containerStep(engine.cm, x, c) };
}

/** The step "pangyo is in capital". */
export function containerStep(cm: CompiledModel, x: number, c: number): PathStep {
    return { element: cm.names[c], via: 'is in', text: `${cm.names[x]} is in ${cm.names[c]}` };
}

function termCause(engine: StateEngine, x: number): Cause | undefined {
    const cm = engine.cm;
    for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
        const members: number[] = [];
        let upThen = 0;
        for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) {
            const m = cm.termMembers.targets[j];
            members.push(m);
            if (!engine.downAt(m, x)) upThen++;
        }
        const k = cm.termK[t];
        if (upThen >= k) continue;
        const next = earliest(engine, members, x);
        if (next < 0) continue;
        return { next, step: termStep(cm, x, t, members, next, members.filter(m => engine.up[m]).length) };
    }
    return undefined;
}

/** The step "auth", "auth (any (auth, sso): all down)" or "depends on grid": x's term t fails, through `next`, with `up` members up. */
export function termStep(cm: CompiledModel, x: number, t: number, members: readonly number[], next: number, up: number): PathStep {
    const name = cm.names[next];
    let text = name;
    if (cm.termForm[t] !== TermForm.One) {
        const list = shortList(members.map(m => cm.names[m]));
        text += cm.termForm[t] === TermForm.Any
            ? ` (any (${list}): all down)`
            : ` (${cm.termK[t]} of (${list}): only ${up} up)`;
    }
    if (cm.isDomain[x]) text = `${cm.names[x]} depends on ${text}`;
    else if (cm.isDomain[next]) text = `depends on ${text}`;
    return { element: name, via: 'depends on', text };
}

/** "talk → auth → runs only on pangyo" */
export function pathText(subject: string, steps: readonly PathStep[]): string {
    return [subject, ...steps.map(s => s.text)].join(' → ');
}

/** The element each step starts from: the subject, then each step's element in turn. */
export function stepOwners(subject: string, steps: readonly PathStep[]): string[] {
    return steps.map((_, i) => (i === 0 ? subject : steps[i - 1].element));
}

