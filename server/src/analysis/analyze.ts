/**
 * `analyze`: per service its SPOFs, the nearest of them, their paths and its availability; per failure
 * domain its blast radius; and every finding.
 *
 * `Analysis` computes what every answer stands on once (the baseline, the down sets) and the rest
 * when asked: the findings (of every element, or of some), one service's report, one domain's
 * report. `analyzeCompiled` asks for everything; `topo check` only for the findings; the language
 * server for the findings of the files it shows, and for the reports its hovers name.
 */

import type { BufferPool } from './buffer-pool.js';
import { computeAvailability, DEFAULT_NODE_BUDGET, type Availability } from './availability.js';
import { namesOf, sortByName, type CompiledModel } from './compile.js';
import { allFindings } from './findings/all.js';
import type { FindingContext } from './findings/context.js';
import { allAvailabilitySources, availabilitySources, type AvailabilityFrom } from './availability-sources.js';
import { serviceCutSets, serviceCutSetWork } from './cut-sets.js';
import { computeImportance, type Importance } from './importance.js';
import { reliableElements } from './incomplete.js';
import { NearestSpofs } from './nearest.js';
import { PathCache } from './path-cache.js';
import { prepare } from './prepared.js';
import type { AnalysisResult, DomainReport, Finding, PathStep, RecoveryReport, ServiceReport } from './results.js';
import { sweepDomains, type BlastRadius } from './sweep.js';
import type { DomainKind } from './model.js';
import { MINUTES_PER_YEAR } from '../common/format.js';
import { IMPORTANCE_IN_EDITOR_ELEMENTS } from '../common/protocol.js';
import { dataLossOf, type DataLoss } from './data-loss.js';
import { inputsCone, singleFailures, type SingleFailures, type SurvivingCopies } from './single-failures.js';
import { worstSingleFailure, type WorstOutages } from './worst-single-failure.js';
import { targetOf } from './targets.js';

export interface AnalyzeOptions {
    /** BDD nodes allowed for the exact availabilities of the whole run (default 200,000) */
    availabilityNodeBudget?: number;
    /**
     * Up to this many (service, SPOF) pairs (default 250,000) the paths of every SPOF are
     * built at once as plain data; past it, on first access (a large model can have millions).
     * `eachService` keeps at most this many simulated paths (those through a cycle) at a time.
     */
    eagerPathPairs?: number;
    /** where the down sets' arrays come from; `Analysis.retire()` gives them back */
    pool?: BufferPool;
    /**
     * The analysis of the compilation this model copied its first rows from (`compileModel`'s
     * `previous`), not retired yet: the down sets of those rows are copied from it.
     */
    previous?: Analysis;
    /**
     * Availabilities already known, by id (undefined: not known), e.g. those an earlier analysis
     * computed for elements whose cones did not change (`unchangedCones`): a report of such a
     * service does not compute the availabilities of the whole model.
     */
    knownAvailability?: ReadonlyArray<KnownAvailability | undefined>;
}

/** One element's availability as an analysis gave it: exact (or null), or, past the node budget, bounds. */
export interface KnownAvailability {
    value: number | null;
    bounds?: [number, number];
}

/** Each element's availability from `availability`, by id. */
export function knownAvailabilities(availability: Availability): KnownAvailability[] {
    return availability.value.map((_, x) => availabilityOf(availability, x));
}

/** Work (candidate domains × cone size) past which a hover does not look for a service's pairs. */
const DEFAULT_PAIR_WORK = 2_000_000;
/** Elements past which a hover does not compute the importance of failure domains. */
const DEFAULT_IMPORTANCE_ELEMENTS = IMPORTANCE_IN_EDITOR_ELEMENTS;

export class Analysis {
    private readonly ctx: FindingContext;
    private nearestSpofs?: NearestSpofs;
    private availabilityValue?: Availability;
    private importanceValue?: Importance;
    private readonly serviceReports = new Map<string, ServiceReport | undefined>();
    private readonly domainReports = new Map<string, DomainReport | undefined>();
    private readonly recoveryReports = new Map<string, RecoveryReport | undefined>();

    private readonly options: AnalyzeOptions;

    constructor(readonly cm: CompiledModel, options: AnalyzeOptions = {}) {
        const { previous, ...kept } = options; // not kept: a chain of analyses would stay in memory
        this.options = kept;
        const { engine } = prepare(cm);
        const reliable = reliableElements(cm);
        const sweep = sweepDomains(engine, options.pool, previous && !previous.retired ? { cm: previous.cm, sweep: previous.ctx.sweep } : undefined);
        this.ctx = {
            cm, engine, sweep,
            nearest: () => (this.nearestSpofs ??= new NearestSpofs(sweep, s => engine.baseUp[s] === 1 && !cm.isDomain[s])),
            availability: () => this.availability(),
            paths: new PathCache(engine, sweep.sets),
            services: reliable ? cm.services.filter(s => reliable[s] === 1) : cm.services,
            wanted: reliable ? x => reliable[x] === 1 : () => true,
            reliable: reliable ? x => reliable[x] === 1 : () => true
        };
    }

    private retired = false;

    /**
     * No longer needed: its down sets go back to the pool for the next analysis. Reports asked
     * for afterwards are undefined (their paths would read reused arrays).
     */
    retire(): void {
        if (this.retired) return;
        this.retired = true;
        this.ctx.paths.forgetDownSets();
        this.options.pool?.release(this.ctx.sweep.sets.down);
        this.options.pool?.release(this.ctx.sweep.sets.unhealthy);
    }

    availability(): Availability {
        if (this.availabilityValue === undefined) {
            const budget = this.options.availabilityNodeBudget ?? DEFAULT_NODE_BUDGET;
            this.availabilityValue = computeAvailability(this.ctx.engine, this.ctx.sweep.spofsOf, Number.isFinite(budget) ? budget : DEFAULT_NODE_BUDGET);
        }
        return this.availabilityValue;
    }

    /** Every finding; with `subjects`, only the findings about those elements (by name). */
    findings(subjects?: ReadonlySet<string>): Finding[] {
        if (subjects === undefined) return allFindings(this.ctx);
        const cm = this.cm;
        const wanted = new Uint8Array(cm.n);
        for (const name of subjects) {
            const id = cm.index.get(name);
            if (id !== undefined && this.ctx.reliable(id)) wanted[id] = 1;
        }
        const services = cm.services.filter(s => wanted[s] === 1);
        return allFindings({ ...this.ctx, services, wanted: x => wanted[x] === 1 });
    }

    /** The report of one service or datastore (kept once built). */
    service(name: string): ServiceReport | undefined {
        if (this.retired) return undefined;
        if (this.serviceReports.has(name)) return this.serviceReports.get(name);
        const s = this.cm.index.get(name);
        const report = s === undefined || this.cm.isDomain[s] ? undefined : this.serviceReport(s, this.lazyPaths(s), sourcesCount(this.cm, s));
        this.serviceReports.set(name, report);
        return report;
    }

    /**
     * One service's minimal cut sets of at most two domains, by name (a hover's "survives any one
     * failure; goes down if a and b both fail"); 'too large' when finding the pairs would take
     * more than `maxWork` (see `serviceCutSetWork`): `topo analyze --order 2` has them.
     */
    pairs(name: string, maxWork = DEFAULT_PAIR_WORK): string[][] | 'too large' | undefined {
        const s = this.cm.index.get(name);
        if (this.retired || s === undefined || this.cm.isDomain[s]) return undefined;
        const { engine, sweep } = this.ctx;
        if (serviceCutSetWork(engine, s, sweep.sets) > maxWork) return 'too large';
        return serviceCutSets(engine, s, 2, sweep.sets).map(set => namesOf(this.cm, set));
    }

    /**
     * The importance of the failure domains (importance.ts), computed when first asked for;
     * undefined when the model has more than `maxElements` elements (a hover does not wait
     * seconds: `topo analyze --importance` has it).
     */
    importance(maxElements = DEFAULT_IMPORTANCE_ELEMENTS): Importance | undefined {
        if (this.retired || this.cm.n > maxElements) return undefined;
        this.importanceValue ??= computeImportance(this.ctx.engine);
        return this.importanceValue;
    }

    /** The blast radius of one failure domain (kept once built). */
    domain(name: string): DomainReport | undefined {
        if (this.retired) return undefined;
        if (this.domainReports.has(name)) return this.domainReports.get(name);
        const d = this.cm.index.get(name);
        const report = d === undefined || !this.cm.isDomain[d] ? undefined : this.domainReport(d, this.ctx.sweep.blastOf(d));
        this.domainReports.set(name, report);
        return report;
    }

    /** Everything: every service's and every domain's report, and every finding. */
    all(): AnalysisResult {
        const { cm, sweep, paths } = this.ctx;
        const records = paths.records(sweep.spofsOf, this.options.eagerPathPairs);
        const sources = allAvailabilitySources(cm);
        const recovery = this.recoveryOf([...cm.services], false);
        const services = sortByName(cm, [...cm.services]).map(s => this.serviceReport(s, records[s], sources?.[s] ?? null, recovery));
        const blasts = sweep.allBlasts();
        const domains = sortByName(cm, [...cm.domains]).map(d => this.domainReport(d, blasts.get(d)!));
        return { services, domains, findings: this.findings() };
    }

    /**
     * Every service's report, in name order, built one at a time as it is asked for and not
     * kept: what `topo analyze` writes as it goes. The same reports as `all()`'s; the memory
     * does not grow with their size (each service's SPOFs and paths are read from the down sets
     * when its turn comes). Nothing after `retire()`.
     */
    *eachService(): Generator<ServiceReport> {
        const { cm, sweep, paths } = this.ctx;
        const sources = allAvailabilitySources(cm);
        const recovery = this.recoveryOf([...cm.services], false);
        for (const s of sortByName(cm, [...cm.services])) {
            if (this.retired) return;
            yield this.serviceReport(s, paths.transientRecord(s, sweep.spofsOf(s), this.options.eagerPathPairs), sources?.[s] ?? null, recovery);
        }
    }

    /** Every failure domain's blast radius, in name order, one at a time and not kept (as `eachService`). */
    *eachDomain(): Generator<DomainReport> {
        const { cm, sweep } = this.ctx;
        for (const d of sortByName(cm, [...cm.domains])) {
            if (this.retired) return;
            yield this.domainReport(d, sweep.scanBlast(d));
        }
    }

    private lazyPaths(s: number): Record<string, PathStep[]> {
        const spofs = this.ctx.sweep.spofsOf(s);
        return spofs.length === 0 ? {} : this.ctx.paths.lazyRecord(s, spofs);
    }

    /** The availabilities, if computed already (see `availability()`). */
    computedAvailability(): Availability | undefined {
        return this.availabilityValue;
    }

    /**
     * What single failures do to the time and data of `services` (one simulation per domain of
     * their cones); `lists` false: only what a report says (see `singleFailures`).
     */
    private recoveryOf(services: number[], lists = true): RecoveryReports {
        const cm = this.cm;
        const stores = services.filter(s => cm.elements[s].kind === 'datastore');
        return { runs: singleFailures(this.ctx.engine, prepare(cm).outages(), services, stores, lists) };
    }

    /** The recovery targets of one service or datastore (those `recovery` reports, without any simulation). */
    recoveryTargets(name: string): RecoveryReport['targets'] | undefined {
        const s = this.cm.index.get(name);
        return this.retired || s === undefined || this.cm.isDomain[s] ? undefined : targetsOf(this.cm, s);
    }

    /** A service's worst single failures from its down set when that decides them (worst-single-failure.ts). */
    private quickRecoveryOf(s: number): RecoveryReports | undefined {
        const cm = this.cm;
        if (cm.elements[s].kind === 'datastore') return undefined; // which copies survive: a simulation per domain
        const { engine, sweep } = this.ctx;
        const worst = worstSingleFailure(engine, prepare(cm).outages(), s, sweep.spofsOf(s), inputsCone(cm, [s]));
        if (worst === undefined) return undefined;
        return { runs: { outages: worst === null ? new Map() : new Map([[s, worst]]), copies: new Map() } };
    }

    /** What single failures cost one service or datastore (kept once built; not part of `service`'s report). */
    recovery(name: string): RecoveryReport | undefined {
        if (this.retired) return undefined;
        if (this.recoveryReports.has(name)) return this.recoveryReports.get(name);
        const s = this.cm.index.get(name);
        const report = s === undefined || this.cm.isDomain[s] ? undefined : recoveryReport(this.cm, s, this.quickRecoveryOf(s) ?? this.recoveryOf([s]));
        this.recoveryReports.set(name, report);
        return report;
    }

    private serviceReport(s: number, paths: Record<string, PathStep[]>, from: AvailabilityFrom | null, recovery?: RecoveryReports): ServiceReport {
        const { cm, engine, sweep } = this.ctx;
        const known = this.options.knownAvailability?.[s] ?? availabilityOf(this.availability(), s);
        const a = known.value;
        const report: ServiceReport = {
            name: cm.names[s],
            kind: cm.elements[s].kind === 'datastore' ? 'datastore' : 'service',
            spofs: namesOf(cm, sweep.spofsOf(s)),
            nearest: namesOf(cm, this.ctx.nearest().list(s)),
            paths,
            availability: a,
            availabilityFrom: from,
            downtimeMinutesPerYear: a === null ? null : (1 - a) * MINUTES_PER_YEAR,
            neverUp: !engine.baseUp[s],
            ...(recovery !== undefined ? recoveryReport(cm, s, recovery) : {})
        };
        const bounds = known.bounds;
        if (bounds !== undefined) report.availabilityBounds = bounds;
        return report;
    }

    private domainReport(d: number, blast: BlastRadius): DomainReport {
        const cm = this.cm;
        return {
            name: cm.names[d],
            kind: cm.elements[d].kind as DomainKind,
            down: namesOf(cm, blast.down),
            degraded: namesOf(cm, blast.degraded),
            users: blast.users,
            domainsDown: namesOf(cm, blast.domainsDown)
        };
    }
}

interface RecoveryReports {
    /** the outages: every single failure's (`singleFailures`), or only the worst ones */
    runs: { outages: Map<number, WorstOutages>; copies: SingleFailures['copies'] };
}

function recoveryReport(cm: CompiledModel, s: number, recovery: RecoveryReports): RecoveryReport {
    const report: RecoveryReport = { worstOutage: worstOutageOf(cm, recovery.runs.outages.get(s)), targets: targetsOf(cm, s) };
    const copies = recovery.runs.copies.get(s);
    if (copies !== undefined) report.worstDataLoss = worstLossOf(cm, s, copies);
    return report;
}

/** The longest single-failure outage; an unknown one first (it may be longer than any known one). */
function worstOutageOf(cm: CompiledModel, record: WorstOutages | undefined): RecoveryReport['worstOutage'] {
    if (record === undefined) return null;
    if (record.firstUnknown !== undefined) return { domain: cm.names[record.firstUnknown.domain], minutes: null, reason: record.firstUnknown.reason };
    if (record.worst === undefined) return null;
    return { domain: cm.names[record.worst.domain], minutes: record.worst.minutes, reason: record.worst.reason };
}

/** The largest single-failure loss of data: all of it first, then an unknown one, then the most minutes. */
function worstLossOf(cm: CompiledModel, x: number, copies: readonly SurvivingCopies[]): ServiceReport['worstDataLoss'] {
    let worst: DataLoss | undefined;
    const rank = (l: DataLoss) => (l.minutes === Infinity ? 3 : Number.isNaN(l.minutes) ? 2 : l.minutes > 0 ? 1 : 0);
    for (const c of copies) {
        const l = dataLossOf(cm, x, c);
        if (rank(l) === 0) continue;
        if (worst === undefined || rank(l) > rank(worst) || (rank(l) === 1 && rank(worst) === 1 && l.minutes > worst.minutes)) worst = l;
    }
    if (worst === undefined) return null;
    const minutes = Number.isFinite(worst.minutes) ? worst.minutes : null;
    return { domain: cm.names[worst.domain], minutes, all: worst.minutes === Infinity };
}

function targetsOf(cm: CompiledModel, s: number): RecoveryReport['targets'] {
    const out: RecoveryReport['targets'] = {};
    for (const kind of ['rto', 'rpo', 'survive'] as const) {
        const t = targetOf(cm, s, kind);
        if (t !== undefined) out[kind] = t.value;
    }
    return out;
}

/** One service's availability sources, counted. */
function sourcesCount(cm: CompiledModel, s: number): AvailabilityFrom {
    const { declared, undeclaredDomains } = availabilitySources(cm, s);
    return { declared: declared.length, undeclaredDomains };
}

/** Element s's availability from `availability`. */
function availabilityOf(availability: Availability, s: number): KnownAvailability {
    return { value: availability.value[s], bounds: availability.bounds.get(s) };
}

/** Only the findings (what `topo check` needs): no per-service or per-domain name lists. */
export function analyzeFindings(cm: CompiledModel, options: AnalyzeOptions = {}): Finding[] {
    return new Analysis(cm, options).findings();
}

export function analyzeCompiled(cm: CompiledModel, options: AnalyzeOptions = {}): AnalysisResult {
    return new Analysis(cm, options).all();
}
