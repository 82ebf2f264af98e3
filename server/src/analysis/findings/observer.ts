/**
 * `observer-shares-fate` (note 8): one failure domain takes down both a service and what it
 * monitors, so the outage goes unseen. One finding per `monitors` entry.
 */

import { sortByName } from '../compile.js';
import { joinOr } from '../../common/format.js';
import { nearestOf } from '../nearest.js';
import type { Finding } from '../results.js';
import { bringsDown } from '../sweep.js';
import { newFinding } from './codes.js';
import { RelatedList, awayFrom, type FindingContext } from './context.js';

export function observerFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep, engine } = ctx;
    const out: Finding[] = [];
    for (const o of ctx.services) {
        if (!engine.baseUp[o]) continue;
        for (let j = cm.monitors.start[o]; j < cm.monitors.start[o + 1]; j++) {
            const x = cm.monitors.targets[j];
            if (!engine.baseUp[x] || !ctx.reliable(x)) continue;
            const xSpofs = cm.isDomain[x] ? undefined : new Set(sweep.spofsOf(x));
            const triggers = sweep.spofsOf(o).filter(d => (xSpofs ? xSpofs.has(d) : bringsDown(sweep, d, x)));
            if (triggers.length === 0) continue;
            const causes = sortByName(cm, nearestOf(sweep, triggers)).map(d => cm.names[d]);
            const observer = cm.names[o];
            const target = cm.names[x];
            const where = joinOr(causes);
            const related = new RelatedList();
            for (const c of causes) related.add(c, `losing ${c} takes down both ${observer} and ${target}`);
            related.add(target, `monitored by ${observer}`);
            out.push(newFinding('observer-shares-fate', { element: observer, tier: cm.elements[o].tier, target },
                `${observer} goes down together with ${target}, which it monitors, if ${where} fails: ` +
                `nobody learns of the outage from ${observer}. Fix: run ${observer} ${awayFrom(cm, causes, where)}.`,
                causes, related.items));
        }
    }
    return out;
}
