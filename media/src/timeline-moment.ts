/**
 * A simulation at one moment of its timeline: the services down and degraded from that step on
 * (the failed domains stay failed: the timeline is about services). The preview draws it when
 * the user moves along the timeline chart. Pure.
 */
import type { SimulationResult } from '../../server/src/common/protocol.js';
import type { TimelineStep } from '../../server/src/common/results.js';

/** The step holding at `minutes` (the last one starting at or before it), or undefined without a timeline. */
export function stepAt(result: SimulationResult, minutes: number): TimelineStep | undefined {
    const steps = result.timeline?.steps ?? [];
    let found: TimelineStep | undefined;
    for (const s of steps) if (s.at <= minutes) found = s;
    return found ?? steps[0];
}

/** `result` as it stands `minutes` after the failure (null: the result itself, the worst moment's states). */
export function simulationAt(result: SimulationResult, minutes: number | null): SimulationResult {
    if (minutes === null) return result;
    const step = stepAt(result, minutes);
    if (!step) return result;
    const out = new Set([...step.down, ...step.degraded]);
    const everyService = [...result.down, ...result.degraded, ...result.up];
    const outages: SimulationResult['outages'] = {};
    for (const [name, outage] of Object.entries(result.outages)) if (out.has(name)) outages[name] = outage;
    return {
        ...result,
        down: [...step.down],
        degraded: [...step.degraded],
        up: everyService.filter(n => !out.has(n)),
        users: step.users,
        outages
    };
}
