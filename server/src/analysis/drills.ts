/**
 * Failure drills: each drill's failure set simulated with `simulateCompiled` (the one
 * simulation), and each `expect` compared with what it found. Pure: a compiled model and drills
 * in, results and `drill-failed` findings out.
 *
 * An `expect` states the worst allowed: `up` holds when the service is neither down nor degraded
 * once the failure has played out (an interruption while failing over is allowed); `degraded`
 * when it is not down; `down at most D` when it is not interrupted, or its outage is known and
 * at most D; `users down at most N` when the users of the services down or degraded are at most N.
 */

import { formatOutage } from '../common/simulation-text.js';
import { formatUsers, plural } from '../common/format.js';
import type { CompiledModel } from './compile.js';
import { newFinding } from './findings/codes.js';
import type { Drill, Expectation } from './model.js';
import type { Finding, SimulationResult } from './results.js';
import { simulateCompiled } from './simulate.js';

export interface ExpectationResult {
    /** as written, e.g. "auth down at most 30 min" */
    expected: string;
    holds: boolean;
    /** what the simulation found, in words: "auth is down 10 h (until pangyo recovers)" */
    found: string;
}

export interface DrillResult {
    name: string;
    failed: string[];
    passed: boolean;
    expectations: ExpectationResult[];
    simulation: SimulationResult;
}

/** Runs one drill (not an incomplete one: its names may be missing from the model). */
export function runDrill(cm: CompiledModel, drill: Drill): DrillResult {
    const { paths: _paths, ...simulation } = simulateCompiled(cm, drill.fail);
    void _paths;
    const expectations = drill.expects.map(e => judge(e, simulation));
    return { name: drill.name, failed: simulation.failed, passed: expectations.every(e => e.holds), expectations, simulation };
}

/** The `drill-failed` findings of every complete drill: one per `expect` that does not hold. */
export function drillFindings(cm: CompiledModel, drills: readonly Drill[]): Finding[] {
    const out: Finding[] = [];
    for (const drill of drills) {
        if (drill.incomplete) continue;
        const result = runDrill(cm, drill);
        result.expectations.forEach((e, i) => {
            if (e.holds) return;
            out.push(newFinding('drill-failed', { element: drill.name, tier: undefined, target: String(i) },
                `Drill "${drill.name}" (${drill.fail.join(', ')} ${drill.fail.length === 1 ? 'fails' : 'fail'}): ${e.found}, expected ${expectedText(e.expected)}.`));
        });
    }
    return out;
}

/** "talk down at most 30 min" → "at most 30 min"; "talk up" → "up"; "talk degraded" → "at worst degraded". */
function expectedText(expected: string): string {
    const words = expected.split(' ');
    const rest = words.slice(1).join(' ');
    if (rest.startsWith('down at most ')) return rest.slice('down '.length);
    return rest === 'degraded' ? 'at worst degraded' : rest;
}

function judge(e: Expectation, sim: SimulationResult): ExpectationResult {
    if (e.service === undefined) {
        const limit = e.atMost ?? 0;
        return {
            expected: `users down at most ${formatUsers(limit)}`,
            holds: sim.users <= limit,
            found: `${formatUsers(sim.users)} users are affected (${plural(sim.down.length, 'service')} down, ${sim.degraded.length} degraded)`
        };
    }
    const s = e.service;
    const down = sim.down.includes(s);
    const degraded = sim.degraded.includes(s);
    const outage = sim.outages[s];
    const length = outage ? (outage.minutes === null ? ' for an unknown time' : ` ${formatOutage(outage.minutes)}`) : '';
    const why = outage ? ` (${outage.reason})` : '';
    const found = down
        ? `${s} is down${length}${why}`
        : degraded
            ? `${s} is degraded${outage ? `, after an interruption of${length}${why}` : ''}`
            : outage ? `${s} is up again after${length}${why}` : `${s} stays up`;
    switch (e.state) {
        case 'up':
            return { expected: `${s} up`, holds: !down && !degraded, found };
        case 'degraded':
            return { expected: `${s} degraded`, holds: !down, found };
        case 'down': {
            const limit = e.atMost ?? 0;
            const holds = outage === undefined ? !down : outage.minutes !== null && outage.minutes <= limit;
            return { expected: `${s} down at most ${formatOutage(limit)}`, holds, found };
        }
    }
}
