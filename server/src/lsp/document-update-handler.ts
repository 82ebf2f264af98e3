/**
 * File events the editor reports. Closing a file without saving leaves the model with text that
 * is not on disk: rebuild it from disk then (Langium's default only reacts to opens, changes and
 * saves). A topo.json created, changed or deleted changes severities: validate every document
 * again at once, not at the next edit.
 */
import { URI, type LangiumSharedCoreServices, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../node/topo-config.js';
import type { TopoConfigurationProvider } from './configuration.js';
import type { TopoDocumentBuilder } from './document-builder.js';
import { logger } from './log.js';

export class TopoDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedCoreServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configFiles = params.changes.map(c => URI.parse(c.uri)).filter(isConfigFile);
        const others = params.changes.filter(c => !isConfigFile(URI.parse(c.uri)));
        if (others.length > 0) super.didChangeWatchedFiles({ changes: others });
        if (configFiles.length === 0) return;
        const config = this.shared.workspace.ConfigurationProvider as TopoConfigurationProvider;
        for (const uri of configFiles) config.forgetConfigFile(uri.fsPath);
        const builder = this.shared.workspace.DocumentBuilder as TopoDocumentBuilder;
        this.workspaceManager.ready
            .then(() => this.shared.workspace.WorkspaceLock.write(token => builder.revalidateAll(token)))
            .catch(error => logger.error(`re-validating after a change of ${CONFIG_FILE_NAME}`, error));
    }
}

function isConfigFile(uri: URI): boolean {
    return uri.scheme === 'file' && uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}
