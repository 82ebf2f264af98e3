/**
 * Imports in the editor. Langium loads the workspace folder's `.topo` files at start; an import
 * can point anywhere else (outside the folder, or at a file created later). Before every build
 * the documents being built are parsed and every import target that is not loaded yet is read
 * from disk and built with them — or, when it cannot be read, the reason is recorded for the
 * validator to show on the `import` ("is a directory, not a file", "is not UTF-8 text", …).
 */
import { DocumentState, interruptAndCheck, isOperationCancelled, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { readModelFile } from '../node/read-model-file.js';
import type { TopoImports } from '../language/topo-imports.js';
import type { TopoServices } from '../language/topo-module.js';
import { logger } from './log.js';

export function topoImports(shared: LangiumSharedServices): TopoImports | undefined {
    const language = shared.ServiceRegistry.all[0] as TopoServices | undefined;
    return language?.imports?.Imports;
}

export class ImportLoader {
    constructor(private readonly shared: LangiumSharedServices) {}

    /**
     * Parses `documents` (those not parsed yet) and loads what they import, transitively.
     * Returns the documents to build: the given ones that could be read, plus the loaded imports.
     */
    async withImports(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<LangiumDocument[]> {
        const imports = topoImports(this.shared);
        if (!imports) return documents;
        const langiumDocuments = this.shared.workspace.LangiumDocuments;
        const result: LangiumDocument[] = [];
        const queue = [...documents];
        const tried = new Set<string>();
        for (let next = 0; next < queue.length; next++) {
            const document = queue[next];
            if (document.state < DocumentState.Parsed) {
                await interruptAndCheck(cancelToken);
                if (!await this.parse(document, imports, cancelToken)) continue;
            }
            imports.problems.delete(document.uri.toString());
            result.push(document);
            for (const { uri } of imports.importsOf(document)) {
                const key = uri.toString();
                if (tried.has(key) || langiumDocuments.hasDocument(uri)) continue;
                tried.add(key);
                const loaded = await this.load(uri, imports);
                if (loaded) queue.push(loaded);
            }
        }
        return result;
    }

    /** Reads one import target; records why when it cannot be a model. */
    async load(uri: URI, imports: TopoImports): Promise<LangiumDocument | undefined> {
        const key = uri.toString();
        if (uri.scheme !== 'file') return undefined;
        if (!this.shared.ServiceRegistry.hasServices(uri)) {
            imports.problems.set(key, 'is not a .topo file');
            return undefined;
        }
        const read = await readModelFile(uri.fsPath);
        if ('problem' in read) {
            imports.problems.set(key, read.problem);
            return undefined;
        }
        const langiumDocuments = this.shared.workspace.LangiumDocuments;
        if (langiumDocuments.hasDocument(uri)) return undefined; // loaded meanwhile
        imports.problems.delete(key);
        const document = this.shared.workspace.LangiumDocumentFactory.fromString(read.text, uri);
        langiumDocuments.addDocument(document);
        return document;
    }

    private async parse(document: LangiumDocument, imports: TopoImports, cancelToken: CancellationToken): Promise<boolean> {
        try {
            await this.shared.workspace.LangiumDocumentFactory.update(document, cancelToken);
            document.state = DocumentState.Parsed;
            return true;
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            // the file vanished or cannot be read: drop it, so that importers say why
            const read = document.uri.scheme === 'file' ? await readModelFile(document.uri.fsPath) : undefined;
            const problem = read && 'problem' in read ? read.problem : `cannot be read (${(error as Error)?.message ?? error})`;
            logger.log(`${document.uri.toString()} ${problem}; it is left out`);
            imports.problems.set(document.uri.toString(), problem);
            this.shared.workspace.LangiumDocuments.deleteDocument(document.uri);
            this.shared.workspace.IndexManager.remove(document.uri);
            return false;
        }
    }
}
