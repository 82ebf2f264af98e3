/**
 * What an `slo-unreachable` finding says about the downtime: which elements it comes from, how
 * much each costs the service a year, and advice that fits each of them — a site to spread
 * over, a provider to double, a dependency to give an alternative, an availability to raise
 * (and to what) — instead of one generic "add replicas".
 */

import type { Availability } from '../availability.js';
import type { CompiledModel } from '../compile.js';
import { downtimeSources, type DowntimeSource } from '../downtime-sources.js';
import { formatDowntime, formatPercent, joinAnd, MINUTES_PER_YEAR, possessive } from '../../common/format.js';
import type { Related } from '../results.js';

/** Name at most this many sources: the fewest largest that would close the gap to the SLO. */
const NAMED = 3;

export interface SloAdvice {
    /** " Most of that downtime comes from …." */
    sources: string;
    /** "Fix: …" */
    fix: string;
    related: Related[];
}

export function sloAdvice(cm: CompiledModel, availability: Availability, s: number, slo: number, spofs: readonly number[]): SloAdvice | undefined {
    const all = downtimeSources(availability, s);
    const a = availability.value[s];
    if (all.length === 0 || a === null) return undefined;
    const unavailability = 1 - a;
    // what has to go for the service to meet its SLO
    const gap = unavailability - (1 - slo);
    // the fewest largest sources that would close the gap if they never failed (at most NAMED)
    const named: DowntimeSource[] = [];
    let covered = 0;
    for (const source of all) {
        if (named.length >= NAMED || covered >= gap) break;
        named.push(source);
        covered += source.share;
    }
    const name = cm.names[s];
    const spofSet = new Set(spofs);
    const fatal = (x: number) => x === s || spofSet.has(x);
    const cost = (x: DowntimeSource) => `${cm.names[x.element]} (${formatDowntime(x.share * MINUTES_PER_YEAR)} a year)`;
    const alone = named.every(x => fatal(x.element))
        ? (named.length === 1 ? ', which alone takes it down' : ', each of which alone takes it down') : '';
    const most = covered >= 0.5 * unavailability ? 'Most of that downtime comes from' : 'The largest parts of that downtime come from';
    const sources = ` ${most} ${joinAnd(named.map(cost))}${alone}.`;
    const related = named.map(x => ({
        element: cm.names[x.element],
        message: `costs ${name} ${formatDowntime(x.share * MINUTES_PER_YEAR)} of downtime a year`
    }));
    const advice = [...new Set(named.map(x => adviceFor(cm, s, x.element, fatal(x.element))))];

    let fix: string;
    if (named.length === 1 && covered >= gap) {
        const first = named[0];
        const p = 1 - cm.availability[first.element];
        // U is linear in x's failure probability: U = U(x up) + (1 − p)·B, with (1 − p)·B = share
        const needed = 1 - (1 - slo - (unavailability - first.share)) * p / first.share;
        const raise = needed < 1 - 1e-9 ? `raise ${possessive(cm.names[first.element])} availability to at least ${formatPercent(ceilPercent(needed))}, or ` : '';
        fix = `Fix: ${raise}${advice[0]}.`;
    } else if (covered >= gap) {
        fix = `Fix: no one of these is enough alone; ${joinAnd(advice)}.`;
    } else {
        const left = formatDowntime((unavailability - covered) * MINUTES_PER_YEAR);
        fix = `Fix: ${joinAnd(advice)}; even then ${name} would be down ${left.replace(/^about /, 'about ')} a year, ` +
            'more than its SLO allows: it needs redundancy across more of what it depends on, or a lower SLO.';
    }
    return { sources, fix, related };
}

/** Rounded up to 4 decimals of a percent, so the advice is a figure one can write (99.9951%). */
function ceilPercent(p: number): number {
    return Math.min(1, Math.ceil(p * 1e6) / 1e6);
}

/** What a second one of an infra kind is called: "power feed", "DNS provider". */
function redundantKind(kind: string | undefined): string {
    switch (kind) {
        case 'power': return 'power feed';
        case 'network': return 'network link';
        case 'dns': return 'DNS provider';
        case undefined:
        case 'provider': return 'provider';
        default: return `${kind} provider`;
    }
}

/** Advice that fits element x's place in service s's cone. */
function adviceFor(cm: CompiledModel, s: number, x: number, fatal: boolean): string {
    const name = cm.names[s];
    const other = cm.names[x];
    if (x === s) return `run ${name} on more replicas, on sites that do not fail together, to raise its own availability`;
    if (!fatal) return `raise ${possessive(other)} availability, or add a deployment that does not need it`;
    switch (cm.elements[x].kind) {
        case 'site':
        case 'region':
            return `run what needs ${other} on a second site outside ${other} too`;
        case 'infra':
            return `add a second ${redundantKind(cm.elements[x].meta?.infraKind)} beside ${other} (depends on any (${other}, …))`;
        default:
            return `give ${name} an alternative to ${other} (depends on any (${other}, …))`;
    }
}
