/**
 * What changed between two snapshots (diff-snapshot.ts): findings added and removed (matched by
 * fingerprint, so moved lines are no change), newly accepted and no longer accepted, the services whose SPOFs, availability or worst
 * outage changed, the failure domains whose failure affects a different number of users. Rows are
 * ordered largest change first.
 */
import type { TopoDiagnostic } from '../language/diagnostics.js';
import type { ServiceState, Snapshot } from './diff-snapshot.js';

export interface ServiceChange {
    name: string;
    /** null: not in that version */
    before: ServiceState | null;
    after: ServiceState | null;
}

export interface DomainChange {
    name: string;
    /** null: not in that version */
    usersBefore: number | null;
    usersAfter: number | null;
}

export interface ModelDiff {
    added: TopoDiagnostic[];
    removed: TopoDiagnostic[];
    /** findings in both whose NEW version is accepted and OLD was not (placed in NEW) */
    accepted: TopoDiagnostic[];
    /** findings in both that OLD accepted and NEW does not (an acceptance removed or expired): they count again */
    unaccepted: TopoDiagnostic[];
    services: ServiceChange[];
    domains: DomainChange[];
}

/** Availabilities closer than this are the same (floating-point noise). */
const SAME_AVAILABILITY = 1e-12;

export function compareSnapshots(before: Snapshot, after: Snapshot): ModelDiff {
    const oldPrints = new Set(before.prints);
    const newPrints = new Set(after.prints);
    const added = after.diagnostics.filter((_, i) => !oldPrints.has(after.prints[i]));
    const removed = before.diagnostics.filter((_, i) => !newPrints.has(before.prints[i]));
    const old = new Map(before.prints.map((p, i) => [p, before.diagnostics[i]]));
    const accepted: TopoDiagnostic[] = [];
    const unaccepted: TopoDiagnostic[] = [];
    after.diagnostics.forEach((d, i) => {
        const was = old.get(after.prints[i]);
        if (was === undefined) return;
        if (d.accepted && !was.accepted) accepted.push(d);
        if (!d.accepted && was.accepted) unaccepted.push(d);
    });

    const services: ServiceChange[] = [];
    for (const name of unionOf(before.services.keys(), after.services.keys())) {
        const b = before.services.get(name) ?? null;
        const a = after.services.get(name) ?? null;
        if (!sameService(b, a)) services.push({ name, before: b, after: a });
    }
    services.sort((x, y) => serviceSize(y) - serviceSize(x) || (x.name < y.name ? -1 : 1));

    const domains: DomainChange[] = [];
    for (const name of unionOf(before.domains.keys(), after.domains.keys())) {
        const b = before.domains.get(name) ?? null;
        const a = after.domains.get(name) ?? null;
        if (b !== a) domains.push({ name, usersBefore: b, usersAfter: a });
    }
    domains.sort((x, y) => domainSize(y) - domainSize(x) || (x.name < y.name ? -1 : 1));
    return { added, removed, accepted, unaccepted, services, domains };
}

function unionOf(a: Iterable<string>, b: Iterable<string>): string[] {
    return [...new Set([...a, ...b])].sort();
}

function sameService(a: ServiceState | null, b: ServiceState | null): boolean {
    if (a === null || b === null) return a === b;
    return a.spofs.join(',') === b.spofs.join(',')
        && sameAvailability(a.availability, b.availability)
        && a.worstOutage?.minutes === b.worstOutage?.minutes
        && a.worstOutage?.domain === b.worstOutage?.domain;
}

function sameAvailability(a: number | null, b: number | null): boolean {
    if (a === null || b === null) return a === b;
    return Math.abs(a - b) < SAME_AVAILABILITY;
}

/**
 * How large a service's change is, for ordering: SPOFs gained or lost first (each weighs a
 * year), then the change of expected downtime a year, then of the worst outage, in minutes.
 */
function serviceSize(c: ServiceChange): number {
    if (c.before === null || c.after === null) return Number.MAX_SAFE_INTEGER / 2;
    const before = new Set(c.before.spofs);
    const after = new Set(c.after.spofs);
    const spofs = [...before].filter(d => !after.has(d)).length + [...after].filter(d => !before.has(d)).length;
    const downtime = Math.abs(((c.after.availability ?? 1) - (c.before.availability ?? 1)) * 525_600);
    const outage = Math.abs(outageMinutes(c.after) - outageMinutes(c.before));
    return spofs * 525_600 + downtime + Math.min(outage, 525_600) / 1000;
}

function outageMinutes(s: ServiceState): number {
    if (s.worstOutage === null) return 0;
    return s.worstOutage.minutes ?? 525_600;
}

function domainSize(c: DomainChange): number {
    return Math.abs((c.usersAfter ?? 0) - (c.usersBefore ?? 0)) + (c.usersBefore === null || c.usersAfter === null ? 0.5 : 0);
}
