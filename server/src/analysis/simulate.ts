/**
 * `simulate`: the state of every service under a failure set (any elements, services
 * included), the users affected, and for every interrupted service how long and why.
 */

import { namesOf, sortByName, type CompiledModel } from './compile.js';
import type { OutageEngine } from './outage.js';
import { MAX_PATH_STEPS, pathToFailure } from './paths.js';
import { OutageReasons } from './outage-reason.js';
import { prepare } from './prepared.js';
import type { Outage, PathStep, SimulationResult, Timeline } from './results.js';
import type { StateEngine } from './state.js';
import { buildTimeline, type TimelinePhase } from './timeline.js';

export interface SimulationDetails extends SimulationResult {
    /** for every service down because of the failure: why, as a path to a failed element */
    paths: Record<string, PathStep[]>;
}

/**
 * `light`: only who is down or degraded and the users (no paths, no outage lengths): what a hover
 * needs, for a fraction of the cost on a large model.
 */
export function simulateCompiled(cm: CompiledModel, failed: readonly string[], options: { light?: boolean } = {}): SimulationDetails {
    const { engine, outages } = prepare(cm);
    const ids = idsOf(cm, failed);
    engine.fail(ids);
    try {
        const down: number[] = [];
        const degraded: number[] = [];
        const up: number[] = [];
        const domainsDown: number[] = [];
        let users = 0;
        for (let x = 0; x < cm.n; x++) {
            if (cm.isDomain[x]) {
                if (!engine.up[x]) domainsDown.push(x);
            } else if (!engine.up[x]) {
                down.push(x);
                users += cm.users[x];
            } else if (!engine.healthy[x]) {
                degraded.push(x);
                users += cm.users[x];
            } else up.push(x);
        }
        const paths: Record<string, PathStep[]> = {};
        let outageMap: Record<string, Outage> = {};
        let timeline: SimulationResult['timeline'];
        if (!options.light) {
            for (const x of namesOf(cm, down.filter(s => engine.isNewlyDown(s)))) {
                paths[x] = pathToFailure(engine, cm.index.get(x)!, MAX_PATH_STEPS);
            }
            const now = outagesNow(engine, outages(), sortByName(cm, [...cm.services]));
            outageMap = now.outages;
            timeline = timelineOf(engine, outageMap, namesOf(cm, degraded), now.failedTimes);
        }
        return {
            failed: namesOf(cm, ids),
            down: namesOf(cm, down),
            degraded: namesOf(cm, degraded),
            up: namesOf(cm, up),
            domainsDown: namesOf(cm, domainsDown),
            users,
            outages: outageMap,
            ...(timeline ? { timeline } : {}),
            paths
        };
    } finally {
        engine.restore();
    }
}

/** How long, and why, each of `services` is out when `failed` fail (absent: not interrupted). */
export function outagesCompiled(cm: CompiledModel, failed: readonly string[], services: readonly string[]): Record<string, Outage> {
    const { engine, outages } = prepare(cm);
    engine.fail(idsOf(cm, failed));
    try {
        const ids = services.map(name => cm.index.get(name)).filter((id): id is number => id !== undefined);
        return outagesNow(engine, outages(), ids).outages;
    } finally {
        engine.restore();
    }
}

/** The known ids of `names`, each once, in order. */
function idsOf(cm: CompiledModel, names: readonly string[] | undefined): number[] {
    const ids: number[] = [];
    for (const name of names ?? []) {
        const id = cm.index.get(name);
        if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    return ids;
}

/**
 * Under the engine's current failure set: the outage of each of `services` interrupted at all,
 * in that order, and how long each failed element stays out (Infinity: unknown).
 */
function outagesNow(engine: StateEngine, oe: OutageEngine, services: readonly number[]): { outages: Record<string, Outage>; failedTimes: Map<number, number> } {
    const cm = engine.cm;
    oe.run(engine.failedList, engine.failed);
    try {
        const reasons = new OutageReasons(oe, engine);
        const out: Record<string, Outage> = {};
        for (const s of services) {
            const t = oe.T[s];
            if (t > 0) out[cm.names[s]] = { minutes: Number.isFinite(t) ? t : null, reason: reasons.reason(s), users: cm.users[s] };
        }
        const failedTimes = new Map<number, number>();
        for (const f of engine.failedList) failedTimes.set(f, oe.T[f]);
        return { outages: out, failedTimes };
    } finally {
        oe.restore();
    }
}

/**
 * The outage over time. The engine holds the whole failure set; each later phase is the state
 * under the failed elements still out then (own outage longer than the phase's start), which is
 * what says who is still degraded. The engine is left failed as it was.
 */
function timelineOf(engine: StateEngine, outages: Record<string, Outage>, degradedNow: string[], failedTimes: Map<number, number>): Timeline {
    const cm = engine.cm;
    const failed = [...engine.failedList];
    const starts = [...new Set([...failedTimes.values()].filter(t => t > 0 && Number.isFinite(t)))].sort((a, b) => a - b);
    const phases: TimelinePhase[] = [{ from: 0, degraded: degradedNow }];
    const users: Record<string, number> = {};
    const note = (names: readonly string[]) => { for (const name of names) users[name] = cm.users[cm.index.get(name)!]; };
    note(degradedNow);
    note(Object.keys(outages));
    try {
        for (const from of starts) {
            engine.fail(failed.filter(f => (failedTimes.get(f) ?? Infinity) > from));
            const degraded: number[] = [];
            for (const s of cm.services) if (engine.up[s] && !engine.healthy[s]) degraded.push(s);
            const names = namesOf(cm, degraded);
            note(names);
            phases.push({ from, degraded: names });
        }
    } finally {
        if (starts.length > 0) engine.fail(failed);
    }
    return buildTimeline({ outages, phases, users });
}
