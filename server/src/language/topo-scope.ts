/**
 * Scoping through an index. Every element is a top-level, exported name; a reference resolves
 * by one map lookup in the workspace-wide name index, keeping only declarations inside the
 * referencing document's import closure. (Langium's default also scans each document's local
 * symbols per lookup, which is quadratic in the size of a file.)
 */
import { AstUtils,
    DefaultScopeComputation, DocumentState, EMPTY_STREAM, MultiMap, WorkspaceCache, stream,
    type AstNodeDescription, type IndexManager, type LangiumDocument, type LocalSymbols, type ReferenceInfo,
    type Scope, type ScopeProvider, type Stream
} from 'langium';
import type { TopoServices } from './topo-module.js';
import type { TopoImports } from './topo-imports.js';

/** Top-level elements are exported (the default); nothing is local, so no per-lookup scan. */
export class TopoScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
    }
}

interface Declaration { uri: string; description: AstNodeDescription }

/**
 * name → every declaration of it in the workspace, brought up to date once per indexing: only
 * the files whose exported names changed are taken out and put in again (an edit of one file
 * does not rebuild an entry per name of the workspace). A name's declarations are in the order
 * of the index's files, then of the declarations in a file, as a rebuild would have them.
 */
export class NameIndex {
    private readonly current: WorkspaceCache<'all', Map<string, Declaration[]>>;
    private readonly indexManager: IndexManager;
    private readonly map = new Map<string, Declaration[]>();
    /** the names declared more than once */
    private readonly dupes = new Set<string>();
    /** uri → the descriptions the map holds for it (as the index manager gave them) */
    private files = new Map<string, readonly AstNodeDescription[]>();
    private duplicatesCache?: Array<[string, Declaration[]]>;

    constructor(services: TopoServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.current = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    private get names(): Map<string, Declaration[]> {
        return this.current.get('all', () => {
            this.update();
            return this.map;
        });
    }

    declarations(name: string): readonly Declaration[] {
        return this.names.get(name) ?? [];
    }

    all(): Iterable<[string, Declaration[]]> {
        return this.names.entries();
    }

    /** The names declared more than once anywhere in the workspace (usually none), in the order of their first declarations. */
    duplicated(): ReadonlyArray<[string, Declaration[]]> {
        const map = this.names;
        if (this.duplicatesCache) return this.duplicatesCache;
        const order = new Map([...this.files.keys()].map((uri, i) => [uri, i]));
        const first = (decls: Declaration[]) => [order.get(decls[0].uri) ?? 0, this.files.get(decls[0].uri)?.indexOf(decls[0].description) ?? 0];
        const list = [...this.dupes].map(name => [name, map.get(name)!] as [string, Declaration[]]).map(entry => ({ entry, at: first(entry[1]) }));
        list.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
        this.duplicatesCache = list.map(x => x.entry);
        return this.duplicatesCache;
    }

    /** Takes in what changed in the index manager since the last time. */
    private update(): void {
        this.duplicatesCache = undefined;
        const now = this.byFile();
        const before = [...this.files.keys()];
        const after = [...now.keys()];
        const sameFiles = before.length === after.length && before.every((uri, i) => uri === after[i]);
        if (!sameFiles) {
            this.map.clear();
            this.dupes.clear();
            this.files = new Map();
            for (const [uri, descriptions] of now) this.add(uri, descriptions, undefined);
            this.files = now;
            return;
        }
        const order = new Map(after.map((uri, i) => [uri, i]));
        for (const [uri, descriptions] of now) {
            const old = this.files.get(uri);
            if (old === descriptions) continue;
            if (old) this.remove(uri, old);
            this.add(uri, descriptions, order);
        }
        this.files = now;
    }

    /** The index manager's descriptions by file, in its order. */
    private byFile(): Map<string, readonly AstNodeDescription[]> {
        const symbols = (this.indexManager as unknown as { symbolIndex?: unknown }).symbolIndex;
        if (symbols instanceof Map) return new Map(symbols as Map<string, AstNodeDescription[]>);
        // another index manager: by the documents of its descriptions, in its order
        const files = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements()) {
            const uri = description.documentUri.toString();
            const list = files.get(uri);
            if (list) list.push(description); else files.set(uri, [description]);
        }
        return files;
    }

    /** `order`: the files' positions, to put a name's declarations in order (undefined: they arrive in order). */
    private add(uri: string, descriptions: readonly AstNodeDescription[], order: Map<string, number> | undefined): void {
        for (const description of descriptions) {
            const entry = { uri, description };
            const list = this.map.get(description.name);
            if (!list) {
                this.map.set(description.name, [entry]);
                continue;
            }
            list.push(entry);
            this.dupes.add(description.name);
            if (order) list.sort((a, b) => order.get(a.uri)! - order.get(b.uri)!); // stable: a file's own stay in order
        }
    }

    private remove(uri: string, descriptions: readonly AstNodeDescription[]): void {
        for (const description of descriptions) {
            const list = this.map.get(description.name);
            if (!list) continue;
            const kept = list.filter(d => d.uri !== uri);
            if (kept.length === 0) this.map.delete(description.name);
            else this.map.set(description.name, kept);
            if (kept.length < 2) this.dupes.delete(description.name);
        }
    }
}

export class ClosureScope implements Scope {
    constructor(private readonly index: NameIndex, private readonly closure: ReadonlySet<string>) {}

    getElement(name: string): AstNodeDescription | undefined {
        for (const d of this.index.declarations(name)) {
            if (this.closure.has(d.uri)) return d.description;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.index.declarations(name).filter(d => this.closure.has(d.uri));
        return found.length === 0 ? EMPTY_STREAM : stream(found.map(d => d.description));
    }

    getAllElements(): Stream<AstNodeDescription> {
        const closure = this.closure;
        return stream(this.index.all())
            .flatMap(([, decls]) => decls)
            .filter(d => closure.has(d.uri))
            .map(d => d.description);
    }
}

export class TopoScopeProvider implements ScopeProvider {
    private readonly imports: TopoImports;
    private readonly index: NameIndex;

    constructor(services: TopoServices) {
        this.imports = services.imports.Imports;
        this.index = services.imports.NameIndex;
    }

    getScope(context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        return new ClosureScope(this.index, this.imports.closure(document));
    }
}
