/**
 * The outage over time: from a simulation's outage lengths, the step function of the services
 * down, degraded and the users affected, from the failure (at 0) until everything is back.
 *
 * - A service is *down* at t while its outage covers t: T > t (unknown T covers every t).
 * - A service is *degraded* at t when it is not down then and is degraded in the phase holding
 *   at t: the state under the failed elements still out at t (those whose own outage T > t).
 *   The caller (simulate.ts) computes each phase's degraded services; this file only merges.
 * - The last step is what stays out for an unknown time (empty when everything comes back);
 *   `unknown` names, at every step, the services among its down and degraded ones that stay so
 *   in the last step: their end is unknown, never 0.
 */

import { compareNames } from '../common/format.js';
import type { Timeline, TimelineStep } from '../common/results.js';

export interface TimelinePhase {
    /** minutes since the failure from which this phase holds (the first one at 0) */
    from: number;
    /** services degraded in the state of this phase, in any order */
    degraded: readonly string[];
}

export interface TimelineInput {
    /** every interrupted service's outage length in minutes; null when unknown */
    outages: Readonly<Record<string, { minutes: number | null }>>;
    /** the phases of the failed elements coming back, by `from`, the first at 0 */
    phases: readonly TimelinePhase[];
    /** users of every service named above (absent: 0) */
    users: Readonly<Record<string, number>>;
}

export function buildTimeline(input: TimelineInput): Timeline {
    const phases = [...input.phases].sort((a, b) => a.from - b.from);
    if (phases.length === 0 || phases[0].from !== 0) phases.unshift({ from: 0, degraded: [] });
    const lengths = new Map<string, number>();
    for (const [name, o] of Object.entries(input.outages)) {
        const t = o.minutes === null || !Number.isFinite(o.minutes) ? Infinity : o.minutes;
        if (t > 0) lengths.set(name, t);
    }
    const times = new Set<number>([0]);
    for (const t of lengths.values()) if (Number.isFinite(t)) times.add(t);
    for (const p of phases) if (Number.isFinite(p.from) && p.from >= 0) times.add(p.from);
    const at = [...times].sort((a, b) => a - b);

    const phaseAt = (t: number): TimelinePhase => {
        let found = phases[0];
        for (const p of phases) if (p.from <= t) found = p;
        return found;
    };
    const stateAt = (t: number): { down: string[]; degraded: string[] } => {
        const down: string[] = [];
        for (const [name, length] of lengths) if (length > t) down.push(name);
        const isDown = new Set(down);
        const degraded = [...new Set(phaseAt(t).degraded)].filter(name => !isDown.has(name));
        return { down: byName(down), degraded: byName(degraded) };
    };

    // the state from the last time on is the one that lasts
    const last = stateAt(at[at.length - 1]);
    const lasting = new Set([...last.down, ...last.degraded]);
    const steps: TimelineStep[] = [];
    for (const t of at) {
        const { down, degraded } = stateAt(t);
        const previous = steps[steps.length - 1];
        if (previous && sameList(previous.down, down) && sameList(previous.degraded, degraded)) continue;
        let users = 0;
        for (const name of down) users += input.users[name] ?? 0;
        for (const name of degraded) users += input.users[name] ?? 0;
        const unknown = byName([...down, ...degraded].filter(name => lasting.has(name)));
        steps.push({ at: t, down, degraded, users, unknown });
    }
    const final = steps[steps.length - 1];
    return { steps, end: final.down.length === 0 && final.degraded.length === 0 ? final.at : null };
}

/** The step holding at `minutes` after the failure. */
export function timelineStepAt(timeline: Timeline, minutes: number): TimelineStep {
    let found = timeline.steps[0];
    for (const step of timeline.steps) if (step.at <= minutes) found = step;
    return found;
}

function byName(names: string[]): string[] {
    return names.sort(compareNames);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
