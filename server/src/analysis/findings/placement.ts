/**
 * Findings about where a service runs at all (note 10): `never-up` (down with nothing failed),
 * `unplaced` (neither `runs on` nor `depends on`), and statements that need a placement they do
 * not have: `quorum-unplaced` and `capacity-unplaced` (without `runs on`), `failover-unused`
 * (without a standby deployment).
 */

import { neverUpReason } from '../never-up.js';
import type { Finding } from '../results.js';
import { formatDuration } from '../../common/format.js';
import { newFinding } from './codes.js';
import type { FindingContext } from './context.js';

function given(value: number | undefined): value is number {
    return value !== undefined && !Number.isNaN(value);
}

export function placementFindings(ctx: FindingContext): Finding[] {
    const { cm, engine } = ctx;
    const out: Finding[] = [];
    for (const s of ctx.services) {
        const e = cm.elements[s];
        const name = cm.names[s];
        const subject = { element: name, tier: e.tier };
        if (!engine.baseUp[s]) {
            const r = neverUpReason(engine, s);
            out.push(newFinding('never-up', subject, `${name} is down even with nothing failed: ${r.why}. Fix: ${r.fix}.`, [],
                r.blame.map(b => ({ element: cm.names[b], message: `${name} needs ${cm.names[b]}, which is never up` }))));
        }
        const deployments = e.deployments ?? [];
        if (deployments.length === 0 && (e.dependsOn ?? []).length === 0) {
            out.push(newFinding('unplaced', subject,
                `${name} has neither "runs on" nor "depends on", so no failure can reach it and the analysis ` +
                `says nothing about it. Fix: add "runs on" with the sites it runs in.`));
        }
        if (given(e.capacity) && deployments.length === 0) {
            out.push(newFinding('capacity-unplaced', subject,
                `capacity ${e.capacity} on ${name} has no effect: ${name} has no "runs on", so it has no replicas to lose ` +
                `and is never degraded by a failure. Fix: add "runs on" with its replicas, or remove capacity.`));
        }
        if (given(e.failover) && !deployments.some(d => d.standby)) {
            out.push(newFinding('failover-unused', subject,
                `failover ${formatDuration(e.failover)} on ${name} has no effect: ${name} has no standby deployment to fail over to, ` +
                `so no outage is ever shortened to ${formatDuration(e.failover)}. Fix: add a standby deployment ` +
                `("runs on SITE (N, standby)"), or remove failover.`));
        }
        if (e.quorum !== undefined && deployments.length === 0) {
            out.push(newFinding('quorum-unplaced', subject,
                `quorum ${e.quorum} on ${name} has no effect: ${name} has no "runs on". ` +
                `Fix: add "runs on" with its replicas, or remove quorum.`));
        }
    }
    return out;
}
