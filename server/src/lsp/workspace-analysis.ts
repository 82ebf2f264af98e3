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
import { DocumentState, URI, UriUtils, WorkspaceCache, type LangiumDocument } from 'langium';
import { Analysis, applyAcceptances, BufferPool, compileModel, drillFindings, type CompiledModel } from '../analysis/index.js';
import { localDate } from '../common/format.js';
import type { Finding } from '../analysis/results.js';
import { buildModel, rebuildModel, type BuiltModel } from '../language/build-model.js';
import { closureDocuments } from '../language/closure-model.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import type { TopoServices } from '../language/topo-module.js';
import { carriedText, carryOver, type Carried } from './carry-over.js';
import { ClosureAnalysis, type Member, type PlacedFindings } from './closure-analysis.js';
import { debugThrow } from './debug.js';
import { DocumentView } from './document-view.js';
import { logger } from './log.js';

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
        let findings: PlacedFindings = { all: [], byUri: new Map() };
        let failed = false;
        let carried: Carried | undefined;
        let how = 'in full';
        let phases = '';
        try {
            debugThrow(`analysing ${rootUri}`);
            const changed = previous && !previous.failed ? this.changedLeaves(previous.members, members, documents) : undefined;
            const rebuilt = changed && previous ? rebuildModel(previous.built, documents, changed) : undefined;
            // the root's elements last: the file a user edits is a closure's root (nothing imports it)
            built = rebuilt ?? buildModel(documents, { last: rootUri });
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
            findings = withModelStatements(findings, built, cm);
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
    ): PlacedFindings {
        const subjects = new Set<string>();
        for (const [name, source] of built.sources) if (changed.has(source.uri)) subjects.add(name);
        const fresh = placed(analysis.findings(subjects), built);
        const all: Finding[] = previous.rawFindings.filter(f => !changed.has(previous.built.sources.get(f.subject)?.uri ?? ''));
        all.push(...fresh.all);
        const byUri = new Map<string, TopoDiagnostic[]>();
        for (const [uri, list] of previous.rawByUri) if (!changed.has(uri)) byUri.set(uri, list);
        for (const [uri, list] of fresh.byUri) byUri.set(uri, [...byUri.get(uri) ?? [], ...list]);
        return { all, byUri };
    }
}

/**
 * The analysis's findings with what the model's own statements add: `accept` (as of today's date
 * where the server runs). A model without them keeps the findings as they are (and an edit
 * places only the edited files' findings again).
 */
function withModelStatements(raw: PlacedFindings, built: BuiltModel, cm: CompiledModel): PlacedFindings {
    const drills = built.model.drills ?? [];
    if (drills.length === 0 && !built.model.elements.some(e => e.accepts?.length)) return raw;
    const all = drills.length > 0 ? [...raw.all, ...drillFindings(cm, drills)] : raw.all;
    const final = placed(applyAcceptances(all, built.model, localDate(new Date())), built);
    return { ...final, raw: raw.raw ?? raw };
}

/** Findings placed in their files. */
function placed(findings: readonly Finding[], built: BuiltModel): { all: readonly Finding[]; byUri: Map<string, TopoDiagnostic[]> } {
    const byUri = new Map<string, TopoDiagnostic[]>();
    for (const d of findingDiagnostics(findings, built.sources, built.drills)) {
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
