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
 * edit re-analyses only the maximal closures that contain the edited file.
 */
import { DocumentState, URI, UriUtils, WorkspaceCache, type AstNode, type LangiumDocument } from 'langium';
import { analyzeCompiled, compileModel, simulateCompiled, type CompiledModel, type SimulationDetails } from '../analysis/index.js';
import type { Element } from '../analysis/model.js';
import type { AnalysisResult, DomainReport, ServiceReport } from '../analysis/results.js';
import { buildModel, type BuiltModel } from '../language/build-model.js';
import { closureDocuments } from '../language/closure-model.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import type { TopoServices } from '../language/topo-module.js';
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

const EMPTY_RESULT: AnalysisResult = { services: [], domains: [], findings: [] };
/** single-failure simulations kept per closure: a hover needs one per SPOF of the service */
const SIMULATIONS_KEPT = 256;

/** The analysis of one maximal import closure. */
export class ClosureAnalysis {
    readonly elements = new Map<string, Element>();
    readonly services = new Map<string, ServiceReport>();
    readonly domains = new Map<string, DomainReport>();
    private readonly findingsByUri = new Map<string, TopoDiagnostic[]>();
    private readonly simulations = new Map<string, SimulationDetails>();
    private relationsCache?: Relations;

    constructor(
        readonly root: string,
        readonly members: readonly Member[],
        readonly built: BuiltModel,
        private readonly cm: CompiledModel | undefined,
        readonly result: AnalysisResult,
        /** the analysis threw (and was logged): everything in it is empty */
        readonly failed = false
    ) {
        for (const element of built.model.elements) if (!this.elements.has(element.name)) this.elements.set(element.name, element);
        for (const s of result.services) this.services.set(s.name, s);
        for (const d of result.domains) this.domains.set(d.name, d);
        for (const d of findingDiagnostics(result.findings, built.sources)) {
            const list = this.findingsByUri.get(d.uri);
            if (list) list.push(d); else this.findingsByUri.set(d.uri, [d]);
        }
    }

    /** The findings anchored in one file. */
    findingsIn(uri: string): readonly TopoDiagnostic[] {
        return this.findingsByUri.get(uri) ?? [];
    }

    /** The file that declares `name` (its first declaration). */
    uriOf(name: string): string | undefined {
        return this.built.sources.get(name)?.uri;
    }

    /** The state when `failed` fail, over the whole closure; single names are cached. */
    simulate(failed: readonly string[]): SimulationDetails | undefined {
        if (!this.cm) return undefined;
        if (failed.length !== 1) return simulateCompiled(this.cm, failed);
        const key = failed[0];
        let result = this.simulations.get(key);
        if (result) {
            this.simulations.delete(key); // most recently used last
        } else {
            result = simulateCompiled(this.cm, failed);
            if (this.simulations.size >= SIMULATIONS_KEPT) this.simulations.delete(this.simulations.keys().next().value!);
        }
        this.simulations.set(key, result);
        return result;
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

    constructor(private readonly services: TopoServices) {
        this.owners = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.closures = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
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
        const fresh = this.analyse(rootUri, members, documents);
        this.entries.set(rootUri, fresh);
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

    /** Every document → the root of the largest closure that contains it. */
    private ownersNow(): Map<string, string> {
        const owners = this.owners.get('owners', () => {
            const imports = this.services.imports.Imports;
            const closures = this.services.shared.workspace.LangiumDocuments.all
                .map(d => ({ uri: d.uri.toString(), closure: imports.closure(d) }))
                .toArray()
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

    private analyse(rootUri: string, members: Member[], documents: LangiumDocument[]): ClosureAnalysis {
        const started = performance.now();
        let built: BuiltModel = { model: { elements: [] }, sources: new Map() };
        let cm: CompiledModel | undefined;
        let result = EMPTY_RESULT;
        let failed = false;
        try {
            debugThrow(`analysing ${rootUri}`);
            built = buildModel(documents);
            cm = compileModel(built.model);
            result = analyzeCompiled(cm);
        } catch (error) {
            logger.error(`analysing ${rootUri}`, error);
            cm = undefined;
            result = EMPTY_RESULT;
            failed = true;
        }
        const ms = performance.now() - started;
        logger.log(`analysed ${UriUtils.basename(URI.parse(rootUri))} with its imports: ${documents.length} file${documents.length === 1 ? '' : 's'}, ` +
            `${built.model.elements.length} elements, ${result.findings.length} findings in ${ms.toFixed(1)} ms`);
        return new ClosureAnalysis(rootUri, members, built, cm, result, failed);
    }
}

function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        if (a[i].uri !== b[i].uri || a[i].root !== b[i].root) return false;
    }
    return true;
}
