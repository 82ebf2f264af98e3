/**
 * Property test: a simulation's timeline against the brute-force reference, on random small
 * models and failure sets. At every time t (every step's start, between steps, after the end):
 * the services down are those whose outage covers t (reference outage T > t, unknown covering
 * every t); the services degraded are those degraded, and not down, in the reference state
 * under the failed elements still out at t (their own T > t); the users are theirs; `unknown`
 * names those still out after every finite time.
 *
 *   npx mocha --no-config --node-option import=tsx test/property/timeline-vs-brute-force.test.ts
 * Reproduce one failure: FC_SEED=<seed> (same command)
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate, timelineStepAt, type Model, type Timeline } from '../../server/src/analysis/index.js';
import { isService, outageTimes, state } from './brute-force.js';
import { modelWithFailuresArb } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';

const RUNS = Number(process.env.FC_RUNS ?? 400);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

interface Expected {
    down: string[];
    degraded: string[];
    users: number;
}

const byName = (names: Iterable<string>) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The reference state at t minutes after `failed` fail. */
function expectedAt(model: Model, failed: string[], T: Map<string, number>, t: number): Expected {
    const down = model.elements.filter(e => isService(e) && T.get(e.name)! > t).map(e => e.name);
    const isDown = new Set(down);
    const stillOut = failed.filter(f => T.get(f)! > t);
    const degraded = state(model, stillOut).degraded.filter(name => !isDown.has(name));
    const users = [...down, ...degraded].reduce((sum, name) => sum + model.elements.find(e => e.name === name)!.users, 0);
    return { down: byName(down), degraded: byName(degraded), users };
}

function check(model: Model, failed: string[], timeline: Timeline | undefined): string[] {
    if (!timeline) return ['no timeline'];
    const problems: string[] = [];
    const T = outageTimes(model, failed);
    const finite = [...T.values()].filter(t => Number.isFinite(t));
    const latest = Math.max(0, ...finite);
    const times = new Set<number>([0, latest + 1]);
    for (const t of finite) for (const d of [-0.25, 0, 0.25]) if (t + d >= 0) times.add(t + d);
    for (const step of timeline.steps) times.add(step.at);
    const lasting = expectedAt(model, failed, T, Number.MAX_VALUE); // after every finite time
    const lastingSet = new Set([...lasting.down, ...lasting.degraded]);
    for (const t of [...times].sort((a, b) => a - b)) {
        const want = expectedAt(model, failed, T, t);
        const got = timelineStepAt(timeline, t);
        const wantUnknown = byName([...want.down, ...want.degraded].filter(n => lastingSet.has(n)));
        const same = JSON.stringify([got.down, got.degraded, got.users, got.unknown]) === JSON.stringify([want.down, want.degraded, want.users, wantUnknown]);
        if (!same) problems.push(`at +${t}: got ${JSON.stringify(got)}, reference ${JSON.stringify({ ...want, unknown: wantUnknown })}`);
    }
    const steps = timeline.steps;
    if (steps[0]?.at !== 0) problems.push('the first step is not at 0');
    for (let i = 1; i < steps.length; i++) {
        if (!(steps[i].at > steps[i - 1].at)) problems.push(`step ${i} does not come after step ${i - 1}`);
        if (JSON.stringify([steps[i].down, steps[i].degraded]) === JSON.stringify([steps[i - 1].down, steps[i - 1].degraded])) problems.push(`steps ${i - 1} and ${i} are the same`);
    }
    const allBack = lasting.down.length === 0 && lasting.degraded.length === 0;
    const wantEnd = allBack ? steps[steps.length - 1].at : null;
    if (timeline.end !== wantEnd) problems.push(`end ${timeline.end}, expected ${wantEnd}`);
    if (allBack && steps.length > 1 && !(latest >= steps[steps.length - 1].at)) problems.push('ends after every outage');
    return problems;
}

describe('timeline vs brute force (random models)', function () {
    this.timeout(120_000);

    it('at every time: down, degraded, users and the unknown ones are the reference\'s', function () {
        fc.assert(fc.property(modelWithFailuresArb, ([gm, failureSets]) => {
            for (const failed of [[], ...failureSets]) {
                const problems = check(gm.model, failed, simulate(gm.model, failed).timeline);
                if (problems.length > 0) {
                    throw new Error(`--fail ${failed.join(',')}:\n  - ${problems.join('\n  - ')}\non the model:\n${printTopo(gm.model)}`);
                }
            }
        }), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    });

    it('in the reference, no service is down at t whose outage ends by t (the phases agree with the outage lengths)', function () {
        fc.assert(fc.property(modelWithFailuresArb, ([gm, failureSets]) => {
            for (const failed of failureSets) {
                const T = outageTimes(gm.model, failed);
                for (const t of new Set([0, ...[...T.values()].filter(Number.isFinite)])) {
                    const stillOut = failed.filter(f => T.get(f)! > t);
                    for (const name of state(gm.model, stillOut).down) {
                        assert.ok(T.get(name)! > t, `${name} is down at +${t} under ${stillOut.join(',')} but its outage is ${T.get(name)} (--fail ${failed.join(',')})\n${printTopo(gm.model)}`);
                    }
                }
            }
        }), { numRuns: RUNS, seed: SEED });
    });
});
