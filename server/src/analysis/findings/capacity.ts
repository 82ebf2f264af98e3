/**
 * `capacity-shortfall` (note 6): losing one failure domain leaves a service fewer replicas
 * than `capacity` (but at least one): N+1 is not met and it runs degraded. Also, without
 * causes, when `capacity` exceeds all its replicas.
 */

import { hasCapacity, sortByName } from '../compile.js';
import { formatUsers, joinOr, plural } from '../../common/format.js';
import { nearestOf } from '../nearest.js';
import type { Finding } from '../results.js';
import { newFinding } from './codes.js';
import { RelatedList, type FindingContext } from './context.js';

export function capacityFindings(ctx: FindingContext): Finding[] {
    const { cm, sweep } = ctx;
    const out: Finding[] = [];
    for (const s of ctx.services) {
        if (!hasCapacity(cm, s)) continue;
        const name = cm.names[s];
        const cap = cm.capacity[s];
        const total = cm.totalReplicas[s];
        const users = cm.users[s] > 0 ? ` for its ${formatUsers(cm.users[s])} users` : '';
        const subject = { element: name, tier: cm.elements[s].tier };
        if (cap > total) {
            out.push(newFinding('capacity-shortfall', subject,
                `${name} needs ${plural(cap, 'replica')} for full load but has only ${total} in all; ` +
                `it runs degraded${users} even with nothing failed. ` +
                `Fix: add ${plural(cap - total, 'replica')}, or lower capacity to ${total}.`));
            continue;
        }
        const triggers = sweep.capacityTriggersOf(s);
        if (triggers.length === 0) continue;
        const left = new Map(triggers.map(t => [t.domain, t.replicas]));
        const causes = sortByName(cm, nearestOf(sweep, triggers.map(t => t.domain)));
        const related = new RelatedList();
        for (const d of causes) related.add(cm.names[d], `losing ${cm.names[d]} leaves ${name} ${left.get(d)} of ${cap} replicas`);
        const counts = new Set(causes.map(d => left.get(d)));
        let loss: string;
        if (counts.size === 1) {
            loss = `losing ${joinOr(causes.map(d => cm.names[d]))} leaves ${name} ${left.get(causes[0])} of the ${cap} replicas it needs for full load`;
        } else {
            const [first, ...rest] = causes;
            loss = `losing ${cm.names[first]} leaves ${name} ${left.get(first)} of the ${cap} replicas it needs for full load, ` +
                rest.map(d => `losing ${cm.names[d]} leaves ${left.get(d)}`).join(', ');
        }
        const spofs = new Set(sweep.spofsOf(s));
        const fatal = causes.filter(d => spofs.has(d)).map(d => cm.names[d]);
        const anyway = fatal.length === 0 ? ''
            : ` While ${joinOr(fatal)} is out it is down anyway, through another path (see its spof finding).`;
        out.push(newFinding('capacity-shortfall', subject,
            `${loss} (N+1 not met); it runs degraded${users}.${anyway} ` +
            `Fix: add replicas on other sites so that losing any single one still leaves ${cap}, or lower capacity.`,
            causes.map(d => cm.names[d]), related.items));
    }
    return out;
}
