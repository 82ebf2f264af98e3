/**
 * The analysis of one maximal import closure (see workspace-analysis.ts): its findings placed
 * in their files, and, built when first asked for, reports for hovers (a service's SPOFs, a
 * domain's blast radius), simulations and outage lengths (the last ones kept), and who points
 * at whom. Replaced by a newer one after an edit, it hands on what still holds (carry-over.ts)
 * and gives its arrays back for reuse (`retire`).
 */
import type { AstNode } from 'langium';
import { knownAvailabilities, outagesCompiled, releaseArrays, simulateCompiled, type Analysis, type BufferPool, type CompiledModel, type KnownAvailability, type SimulationDetails } from '../analysis/index.js';
import type { Element } from '../analysis/model.js';
import type { DomainReport, Finding, Outage, RecoveryReport, ServiceReport } from '../analysis/results.js';
import { IMPORTANCE_IN_EDITOR_ELEMENTS, type GraphImportance } from '../common/protocol.js';
import type { BuiltModel } from '../language/build-model.js';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import type { Carried, Known, Pairs, PerService } from './carry-over.js';

/** A file of the closure, and the root of its parse (a new parse is a new root). */
export interface Member { uri: string; root: AstNode }

/** Who points at an element, for hovers: computed on first use. */
export interface Relations {
    /** domain → elements declared `in` it */
    contains: Map<string, string[]>;
    /** domain → services with a deployment on it */
    hosts: Map<string, string[]>;
    /** domain → datastores with `backup on` it */
    backups: Map<string, string[]>;
    /** element → elements whose `depends on` names it */
    dependents: Map<string, string[]>;
    /** service → services that `use` it */
    usedBy: Map<string, string[]>;
    /** service → services that monitor it */
    monitoredBy: Map<string, string[]>;
}

/**
 * Findings placed in their files. `raw`: the analysis's own, before the model's `accept`
 * statements applied (absent: the same), which an edit of some files keeps for the others.
 */
export interface PlacedFindings {
    all: readonly Finding[];
    byUri: ReadonlyMap<string, TopoDiagnostic[]>;
    raw?: { all: readonly Finding[]; byUri: ReadonlyMap<string, TopoDiagnostic[]> };
}

/** Reports by name, built when first asked for. */
export interface Reports<T> {
    get(name: string): T | undefined;
}
/** single-failure simulations kept per closure (the preview and hovers ask for the same ones again) */
const SIMULATIONS_KEPT = 64;
/** outage lengths of (domain, service) kept per closure: a hover shows a few per service */
const OUTAGES_KEPT = 4096;
/** services whose worst single failure and pairs are kept per closure (the ones hovered lately) */
const SERVICES_KEPT = 256;

/** The analysis of one maximal import closure. */
export class ClosureAnalysis {
    private elementsCache?: Map<string, Element>;
    private retired = false;
    readonly services: Reports<ServiceReport>;
    readonly domains: Reports<DomainReport>;
    /** the findings of every file of the closure */
    readonly findings: readonly Finding[];
    readonly findingsByUri: ReadonlyMap<string, TopoDiagnostic[]>;
    /** the analysis's own findings, before `accept` applied (what an edit keeps of the other files) */
    readonly rawFindings: readonly Finding[];
    readonly rawByUri: ReadonlyMap<string, TopoDiagnostic[]>;
    private readonly simulations = new Map<string, SimulationDetails>();
    private readonly outages = new Map<string, Outage | undefined>();
    /** answers about services that depend only on their cones (kept, and carried over after an edit) */
    private readonly perService: PerService = { worst: new Map(), pairs: new Map() };
    /** availabilities by id carried over from the analysis this one replaced */
    private readonly knownAvailability?: ReadonlyArray<KnownAvailability | undefined>;
    private relationsCache?: Relations;

    constructor(
        readonly root: string,
        readonly members: readonly Member[],
        readonly built: BuiltModel,
        private readonly cm: CompiledModel | undefined,
        private readonly analysis: Analysis | undefined,
        findings: PlacedFindings,
        /** the analysis threw (and was logged): everything in it is empty */
        readonly failed = false,
        /** what the analysis it replaced knew and still holds (carry-over.ts) */
        carried?: Carried
    ) {
        this.knownAvailability = carried?.availability;
        if (carried) {
            for (const [key, outage] of carried.outages) this.outages.set(key, outage);
            for (const [name, worst] of carried.worst) this.perService.worst.set(name, worst);
            for (const [name, pairs] of carried.pairs) this.perService.pairs.set(name, pairs);
        }
        this.services = { get: name => analysis?.service(name) };
        this.domains = { get: name => analysis?.domain(name) };
        this.findings = findings.all;
        this.findingsByUri = findings.byUri;
        this.rawFindings = findings.raw?.all ?? findings.all;
        this.rawByUri = findings.raw?.byUri ?? findings.byUri;
    }

    /** What single failures cost one service (its worst outage and data loss, its targets), built when asked. */
    recovery(name: string): RecoveryReport | undefined {
        if (!this.analysis || this.retired) return undefined;
        // a service's worst single failure depends only on its cone; a datastore's data loss on its backups too
        const service = this.elements.get(name)?.kind === 'service';
        const worst = this.perService.worst;
        if (service && worst.has(name)) {
            const targets = this.analysis.recoveryTargets(name);
            return targets && { worstOutage: worst.get(name)!, targets };
        }
        const report = this.analysis.recovery(name);
        if (service && report) remember(worst, name, report.worstOutage);
        return report;
    }

    /** The compiled model, for the next compilation to copy rows from. */
    get compiled(): CompiledModel | undefined {
        return this.retired ? undefined : this.cm;
    }

    /** What it knows that depends only on elements' cones, for the analysis that replaces it (carry-over.ts). */
    known(): Known | undefined {
        if (!this.cm || this.retired) return undefined;
        const computed = this.analysis?.computedAvailability();
        const availability = computed !== undefined ? knownAvailabilities(computed) : this.knownAvailability;
        return { before: this.cm, availability, outages: this.outages, worst: this.perService.worst, pairs: this.perService.pairs };
    }

    /** The analysis of the compiled model, for the next analysis to copy down sets from. */
    get analysisOfModel(): Analysis | undefined {
        return this.analysis;
    }

    /**
     * Replaced by a newer analysis: its arrays are reused (given to `pool`), so reports and
     * simulations asked for later are undefined. Its findings stay as they are.
     */
    retire(pool?: BufferPool): void {
        if (this.retired) return;
        this.retired = true;
        this.analysis?.retire();
        if (pool && this.cm) releaseArrays(pool, this.cm);
    }

    /** The closure's elements by name (built when first asked for: an edit needs none of it). */
    get elements(): ReadonlyMap<string, Element> {
        if (this.elementsCache === undefined) {
            this.elementsCache = new Map();
            for (const element of this.built.model.elements) if (!this.elementsCache.has(element.name)) this.elementsCache.set(element.name, element);
        }
        return this.elementsCache;
    }

    /** The findings anchored in one file. */
    findingsIn(uri: string): readonly TopoDiagnostic[] {
        return this.findingsByUri.get(uri) ?? [];
    }

    /** The file that declares `name` (its first declaration). */
    uriOf(name: string): string | undefined {
        return this.built.sources.get(name)?.uri;
    }

    /**
     * The state when `failed` fail, over the whole closure; single names are cached. `light`: only
     * who is down or degraded, and the users (see `simulateCompiled`).
     */
    simulate(failed: readonly string[], options: { light?: boolean } = {}): SimulationDetails | undefined {
        if (!this.cm || this.retired) return undefined;
        if (failed.length !== 1) return simulateCompiled(this.cm, failed, options);
        const key = `${options.light ? 'light' : 'full'}\u0000${failed[0]}`;
        let result = this.simulations.get(key) ?? (options.light ? this.simulations.get(`full\u0000${failed[0]}`) : undefined);
        if (result) {
            this.simulations.delete(key); // most recently used last
        } else {
            result = simulateCompiled(this.cm, failed, options);
            if (this.simulations.size >= SIMULATIONS_KEPT) this.simulations.delete(this.simulations.keys().next().value!);
        }
        this.simulations.set(key, result);
        return result;
    }

    /** How long, and why, `service` is out when `domain` alone fails (undefined: not interrupted). */
    outage(domain: string, service: string): Outage | undefined {
        if (!this.cm || this.retired) return undefined;
        const key = `${domain}\u0000${service}`;
        if (!this.outages.has(key)) {
            if (this.outages.size >= OUTAGES_KEPT) this.outages.delete(this.outages.keys().next().value!);
            this.outages.set(key, outagesCompiled(this.cm, [domain], [service])[service]);
        }
        return this.outages.get(key);
    }

    /** A service's cut sets of at most two domains (see `Analysis.pairs`). */
    pairs(name: string): Pairs {
        if (this.retired || !this.analysis) return undefined;
        const known = this.perService.pairs;
        if (known.has(name)) return known.get(name);
        const pairs = this.analysis.pairs(name);
        remember(known, name, pairs);
        return pairs;
    }

    /** A failure domain's rank for users among the domains that declare an availability, and how many there are. */
    importanceRank(name: string): { rank: number | null; of: number; raw: number | null } | undefined {
        if (this.retired || !this.cm) return undefined;
        const importance = this.analysis?.importance();
        const id = this.cm.index.get(name);
        const entry = importance?.domains.find(d => d.domain === id);
        return importance && entry ? { rank: entry.rank, of: importance.domains.length, raw: entry.users.raw } : undefined;
    }

    /**
     * Each failure domain that declares an availability → its user-weighted importance measures
     * (`Analysis.importance`, computed on first use and kept: the measures of `topo analyze
     * --importance`); 'too large' past the editor's size; undefined when there is no analysis.
     */
    importanceByName(): Map<string, GraphImportance> | 'too large' | undefined {
        if (this.retired || !this.cm || !this.analysis) return undefined;
        const importance = this.analysis.importance();
        const cm = this.cm;
        if (!importance) return cm.n > IMPORTANCE_IN_EDITOR_ELEMENTS ? 'too large' : undefined;
        return new Map(importance.domains.map(d => [cm.names[d.domain], { birnbaum: d.users.birnbaum, raw: d.users.raw, fussellVesely: d.users.fussellVesely }]));
    }

    relations(): Relations {
        if (this.relationsCache) return this.relationsCache;
        const r: Relations = { contains: new Map(), hosts: new Map(), backups: new Map(), dependents: new Map(), usedBy: new Map(), monitoredBy: new Map() };
        const add = (map: Map<string, string[]>, key: string, value: string) => {
            const list = map.get(key);
            if (!list) map.set(key, [value]);
            else if (!list.includes(value)) list.push(value);
        };
        for (const e of this.elements.values()) {
            if (e.container) add(r.contains, e.container, e.name);
            for (const d of e.deployments) add(r.hosts, d.domain, e.name);
            for (const b of e.backups) add(r.backups, b, e.name);
            for (const t of e.dependsOn) for (const m of t.members) add(r.dependents, m, e.name);
            for (const u of e.uses) add(r.usedBy, u, e.name);
            for (const m of e.monitors) add(r.monitoredBy, m, e.name);
        }
        for (const map of Object.values(r) as Map<string, string[]>[]) for (const list of map.values()) list.sort();
        this.relationsCache = r;
        return r;
    }
}

/** Keeps `value` under `key`, forgetting the oldest entry past `SERVICES_KEPT`. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
    if (map.size >= SERVICES_KEPT) map.delete(map.keys().next().value!);
    map.set(key, value);
}
