/**
 * `analyze`: per service its SPOFs, the nearest of them, their paths and its availability; per failure
 * domain its blast radius; and every finding.
 */

import { computeAvailability, DEFAULT_NODE_BUDGET, type Availability } from './availability.js';
import { namesOf, type CompiledModel } from './compile.js';
import { allFindings } from './findings/all.js';
import { nearestOf } from './nearest.js';
import { PathCache } from './path-cache.js';
import { prepare, type Prepared } from './prepared.js';
import type { AnalysisResult, DomainReport, Finding, ServiceReport } from './results.js';
import { sweepDomains, type Sweep } from './sweep.js';
import type { DomainKind } from './model.js';

export interface AnalyzeOptions {
    /** BDD nodes allowed for the exact availabilities of the whole run (default 200,000) */
    availabilityNodeBudget?: number;
    /**
     * Up to this many (service, SPOF) pairs (default 250,000) the paths of every SPOF are
     * built at once as plain data; past it, on first access (a large model can have millions).
     */
    eagerPathPairs?: number;
}

const MINUTES_PER_YEAR = 525600;

interface Core {
    cm: CompiledModel;
    engine: Prepared['engine'];
    sweep: Sweep;
    nearest: number[][];
    availability: Availability;
    paths: PathCache;
}

function analyzeCore(cm: CompiledModel, options: AnalyzeOptions): Core {
    const { engine } = prepare(cm);
    const sweep = sweepDomains(engine);
    const nearest: number[][] = new Array(cm.n);
    for (const s of cm.services) nearest[s] = nearestOf(sweep, sweep.spofsOf(s));
    const budget = options.availabilityNodeBudget ?? DEFAULT_NODE_BUDGET;
    const availability = computeAvailability(engine, sweep.spofsOf, Number.isFinite(budget) ? budget : DEFAULT_NODE_BUDGET);
    return { cm, engine, sweep, nearest, availability, paths: new PathCache(engine, sweep.sets) };
}

/** Only the findings (what `topo check` needs): no per-service or per-domain name lists. */
export function analyzeFindings(cm: CompiledModel, options: AnalyzeOptions = {}): Finding[] {
    return allFindings(analyzeCore(cm, options));
}

export function analyzeCompiled(cm: CompiledModel, options: AnalyzeOptions = {}): AnalysisResult {
    const core = analyzeCore(cm, options);
    const { engine, sweep, nearest, availability, paths } = core;
    const records = paths.records(sweep.spofsOf, options.eagerPathPairs);
    const services: ServiceReport[] = namesOf(cm, cm.services).map(name => {
        const s = cm.index.get(name)!;
        const a = availability.value[s];
        const report: ServiceReport = {
            name,
            kind: cm.elements[s].kind === 'datastore' ? 'datastore' : 'service',
            spofs: namesOf(cm, sweep.spofsOf(s)),
            nearest: namesOf(cm, nearest[s]),
            paths: records[s],
            availability: a,
            downtimeMinutesPerYear: a === null ? null : (1 - a) * MINUTES_PER_YEAR,
            neverUp: !engine.baseUp[s]
        };
        const bounds = availability.bounds.get(s);
        if (bounds !== undefined) report.availabilityBounds = bounds;
        return report;
    });

    const blasts = sweep.allBlasts();
    const domains: DomainReport[] = namesOf(cm, cm.domains).map(name => {
        const d = cm.index.get(name)!;
        const blast = blasts.get(d)!;
        return {
            name,
            kind: cm.elements[d].kind as DomainKind,
            down: namesOf(cm, blast.down),
            degraded: namesOf(cm, blast.degraded),
            users: blast.users,
            domainsDown: namesOf(cm, blast.domainsDown)
        };
    });

    return { services, domains, findings: allFindings(core) };
}
