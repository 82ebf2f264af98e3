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

/** name → every declaration of it in the workspace, rebuilt once per indexing. */
export class NameIndex {
    private readonly cache: WorkspaceCache<'all', Map<string, Declaration[]>>;
    private readonly duplicates: WorkspaceCache<'all', Array<[string, Declaration[]]>>;
    private readonly indexManager: IndexManager;

    constructor(services: TopoServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.duplicates = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    private get map(): Map<string, Declaration[]> {
        return this.cache.get('all', () => {
            const map = new Map<string, Declaration[]>();
            for (const description of this.indexManager.allElements()) {
                const list = map.get(description.name);
                const entry = { uri: description.documentUri.toString(), description };
                if (list) list.push(entry); else map.set(description.name, [entry]);
            }
            return map;
        });
    }

    declarations(name: string): readonly Declaration[] {
        return this.map.get(name) ?? [];
    }

    all(): Iterable<[string, Declaration[]]> {
        return this.map.entries();
    }

    /** The names declared more than once anywhere in the workspace (usually none). */
    duplicated(): ReadonlyArray<[string, Declaration[]]> {
        return this.duplicates.get('all', () => [...this.map.entries()].filter(([, decls]) => decls.length > 1));
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
