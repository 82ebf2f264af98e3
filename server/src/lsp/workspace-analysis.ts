/**
 * The analysis of the workspace, computed once per build and shared by diagnostics, hovers and
 * the custom requests.
 *
 * A file sees its import closure. Closures overlap (in a workspace where each file imports the
 * previous ones, every closure is inside the last one), so instead of analysing each file's
 * closure, each *maximal* closure is analysed once and every file is served from a maximal
 * closure that contains it: what the analysis says about an element depends only on that
 * element's own dependency cone (everything it references lies in the closure of its own file),
 * so it is the same in any closure that contains the element. Lists that range over the whole
 * model (a blast radius, a simulation) are filtered to the names the asking file sees.
 *
 * An analysis is kept while the documents of its closure are the same parsed documents, so an
 * edit re-analyses only the maximal closures that contain the edited file. And when the edited
 * files are imported by no other file of the closure, nothing else can refer to their elements:
 * the findings of every other file stay as they were, and only the edited files' findings are
 * computed (over the whole closure's model, which is rebuilt from the unchanged files' elements).
 * Reports for hovers (a service's SPOFs, a domain's blast radius) are built when first asked for.
 */
import { DocumentState, URI, UriUtils, WorkspaceCache, type AstNode, type LangiumDocument } from 'langium';
import { Analysis, BufferPool, compileModel, knownAvailabilities, releaseArrays, type KnownAvailability, outagesCompiled, simulateCompiled, type CompiledModel, type SimulationDetails } from '../analysis/index.js';
import type { Element } from '../analysis/model.js';
import type { DomainReport, Finding, Outage, ServiceReport } from '../analysis/results.js';
import { buildModel, rebuildModel, type BuiltModel } from '../language/build-model.js';
import { closureDocuments } from '../language/closure-model.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import type { TopoServices } from '../language/topo-module.js';
import { carriedText, carryOver, type Carried, type Known } from './carry-over.js';
import { debugThrow } from './debug.js';
import { logger } from './log.js';

interface Member { uri: string; root: AstNode }

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

/** Reports by name, built when first asked for. */
export interface Reports<T> {
    get(name: string): T | undefined;
}
/** single-failure simulations kept per closure (the preview and hovers ask for the same ones again) */
const SIMULATIONS_KEPT = 64;
/** outage lengths of (domain, service) kept per closure: a hover shows a few per service */
const OUTAGES_KEPT = 4096;

/** The analysis of one maximal import closure. */
export class ClosureAnalysis {
    private elementsCache?: Map<string, Element>;
    private retired = false;
    readonly services: Reports<ServiceReport>;
    readonly domains: Reports<DomainReport>;
    /** the findings of every file of the closure */
    readonly findings: readonly Finding[];
    readonly findingsByUri: ReadonlyMap<string, TopoDiagnostic[]>;
    private readonly simulations = new Map<string, SimulationDetails>();
    private readonly outages = new Map<string, Outage | undefined>();
    /** availabilities by id carried over from the analysis this one replaced */
    private readonly knownAvailability?: ReadonlyArray<KnownAvailability | undefined>;
    private relationsCache?: Relations;

    constructor(
        readonly root: string,
        readonly members: readonly Member[],
        readonly built: BuiltModel,
        private readonly cm: CompiledModel | undefined,
        private readonly analysis: Analysis | undefined,
        findings: { all: readonly Finding[]; byUri: ReadonlyMap<string, TopoDiagnostic[]> },
        /** the analysis threw (and was logged): everything in it is empty */
        readonly failed = false,
        /** what the analysis it replaced knew and still holds (carry-over.ts) */
        carried?: Carried
    ) {
        this.knownAvailability = carried?.availability;
        if (carried) for (const [key, outage] of carried.outages) this.outages.set(key, outage);
        this.services = { get: name => analysis?.service(name) };
        this.domains = { get: name => analysis?.domain(name) };
        this.findings = findings.all;
        this.findingsByUri = findings.byUri;
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
        return { before: this.cm, availability, outages: this.outages };
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

/** What one file sees of a closure analysis: the names declared in its own import closure. */
export class DocumentView {
    constructor(readonly analysis: ClosureAnalysis, readonly closure: ReadonlySet<string>) {}

    sees(name: string): boolean {
        const uri = this.analysis.uriOf(name);
        return uri !== undefined && this.closure.has(uri);
    }

    only(names: readonly string[]): string[] {
        return names.filter(n => this.sees(n));
    }

    users(names: readonly string[]): number {
        let sum = 0;
        for (const n of names) sum += this.analysis.elements.get(n)?.users ?? 0;
        return sum;
    }
}

export class WorkspaceAnalysis {
    private readonly entries = new Map<string, ClosureAnalysis>();
    private readonly owners: WorkspaceCache<'owners', Map<string, string>>;
    /** root URI → the documents of its closure (they change only when some content does) */
    private readonly closures: WorkspaceCache<string, LangiumDocument[]>;
    private lastOwners?: Map<string, string>;
    /** the import graph `lastOwners` was computed from */
    private lastGraph?: string;
    /** arrays of replaced analyses, for the next ones */
    private readonly pool = new BufferPool();
    /** root URI → how long its last full analysis took (ms) */
    private readonly fullMs = new Map<string, number>();

    constructor(private readonly services: TopoServices) {
        this.owners = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.closures = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    /**
     * How long the analysis serving `document` is expected to take, in milliseconds: 0 when it is
     * computed already or only the edited files need it (see `changedLeaves`); else as long as
     * that closure's last full analysis took, or, the first time, about 1 ms per 1,000 characters.
     */
    expectedMs(document: LangiumDocument): number {
        const { rootUri, members, documents } = this.locate(document);
        const cached = this.entries.get(rootUri);
        if (cached !== undefined && sameMembers(cached.members, members)) return 0;
        if (cached !== undefined && !cached.failed && this.changedLeaves(cached.members, members, documents)) return 0;
        const last = this.fullMs.get(rootUri);
        if (last !== undefined) return last;
        let chars = 0;
        for (const d of documents) chars += d.textDocument.getText().length;
        return chars / 1000;
    }

    /** True when the analysis serving `document` is already computed for the current documents. */
    isCurrent(document: LangiumDocument): boolean {
        const { rootUri, members } = this.locate(document);
        const cached = this.entries.get(rootUri);
        return cached !== undefined && sameMembers(cached.members, members);
    }

    /**
     * The analysis of a maximal closure containing `document`, computed if needed. When that
     * one failed (an error in some file that imports this one), the document's own closure is
     * analysed instead, so that the error does not blank the files it imports.
     */
    analysisOf(document: LangiumDocument): ClosureAnalysis {
        const { rootUri, members, documents } = this.locate(document);
        const analysis = this.cached(rootUri, members, documents);
        const key = document.uri.toString();
        if (!analysis.failed || rootUri === key) return analysis;
        const own = this.closures.get(key, () => closureDocuments(this.services, document));
        return this.cached(key, own.map(d => ({ uri: d.uri.toString(), root: d.parseResult.value })), own);
    }

    private cached(rootUri: string, members: Member[], documents: LangiumDocument[]): ClosureAnalysis {
        const cached = this.entries.get(rootUri);
        if (cached && sameMembers(cached.members, members)) return cached;
        const fresh = this.analyse(rootUri, members, documents, cached);
        this.entries.set(rootUri, fresh);
        cached?.retire(this.pool);
        return fresh;
    }

    viewOf(document: LangiumDocument): DocumentView {
        return new DocumentView(this.analysisOf(document), this.services.imports.Imports.closure(document));
    }

    findingsFor(document: LangiumDocument): readonly TopoDiagnostic[] {
        return this.analysisOf(document).findingsIn(document.uri.toString());
    }

    private locate(document: LangiumDocument): { rootUri: string; members: Member[]; documents: LangiumDocument[] } {
        const owners = this.ownersNow();
        const key = document.uri.toString();
        const rootUri = owners.get(key) ?? key;
        const root = rootUri === key ? document : this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(rootUri)) ?? document;
        const rootKey = root.uri.toString();
        const documents = this.closures.get(rootKey, () => closureDocuments(this.services, root));
        return { rootUri: rootKey, members: documents.map(d => ({ uri: d.uri.toString(), root: d.parseResult.value })), documents };
    }

    /**
     * Every document → the root of the largest closure that contains it. It depends only on the
     * import graph, so it is kept while no file's imports change (an ordinary edit changes none).
     */
    private ownersNow(): Map<string, string> {
        const owners = this.owners.get('owners', () => {
            const imports = this.services.imports.Imports;
            const documents = this.services.shared.workspace.LangiumDocuments.all.toArray();
            const graph = documents.map(d => `${d.uri.toString()}>${imports.importsOf(d).map(i => i.uri.toString()).join(',')}`).join('\n');
            if (this.lastGraph === graph && this.lastOwners) return this.lastOwners;
            this.lastGraph = graph;
            const closures = documents
                .map(d => ({ uri: d.uri.toString(), closure: imports.closure(d) }))
                .sort((a, b) => b.closure.size - a.closure.size || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
            const map = new Map<string, string>();
            for (const { uri, closure } of closures) {
                if (map.has(uri)) continue; // inside a larger closure
                for (const member of closure) if (!map.has(member)) map.set(member, uri);
            }
            return map;
        });
        if (owners !== this.lastOwners) {
            this.lastOwners = owners;
            const roots = new Set(owners.values());
            for (const key of [...this.entries.keys()]) if (!roots.has(key)) this.entries.delete(key);
        }
        return owners;
    }

    private analyse(rootUri: string, members: Member[], documents: LangiumDocument[], previous?: ClosureAnalysis): ClosureAnalysis {
        const started = performance.now();
        let built: BuiltModel = { model: { elements: [] }, sources: new Map() };
        let cm: CompiledModel | undefined;
        let analysis: Analysis | undefined;
        let findings: { all: readonly Finding[]; byUri: ReadonlyMap<string, TopoDiagnostic[]> } = { all: [], byUri: new Map() };
        let failed = false;
        let carried: Carried | undefined;
        let how = 'in full';
        let phases = '';
        try {
            debugThrow(`analysing ${rootUri}`);
            const changed = previous && !previous.failed ? this.changedLeaves(previous.members, members, documents) : undefined;
            const rebuilt = changed && previous ? rebuildModel(previous.built, documents, changed) : undefined;
            built = rebuilt ?? buildModel(documents);
            const t1 = performance.now();
            // rebuilt: the unchanged files' elements come first, as the same objects; their rows are copied
            cm = compileModel(built.model, { previous: rebuilt ? previous?.compiled : undefined, arrays: this.pool });
            const known = rebuilt ? previous?.known() : undefined;
            carried = known ? carryOver(known, cm) : undefined;
            const t2 = performance.now();
            analysis = new Analysis(cm, {
                pool: this.pool, previous: rebuilt ? previous?.analysisOfModel : undefined, knownAvailability: carried?.availability
            });
            const t3 = performance.now();
            const copied = cm.basis?.prefix ?? 0;
            phases = `model ${(t1 - started).toFixed(0)}, compile ${(t2 - t1).toFixed(0)}, down sets ${(t3 - t2).toFixed(0)}` +
                (copied > 0 ? `; ${copied} of ${cm.n} rows copied` : '') + carriedText(carried);
            if (rebuilt && previous && changed) {
                findings = this.refreshFindings(previous, analysis, built, changed);
                how = `for ${changed.size} edited file${changed.size === 1 ? '' : 's'}`;
            } else {
                findings = placed(analysis.findings(), built);
            }
        } catch (error) {
            logger.error(`analysing ${rootUri}`, error);
            cm = undefined;
            analysis = undefined;
            findings = { all: [], byUri: new Map() };
            failed = true;
        }
        const ms = performance.now() - started;
        if (how === 'in full') this.fullMs.set(rootUri, ms);
        logger.log(`analysed ${UriUtils.basename(URI.parse(rootUri))} with its imports: ${documents.length} file${documents.length === 1 ? '' : 's'}, ` +
            `${built.model.elements.length} elements, ${findings.all.length} findings in ${ms.toFixed(1)} ms (${how}; ${phases})`);
        return new ClosureAnalysis(rootUri, members, built, cm, analysis, findings, failed, failed ? undefined : carried);
    }

    /**
     * The files whose parse changed since `before`, when the closure is otherwise the same files in
     * the same order and none of them is imported by another file of the closure; else undefined.
     */
    private changedLeaves(before: readonly Member[], after: readonly Member[], documents: LangiumDocument[]): Set<string> | undefined {
        if (before.length !== after.length) return undefined;
        const changed = new Set<string>();
        for (let i = 0; i < after.length; i++) {
            if (before[i].uri !== after[i].uri) return undefined;
            if (before[i].root !== after[i].root) changed.add(after[i].uri);
        }
        if (changed.size === 0 || changed.size > after.length / 2) return undefined;
        const imports = this.services.imports.Imports;
        for (const document of documents) {
            for (const { uri } of imports.importsOf(document)) {
                if (changed.has(uri.toString()) && uri.toString() !== document.uri.toString()) return undefined;
            }
        }
        return changed;
    }

    /** The findings of the unchanged files as they were; those of the changed files computed now. */
    private refreshFindings(
        previous: ClosureAnalysis, analysis: Analysis, built: BuiltModel, changed: ReadonlySet<string>
    ): { all: readonly Finding[]; byUri: ReadonlyMap<string, TopoDiagnostic[]> } {
        const subjects = new Set<string>();
        for (const [name, source] of built.sources) if (changed.has(source.uri)) subjects.add(name);
        const fresh = placed(analysis.findings(subjects), built);
        const all: Finding[] = previous.findings.filter(f => !changed.has(previous.built.sources.get(f.subject)?.uri ?? ''));
        all.push(...fresh.all);
        const byUri = new Map<string, TopoDiagnostic[]>();
        for (const [uri, list] of previous.findingsByUri) if (!changed.has(uri)) byUri.set(uri, list);
        for (const [uri, list] of fresh.byUri) byUri.set(uri, [...byUri.get(uri) ?? [], ...list]);
        return { all, byUri };
    }
}

/** Findings placed in their files. */
function placed(findings: Finding[], built: BuiltModel): { all: readonly Finding[]; byUri: Map<string, TopoDiagnostic[]> } {
    const byUri = new Map<string, TopoDiagnostic[]>();
    for (const d of findingDiagnostics(findings, built.sources)) {
        const list = byUri.get(d.uri);
        if (list) list.push(d); else byUri.set(d.uri, [d]);
    }
    return { all: findings, byUri };
}

function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        if (a[i].uri !== b[i].uri || a[i].root !== b[i].root) return false;
    }
    return true;
}
