/**
 * What each single failure domain does to a few services' time and data: how long each is out
 * (the outage engine's least fixpoint, outage.ts) and which copies of each datastore's data
 * survive. One simulation per failure domain in the cones of the services asked about (no
 * other domain can touch them), each reading every service asked about at once. Computed only
 * for services with a recovery target, or when a report asks.
 */

import { sortByName, type CompiledModel } from './compile.js';
import { Det, type OutageEngine } from './outage.js';
import { OutageReasons } from './outage-reason.js';
import type { StateEngine } from './state.js';

/** One single failure that interrupts a service. */
export interface SingleOutage {
    domain: number;
    /** minutes; Infinity: unknown */
    minutes: number;
}

/** The longest outage with a known length, with its reason in words. */
export interface WorstOutage {
    domain: number;
    minutes: number;
    reason: string;
}

export interface ServiceOutages {
    /** every failure domain that interrupts the service, in name order (empty when not listed: `singleFailures`'s `lists`) */
    outages: SingleOutage[];
    /** the longest known one (the first in name order among equals) */
    worst?: WorstOutage;
    /** the first failure whose length is unknown, and its reason */
    firstUnknown?: { domain: number; reason: string };
    /** what lacks a time, over every unknown outage, in name order (empty when not listed) */
    lacking: MissingTime[];
    /** up with nothing failed, yet out for an unknown time (it waits for something never up); a known time there is `worst`'s floor */
    baselineUnknown: boolean;
}

/** A failure domain without `recovery`, or a service with a standby but without `failover`. */
export interface MissingTime {
    statement: 'recovery' | 'failover';
    element: string;
}

/** Which copies of a datastore's data one failure leaves. */
export interface SurvivingCopies {
    domain: number;
    /** deployments whose domain is down */
    replicasLost: number;
    /** deployments whose domain stays up */
    replicasLeft: number;
    /** backup domains that stay up */
    backupsLeft: number[];
}

export interface SingleFailures {
    outages: Map<number, ServiceOutages>;
    /** per datastore asked about: each failure that takes down at least one of its replicas */
    copies: Map<number, SurvivingCopies[]>;
}

/**
 * Runs every single failure that can reach `services` (outages) or `datastores` (copies).
 * A service that is never up is left out of the outages (`never-up` says why). With `lists`
 * false, only each service's worst and first unknown outage are kept, not every (service,
 * domain) outage nor what lacks a time: what a report of every service needs, in memory that
 * does not grow with the number of such pairs.
 */
export function singleFailures(
    engine: StateEngine, oe: OutageEngine, services: readonly number[], datastores: readonly number[] = [], lists = true
): SingleFailures {
    const cm = engine.cm;
    const timed = services.filter(s => engine.baseUp[s] === 1);
    const outages = new Map<number, ServiceOutages>();
    const lacking = new Map<number, Map<string, MissingTime>>();
    for (const s of timed) {
        outages.set(s, { outages: [], lacking: [], baselineUnknown: !Number.isFinite(oe.T[s]) && cm.domains.length > 0 });
        lacking.set(s, new Map());
    }
    const copies = new Map<number, SurvivingCopies[]>();
    for (const x of datastores) copies.set(x, []);

    // waiting for something never up: every failure leaves it out for an unknown time, the first by name included
    const baseline = new OutageReasons(oe, engine);
    let firstDomain = -1;
    for (const d of cm.domains) if (firstDomain < 0 || cm.rank[d] < cm.rank[firstDomain]) firstDomain = d;
    for (const [s, record] of outages) {
        if (record.baselineUnknown) record.firstUnknown = { domain: firstDomain, reason: baseline.reason(s) };
        // failing over already with nothing failed (an active deployment never up): any failure, the
        // first by name included, leaves it out at least that long; a domain of its cone may do worse
        else if (oe.T[s] > 0 && firstDomain >= 0) record.worst = { domain: firstDomain, minutes: oe.T[s], reason: baseline.reason(s) };
    }

    // failing over already with nothing failed: a domain outside the roots' cones leaves such a
    // service out exactly that long, so its outage is known without a simulation
    const failingOver = lists ? timed.filter(s => oe.T[s] > 0 && Number.isFinite(oe.T[s])) : [];

    const roots: number[] = [...timed, ...datastores];
    for (const x of datastores) for (let j = cm.backups.start[x]; j < cm.backups.start[x + 1]; j++) roots.push(cm.backups.targets[j]);
    const domains = sortByName(cm, coneDomains(cm, roots));
    // each simulation updates only what the roots' state and time depend on: a few services
    // asked about (a hover) cost their cones, not the whole model
    const scope = inputsCone(cm, roots);
    try {
        for (const d of domains) {
            engine.fail([d], scope);
            if (timed.length > 0) {
                oe.run(engine.failedList, engine.failed, scope);
                const reasons = new OutageReasons(oe, engine);
                for (const s of timed) {
                    const t = oe.T[s];
                    if (t <= 0) continue;
                    const record = outages.get(s)!;
                    if (lists) record.outages.push({ domain: d, minutes: t });
                    if (Number.isFinite(t)) {
                        if (record.worst === undefined || t > record.worst.minutes) record.worst = { domain: d, minutes: t, reason: reasons.reason(s) };
                    } else {
                        if (record.firstUnknown === undefined) record.firstUnknown = { domain: d, reason: reasons.reason(s) };
                        if (!lists) continue;
                        const what = whatLacksATime(oe, reasons, s);
                        if (what) lacking.get(s)!.set(`${what.element}\u0000${what.statement}`, what);
                    }
                }
                oe.restore();
            }
            for (const x of datastores) {
                let lost = 0;
                let left = 0;
                // a copy on a domain that is down with nothing failed holds nothing: neither lost nor left
                for (let j = cm.depStart[x]; j < cm.depStart[x + 1]; j++) {
                    const domain = cm.depDomain[j];
                    if (!engine.baseUp[domain]) continue;
                    if (engine.up[domain]) left++;
                    else lost++;
                }
                if (lost === 0) continue;
                const backupsLeft: number[] = [];
                for (let j = cm.backups.start[x]; j < cm.backups.start[x + 1]; j++) {
                    const b = cm.backups.targets[j];
                    if (engine.up[b] && !backupsLeft.includes(b)) backupsLeft.push(b);
                }
                copies.get(x)!.push({ domain: d, replicasLost: lost, replicasLeft: left, backupsLeft });
            }
        }
    } finally {
        engine.restore();
    }
    if (failingOver.length > 0) {
        const simulated = new Set(domains);
        const others = sortByName(cm, Array.from(cm.domains).filter(d => !simulated.has(d)));
        // every run above was restored: oe.T holds the baseline outages again
        for (const s of failingOver) {
            const record = outages.get(s)!;
            for (const d of others) record.outages.push({ domain: d, minutes: oe.T[s] });
        }
    }
    for (const [s, record] of outages) {
        const found = lacking.get(s)!;
        record.lacking = [...found.keys()].sort().map(key => found.get(key)!);
    }
    return { outages, copies };
}

/**
 * The failure domains a walk from `roots` reaches through `in`, `runs on` and `depends on`
 * (their own included): only these can change the roots' state or time.
 */
export function coneDomains(cm: CompiledModel, roots: readonly number[]): number[] {
    const seen = new Uint8Array(cm.n);
    const stack: number[] = [];
    const push = (x: number) => { if (x >= 0 && !seen[x]) { seen[x] = 1; stack.push(x); } };
    for (const r of roots) push(r);
    const out: number[] = [];
    while (stack.length > 0) {
        const x = stack.pop()!;
        if (cm.isDomain[x]) out.push(x);
        push(cm.container[x]);
        for (let j = cm.depStart[x]; j < cm.depStart[x + 1]; j++) push(cm.depDomain[j]);
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) push(cm.termMembers.targets[j]);
        }
    }
    return out;
}

/**
 * `roots` and everything their state, health or outage time depends on (containers, placement
 * domains, `depends on` members, `uses` targets, transitively), marked 1; undefined when that
 * is the whole model (then there is nothing to save).
 */
export function inputsCone(cm: CompiledModel, roots: readonly number[]): Uint8Array | undefined {
    const seen = new Uint8Array(cm.n);
    const stack: number[] = [];
    let count = 0;
    const push = (x: number) => { if (x >= 0 && !seen[x]) { seen[x] = 1; count++; stack.push(x); } };
    for (const r of roots) push(r);
    while (stack.length > 0) {
        const x = stack.pop()!;
        push(cm.container[x]);
        for (let j = cm.depStart[x]; j < cm.depStart[x + 1]; j++) push(cm.depDomain[j]);
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) push(cm.termMembers.targets[j]);
        }
        for (let j = cm.uses.start[x]; j < cm.uses.start[x + 1]; j++) push(cm.uses.targets[j]);
    }
    return count === cm.n ? undefined : seen;
}

/** What has no time on the way to s's unknown outage: a failed domain without `recovery`, a service without `failover`. */
function whatLacksATime(oe: OutageEngine, reasons: OutageReasons, s: number): MissingTime | undefined {
    const cm = oe.cm;
    const root = reasons.rootOf(s);
    if (root < 0) return undefined;
    switch (oe.det[root]) {
        case Det.FailedDomain:
            return Number.isNaN(cm.recovery[root]) ? { statement: 'recovery', element: cm.names[root] } : undefined;
        case Det.Failover:
            return Number.isNaN(cm.failover[root]) ? { statement: 'failover', element: cm.names[root] } : undefined;
        default:
            return undefined;
    }
}
