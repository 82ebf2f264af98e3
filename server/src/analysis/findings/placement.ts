/**
 * Findings about where a service runs at all (note 10): `never-up` (down with nothing failed),
 * `unplaced` (neither `runs on` nor `depends on`), `quorum-unplaced` (quorum without `runs on`).
 */

import { neverUpReason } from '../never-up.js';
import type { Finding } from '../results.js';
import type { FindingContext } from './context.js';

export function placementFindings(ctx: FindingContext): Finding[] {
    const { cm, engine } = ctx;
    const out: Finding[] = [];
    for (const s of ctx.services) {
        const e = cm.elements[s];
        const name = cm.names[s];
        if (!engine.baseUp[s]) {
            const r = neverUpReason(engine, s);
            out.push({
                code: 'never-up', severity: 'error', subject: name, causes: [],
                message: `${name} is down even with nothing failed: ${r.why}. Fix: ${r.fix}.`,
                anchor: { element: name, part: 'name' },
                related: r.blame.map(b => ({ element: cm.names[b], message: `${name} needs ${cm.names[b]}, which is never up` }))
            });
        }
        const deployments = e.deployments ?? [];
        if (deployments.length === 0 && (e.dependsOn ?? []).length === 0) {
            out.push({
                code: 'unplaced', severity: 'information', subject: name, causes: [],
                message: `${name} has neither "runs on" nor "depends on", so no failure can reach it and the analysis ` +
                    `says nothing about it. Fix: add "runs on" with the sites it runs in.`,
                anchor: { element: name, part: 'name' },
                related: []
            });
        }
        if (e.quorum !== undefined && deployments.length === 0) {
            out.push({
                code: 'quorum-unplaced', severity: 'warning', subject: name, causes: [],
                message: `quorum ${e.quorum} on ${name} has no effect: ${name} has no "runs on". ` +
                    `Fix: add "runs on" with its replicas, or remove quorum.`,
                anchor: { element: name, part: 'quorum' },
                related: []
            });
        }
    }
    return out;
}
