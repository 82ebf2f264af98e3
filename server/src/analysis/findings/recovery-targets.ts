/**
 * `rto-exceeded` / `rto-unverifiable`: the longest outage any single failure domain causes,
 * against the service's `rto`. `rpo-exceeded` / `rpo-unverifiable`: the most recent writes any
 * single failure loses, against the datastore's `rpo`. Computed only for the services that have
 * such a target (single-failures.ts, data-loss.ts).
 */

import { formatDuration, joinAnd, possessive, shortList } from '../../common/format.js';
import { sortByName } from '../compile.js';
import { dataLossOf, type DataLoss } from '../data-loss.js';
import { prepare } from '../prepared.js';
import type { Finding, Related } from '../results.js';
import { singleFailures, type MissingTime, type ServiceOutages } from '../single-failures.js';
import { targetOf, withTarget, type Target } from '../targets.js';
import { MAX_LISTED_CAUSES, newFinding, type FindingCode } from './codes.js';
import { awayFrom, type FindingContext } from './context.js';

const LISTED = 4;

export function recoveryTargetFindings(ctx: FindingContext): Finding[] {
    const { cm, engine } = ctx;
    const timed = withTarget(cm, ctx.services, 'rto');
    const stores = withTarget(cm, ctx.services, 'rpo').filter(x => cm.depStart[x + 1] > cm.depStart[x]);
    const unplacedStores = withTarget(cm, ctx.services, 'rpo').filter(x => cm.depStart[x + 1] === cm.depStart[x]);
    if (timed.length === 0 && stores.length === 0 && unplacedStores.length === 0) return [];
    const runs = singleFailures(engine, prepare(cm).outages(), timed, stores);
    const out: Finding[] = [];
    for (const s of ctx.services) {
        const record = runs.outages.get(s);
        if (record !== undefined) {
            const f = rtoFinding(ctx, s, targetOf(cm, s, 'rto')!, record);
            if (f) out.push(f);
        }
        const copies = runs.copies.get(s);
        if (copies !== undefined) {
            const f = rpoFinding(ctx, s, targetOf(cm, s, 'rpo')!, copies.map(c => dataLossOf(cm, s, c)));
            if (f) out.push(f);
        }
        if (unplacedStores.includes(s)) {
            const target = targetOf(cm, s, 'rpo')!;
            const name = cm.names[s];
            out.push(placed(targetFinding(ctx, 'rpo-unverifiable', s,
                `${name} has no \`runs on\`, so where its data lives is not known and its ${said(target, 'rpo')} cannot be checked. ` +
                'Fix: say where it runs (`runs on`).'), target));
        }
    }
    return out;
}

function rtoFinding(ctx: FindingContext, s: number, target: Target, record: ServiceOutages): Finding | undefined {
    const cm = ctx.cm;
    const name = cm.names[s];
    const over = record.outages.filter(o => Number.isFinite(o.minutes) && o.minutes > target.value);
    if (over.length > 0) {
        const worst = record.worst!;
        const domain = cm.names[worst.domain];
        const causes = sortByName(cm, over.map(o => o.domain)).map(d => cm.names[d]);
        const others = over.filter(o => o.domain !== worst.domain).map(o => `${cm.names[o.domain]} (${formatDuration(o.minutes)})`);
        const also = others.length > 0 ? ` Also over the target: ${shortList(others, LISTED)}.` : '';
        const related: Related[] = over.map(o => ({
            element: cm.names[o.domain], message: `if ${cm.names[o.domain]} fails, ${name} is down ${formatDuration(o.minutes)}`
        }));
        const recovery = cm.elements[worst.domain].recovery;
        const shorten = recovery !== undefined ? `, or bring ${possessive(domain)} recovery under ${formatDuration(target.value)}` : '';
        return placed(targetFinding(ctx, 'rto-exceeded', s,
            `${domain} fails: ${name} is down ${formatDuration(worst.minutes)}, ${worst.reason}; ${said(target, 'rto')}.${also} ` +
            `Fix: keep ${name} serving without ${domain} (a replica, or a standby with a failover under ${formatDuration(target.value)}, ` +
            `${awayFrom(cm, [domain], domain)})${shorten}.`,
            causes.slice(0, MAX_LISTED_CAUSES), related, causes.length), target);
    }
    const unknown = record.outages.filter(o => !Number.isFinite(o.minutes));
    if (unknown.length === 0 && !record.baselineUnknown) return undefined;
    const first = record.firstUnknown;
    const when = first !== undefined
        ? `when ${cm.names[first.domain]} fails, ${name} is down for an unknown time (${first.reason})`
        : `${name} waits for something that is never up, for an unknown time`;
    const more = unknown.length > 1 ? ` (and likewise for ${unknown.length - 1} more failure domain${unknown.length === 2 ? '' : 's'})` : '';
    return placed(targetFinding(ctx, 'rto-unverifiable', s,
        `${possessive(name)} ${said(target, 'rto')} cannot be checked: ${when}${more}. ${missingFix(record.lacking)}`,
        [], record.lacking.map(m => ({ element: m.element, message: `${m.element} has no \`${m.statement}\` time` }))), target);
}

function missingFix(lacking: readonly MissingTime[]): string {
    if (lacking.length === 0) return 'Fix: give the failure domains it needs a `recovery` time.';
    const recovery = lacking.filter(m => m.statement === 'recovery').map(m => m.element);
    const failover = lacking.filter(m => m.statement === 'failover').map(m => m.element);
    const parts: string[] = [];
    if (recovery.length > 0) parts.push(`give ${shortList(recovery, LISTED)} a \`recovery\` time`);
    if (failover.length > 0) parts.push(`give ${shortList(failover, LISTED)} a \`failover\` time`);
    return `Fix: ${joinAnd(parts)}.`;
}

function rpoFinding(ctx: FindingContext, x: number, target: Target, losses: DataLoss[]): Finding | undefined {
    const cm = ctx.cm;
    const name = cm.names[x];
    const over = losses.filter(l => !Number.isNaN(l.minutes) && l.minutes > target.value);
    if (over.length > 0) {
        let worst = over[0];
        for (const l of over) if (l.minutes > worst.minutes) worst = l;
        const domain = cm.names[worst.domain];
        const causes = sortByName(cm, over.map(l => l.domain)).map(d => cm.names[d]);
        const others = over.filter(l => l !== worst).map(l => `${cm.names[l.domain]} (${lossWords(l)})`);
        const also = others.length > 0 ? ` Also over the target: ${shortList(others, LISTED)}.` : '';
        const related: Related[] = over.map(l => ({ element: cm.names[l.domain], message: `if ${cm.names[l.domain]} fails, ${name} loses ${lossWords(l)}` }));
        return placed(targetFinding(ctx, 'rpo-exceeded', x,
            `${domain} fails: ${name} loses ${lossWords(worst)} (${sourceWords(worst)}); ${said(target, 'rpo')}.${also} ` +
            `Fix: keep a synchronous replica ${awayFrom(cm, [domain], domain)}, or a backup there taken more often than every ${formatDuration(target.value)}.`,
            causes.slice(0, MAX_LISTED_CAUSES), related, causes.length), target);
    }
    const unknown = losses.filter(l => Number.isNaN(l.minutes));
    if (unknown.length === 0) return undefined;
    const first = unknown[0];
    const lacking = [...new Set(unknown.flatMap(l => l.lacking))];
    const more = unknown.length > 1 ? ` (and likewise for ${unknown.length - 1} more failure domain${unknown.length === 2 ? '' : 's'})` : '';
    return placed(targetFinding(ctx, 'rpo-unverifiable', x,
        `${possessive(name)} ${said(target, 'rpo')} cannot be checked: when ${cm.names[first.domain]} fails, the copies left do not say ` +
        `how recent they are${more}. Fix: write ${joinAnd(lacking)}.`), target);
}

/** "up to 30s of writes", "all of its data" */
function lossWords(l: DataLoss): string {
    return Number.isFinite(l.minutes) ? `up to ${formatDuration(l.minutes)} of writes` : 'all of its data';
}

function sourceWords(l: DataLoss): string {
    switch (l.from.kind) {
        case 'async': return `only asynchronous replicas survive, up to ${formatDuration(l.from.lag)} behind`;
        case 'backup': return `only the backup on ${l.from.domain} survives, taken every ${formatDuration(l.from.every)}`;
        case 'nothing': return 'no replica and no backup survives';
        default: return 'a synchronous replica survives';
    }
}

/** "target 1h", "target 1h (policy of tier critical)" */
function said(target: Target, kind: 'rto' | 'rpo'): string {
    return `${kind} target of ${formatDuration(target.value)}${target.fromPolicy ? ' (from the tier policy)' : ''}`;
}

function targetFinding(ctx: FindingContext, code: FindingCode, x: number, message: string,
    causes: string[] = [], related: Related[] = [], causeCount = causes.length): Finding {
    const cm = ctx.cm;
    return newFinding(code, { element: cm.names[x], tier: cm.elements[x].tier }, message, causes, related, causeCount);
}

/** A target a tier policy gives is placed on the service's name. */
export function placed(finding: Finding, target: Target): Finding {
    if (target.fromPolicy) finding.anchor = { element: finding.anchor.element, part: 'name' };
    return finding;
}
