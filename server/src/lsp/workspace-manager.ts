/**
 * Loading the workspace folder at start: every `.topo` file under it, read with a clear reason
 * when it cannot be (a binary or unreadable file is left out instead of failing the whole
 * start), then everything those files import, wherever it is. The first build validates every
 * file, so the Problems panel shows the whole workspace, as `topo check` on the folder would.
 */
import { DefaultWorkspaceManager, URI, UriUtils, type BuildOptions, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { readModelFile } from '../node/read-model-file.js';
import { topoImports } from './import-loader.js';
import { logger } from './log.js';

export class TopoWorkspaceManager extends DefaultWorkspaceManager {
    private readonly shared: LangiumSharedServices;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
    }

    override initialBuildOptions: BuildOptions = { validation: true };

    /** Clients that only say `rootUri` (no workspace folders) get it as the folder. */
    override initialize(params: InitializeParams): void {
        super.initialize(params);
        if (!this.folders && params.rootUri) {
            this.folders = [{ uri: params.rootUri, name: UriUtils.basename(URI.parse(params.rootUri)) }];
        }
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const documents: LangiumDocument[] = [];
        try {
            const uris: URI[] = [];
            await Promise.all(folders.map(folder => this.traverseFolder(this.getRootFolder(folder), uris)));
            const seen = new Set<string>();
            const unique = uris.filter(uri => {
                const key = uri.toString();
                if (seen.has(key) || this.langiumDocuments.hasDocument(uri)) return false;
                seen.add(key);
                return true;
            });
            const reads = await Promise.all(unique.map(async uri => ({ uri, read: await readModelFile(uri.fsPath) })));
            const factory = this.shared.workspace.LangiumDocumentFactory;
            const problems = topoImports(this.shared)?.problems;
            for (const { uri, read } of reads) {
                if ('problem' in read) {
                    problems?.set(uri.toString(), read.problem);
                    logger.log(`${uri.fsPath} ${read.problem}; it is left out`);
                    continue;
                }
                if (this.langiumDocuments.hasDocument(uri)) continue;
                const document = factory.fromString(read.text, uri);
                this.langiumDocuments.addDocument(document);
                documents.push(document);
            }
            logger.log(`loaded ${documents.length} .topo file${documents.length === 1 ? '' : 's'} from ${folders.map(f => f.name || f.uri).join(', ') || 'no workspace folder'}`);
        } catch (error) {
            logger.error('loading the workspace folder', error);
        } finally {
            // imports outside the folder are loaded by the document builder before the first build
            this._ready.resolve();
        }
        return documents;
    }
}
