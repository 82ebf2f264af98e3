/**
 * Pure text helpers shared by the extension and the preview webview (no `vscode`, no DOM):
 * users (`43.2M`), outage lengths for people (`10 h`, `30 min`, `1 h 30 min`), the one-line
 * summary of a simulation, and the order of the outage table.
 */
import { formatMinutes, formatUsers, joinAnd, plural, shortList, trimDecimals } from './format.js';
import type { GraphElement } from './protocol.js';
import type { SimulationResult, Timeline, TimelineStep } from './results.js';

/** An outage length for people: `45 s`, `30 min`, `1 h 30 min`, `10 h`, `2 d 3 h`; `unknown` for null. */
export function formatOutage(minutes: number | null): string {
    if (minutes === null || !Number.isFinite(minutes)) return 'unknown';
    if (minutes <= 0) return '0 min';
    if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
    if (minutes < 60) return `${trimDecimals(minutes, minutes < 10 ? 1 : 0)} min`;
    if (minutes < 48 * 60) {
        const total = Math.round(minutes);
        const h = Math.floor(total / 60);
        const m = total % 60;
        return m === 0 ? `${h} h` : `${h} h ${m} min`;
    }
    const hours = Math.round(minutes / 60);
    const d = Math.floor(hours / 24);
    const h = hours % 24;
    return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** The longest outage of a simulation: null when there is none, 'unknown' when any is unknown. */
export function longestOutage(result: SimulationResult): number | 'unknown' | null {
    let longest: number | null = null;
    for (const outage of Object.values(result.outages)) {
        if (outage.minutes === null) return 'unknown';
        longest = Math.max(longest ?? 0, outage.minutes);
    }
    return longest;
}

/**
 * One line for a notification or the preview's summary bar:
 * "pangyo fails: 5 services down, 43.2M users, longest 10 h".
 */
export function summarizeSimulation(result: SimulationResult): string {
    const failed = result.failed.length > 3
        ? `${result.failed.slice(0, 3).join(', ')} and ${result.failed.length - 3} more`
        : joinAnd(result.failed);
    const subject = `${failed || 'nothing'} ${result.failed.length === 1 ? 'fails' : 'fail'}`;
    if (result.down.length === 0 && result.degraded.length === 0) {
        const longest = longestOutage(result);
        const blip = longest === null ? '' : `; longest interruption ${longest === 'unknown' ? 'unknown' : formatOutage(longest)}`;
        return `${subject}: no service goes down${blip}`;
    }
    const parts: string[] = [];
    if (result.down.length > 0) parts.push(`${plural(result.down.length, 'service')} down`);
    if (result.degraded.length > 0) parts.push(`${result.degraded.length} degraded`);
    parts.push(`${formatUsers(result.users)} users`);
    const longest = longestOutage(result);
    if (longest !== null) parts.push(`longest ${longest === 'unknown' ? 'unknown' : formatOutage(longest)}`);
    return `${subject}: ${parts.join(', ')}`;
}

export interface OutageRow {
    service: string;
    label?: string;
    state: 'down' | 'degraded' | 'interrupted';
    minutes: number | null;
    reason: string;
    users: number;
}

/**
 * The rows of the outage table: every interrupted service, plus degraded services without an
 * interruption; sorted by users (most first), then by length (unknown longest), then name.
 */
export function outageRows(result: SimulationResult, elements: readonly GraphElement[]): OutageRow[] {
    const byName = new Map(elements.map(e => [e.name, e]));
    const down = new Set(result.down);
    const degraded = new Set(result.degraded);
    const rows: OutageRow[] = [];
    const seen = new Set<string>();
    for (const [service, outage] of Object.entries(result.outages)) {
        seen.add(service);
        rows.push({
            service,
            label: byName.get(service)?.label,
            state: down.has(service) ? 'down' : degraded.has(service) ? 'degraded' : 'interrupted',
            minutes: outage.minutes,
            reason: outage.reason,
            users: byName.get(service)?.users ?? 0
        });
    }
    for (const service of result.down) {
        if (seen.has(service)) continue;
        seen.add(service);
        rows.push({ service, label: byName.get(service)?.label, state: 'down', minutes: null, reason: 'down', users: byName.get(service)?.users ?? 0 });
    }
    for (const service of result.degraded) {
        if (seen.has(service)) continue;
        rows.push({ service, label: byName.get(service)?.label, state: 'degraded', minutes: 0, reason: 'degraded, still serving', users: byName.get(service)?.users ?? 0 });
    }
    const length = (m: number | null): number => (m === null ? Number.POSITIVE_INFINITY : m);
    const byLength = (a: OutageRow, b: OutageRow): number => {
        const la = length(a.minutes);
        const lb = length(b.minutes);
        return la === lb ? 0 : lb > la ? 1 : -1;
    };
    rows.sort((a, b) =>
        b.users - a.users
        || byLength(a, b)
        || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
    return rows;
}

/**
 * The outage over time in one line, a step per change:
 * "+0: 4 services down, 43.2M users; +30m: 2 services down, 1 degraded, 12M users; +10h: all back".
 * What stays out for an unknown time says so, with its names. Empty when nothing is interrupted.
 */
export function timelineText(timeline: Timeline): string {
    const steps = timeline.steps;
    if (steps.length === 1 && isEmptyStep(steps[0])) return '';
    return steps.map((step, i) => `+${step.at === 0 ? '0' : formatMinutes(step.at)}: ${stepText(step, i === steps.length - 1)}`).join('; ');
}

function isEmptyStep(step: TimelineStep): boolean {
    return step.down.length === 0 && step.degraded.length === 0;
}

function stepText(step: TimelineStep, last: boolean): string {
    if (isEmptyStep(step)) return 'all back';
    const parts: string[] = [];
    if (step.down.length > 0) parts.push(`${plural(step.down.length, 'service')} down`);
    if (step.degraded.length > 0) parts.push(`${step.degraded.length} degraded`);
    parts.push(`${formatUsers(step.users)} users`);
    const text = parts.join(', ');
    if (!last) return text;
    // the last step that is not empty lasts: its services have no known end
    return `${text}, for an unknown time (${shortList(step.unknown)})`;
}
