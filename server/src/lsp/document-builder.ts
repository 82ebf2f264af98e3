/**
 * Builds in the editor follow imports:
 * - a document is rebuilt when anything in its import closure changed (Langium's default only
 *   relinks documents that reference a changed one, which misses e.g. a new duplicate name or
 *   an import target that appeared), so every open file that imports an edited one gets new
 *   findings;
 * - before a build, import targets that are not loaded are read from disk and built too;
 * - a changed file that cannot be read any more is dropped (its importers say why).
 */
import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken } from 'vscode-languageserver';
import { readModelFile } from '../node/read-model-file.js';
import { ImportLoader, topoImports } from './import-loader.js';

export class TopoDocumentBuilder extends DefaultDocumentBuilder {
    private readonly loader: ImportLoader;
    private readonly shared: LangiumSharedServices;
    private affected?: { changed: Set<string>; importers: Set<string> };

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
        this.loader = new ImportLoader(shared);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const stillChanged: URI[] = [];
        const gone: URI[] = [...deleted];
        this.forgetProblems(deleted);
        for (const uri of changed) {
            if (await this.becameUnreadable(uri)) gone.push(uri);
            else stillChanged.push(uri);
        }
        await super.update(stillChanged, gone, cancelToken);
    }

    /** Validates every document again (after a change of settings), finishing any interrupted build too. */
    async revalidateAll(cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        const documents = this.langiumDocuments.all.toArray();
        for (const document of documents) {
            if (document.state >= DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
            this.buildState.delete(document.uri.toString());
        }
        this.currentState = DocumentState.Changed;
        await this.buildDocuments(documents, this.updateBuildOptions, cancelToken);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const withImports = await this.loader.withImports(documents, cancelToken);
        await super.buildDocuments(withImports, options, cancelToken);
    }

    /**
     * A document's references resolve within its import closure only, so it needs relinking exactly
     * when it imports a changed document, directly or not (a missing import target that appears is
     * a changed document too). Langium's default also walks every reference of every document on
     * each edit (13 ms per keystroke in a 10,000-service workspace) to find the same answer.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return this.importersOf(changedUris).has(document.uri.toString());
    }

    /** Every document that imports one of `changedUris`, directly or transitively (computed once per update). */
    private importersOf(changedUris: Set<string>): Set<string> {
        if (this.affected?.changed === changedUris) return this.affected.importers;
        const imports = topoImports(this.shared);
        const importedBy = new Map<string, string[]>();
        if (imports) {
            for (const document of this.langiumDocuments.all) {
                const key = document.uri.toString();
                if (changedUris.has(key)) continue; // rebuilt anyway
                for (const { uri } of imports.importsOf(document)) {
                    const target = uri.toString();
                    const list = importedBy.get(target);
                    if (list) list.push(key); else importedBy.set(target, [key]);
                }
            }
        }
        const importers = new Set<string>();
        const queue = [...changedUris];
        while (queue.length > 0) {
            for (const importer of importedBy.get(queue.pop()!) ?? []) {
                if (importers.has(importer)) continue;
                importers.add(importer);
                queue.push(importer);
            }
        }
        this.affected = { changed: changedUris, importers };
        return importers;
    }

    /** A deleted file (or folder) is reported as "does not exist" from now on. */
    private forgetProblems(deleted: URI[]): void {
        const problems = topoImports(this.shared)?.problems;
        if (!problems || deleted.length === 0) return;
        for (const uri of deleted) {
            const key = uri.toString();
            for (const known of [...problems.keys()]) {
                if (known === key || known.startsWith(`${key}/`)) problems.delete(known);
            }
        }
    }

    /** A loaded file, not open in the editor, that changed on disk into something that is not a model. */
    private async becameUnreadable(uri: URI): Promise<boolean> {
        if (uri.scheme !== 'file' || !this.langiumDocuments.hasDocument(uri) || this.textDocuments?.get(uri.toString())) return false;
        const read = await readModelFile(uri.fsPath);
        if (!('problem' in read)) return false;
        topoImports(this.shared)?.problems.set(uri.toString(), read.problem);
        return true;
    }
}
