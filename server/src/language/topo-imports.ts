/**
 * Imports: where an `import` points, and the import closure of a document (the file plus
 * everything it imports, transitively) — the model that file sees.
 *
 * Loading the files is someone else's job (the CLI's loader, the language server's workspace);
 * they record here why an import target could not be loaded, and the validator reports it.
 */
import { DocumentState, UriUtils, WorkspaceCache, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { isModel, type Import } from '../generated/ast.js';

export class TopoImports {
    private readonly documents: LangiumDocuments;
    private readonly closures: WorkspaceCache<string, ReadonlySet<string>>;
    /** resolved URI (as string) → why it could not be loaded ("does not exist", …) */
    readonly problems = new Map<string, string>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /**
     * The file an `import` names, relative to the importing document. A lone surrogate (an editor
     * buffer may hold one) cannot be percent-encoded: it becomes U+FFFD, so the import names a
     * file that does not exist instead of making every use of the URI throw.
     */
    resolve(importing: URI, path: string): URI {
        return UriUtils.resolvePath(UriUtils.dirname(importing), path.replace(/\p{Cs}/gu, '\uFFFD'));
    }

    importsOf(document: LangiumDocument): Array<{ node: Import; uri: URI }> {
        const root = document.parseResult.value;
        if (!isModel(root)) return [];
        return root.imports
            .filter(imp => typeof imp.path === 'string')
            .map(imp => ({ node: imp, uri: this.resolve(document.uri, imp.path) }));
    }

    /** URIs (as strings) of the document and everything it imports, transitively, among loaded documents. */
    closure(document: LangiumDocument): ReadonlySet<string> {
        const key = document.uri.toString();
        return this.closures.get(key, () => this.computeClosure(document));
    }

    private computeClosure(start: LangiumDocument): ReadonlySet<string> {
        const seen = new Set<string>([start.uri.toString()]);
        const queue: LangiumDocument[] = [start];
        while (queue.length > 0) {
            const doc = queue.pop()!;
            for (const { uri } of this.importsOf(doc)) {
                const key = uri.toString();
                if (seen.has(key) || !this.documents.hasDocument(uri)) continue;
                seen.add(key);
                queue.push(this.documents.getDocument(uri)!);
            }
        }
        return seen;
    }
}
