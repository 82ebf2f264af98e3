/**
 * Starting the topo language server on a connection: Langium's `startLanguageServer` with topo's
 * services, plus what Langium does not do by itself — the document version on every publish of
 * diagnostics, re-publishing when the severities change, the custom requests, and a log that
 * never lets an error take the server down.
 */
import { DocumentState, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { Connection, PublishDiagnosticsParams, Range } from 'vscode-languageserver';
import { SECTION } from './configuration.js';
import { registerCustomRequests } from './custom-requests.js';
import { registerDebugRequests } from './debug.js';
import type { TopoDocumentBuilder } from './document-builder.js';
import type { TopoDocumentFactory } from './document-factory.js';
import { createTopoLanguageServerServices, type TopoLspServices } from './lsp-module.js';
import { logger, setLogSink } from './log.js';

export function startTopoLanguageServer(connection: Connection): TopoLspServices {
    setLogSink({ log: m => connection.console.log(m), error: m => connection.console.error(m) });
    process.on('uncaughtException', error => logger.error('unexpected error', error));
    process.on('unhandledRejection', error => logger.error('unexpected rejection', error));

    const { shared, Topo } = createTopoLanguageServerServices({ connection, ...NodeFileSystem });
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory as TopoDocumentFactory;

    // every publish says which version of the text it describes (Langium's publisher does not);
    // a file whose diagnostics did not change is not sent again (an edit re-validates every
    // importer, and in a large workspace most of them keep their findings)
    const send = connection.sendDiagnostics.bind(connection);
    const sent = new Map<string, PublishDiagnosticsParams>();
    connection.sendDiagnostics = async (params: PublishDiagnosticsParams) => {
        if (params.version === undefined) {
            const document = documents.getDocument(URI.parse(params.uri));
            const version = document ? factory.parsedVersion(document) : undefined;
            if (version !== undefined) params = { ...params, version };
        }
        const previous = sent.get(params.uri);
        if (previous && samePublish(previous, params)) return;
        sent.set(params.uri, { ...params, diagnostics: [...params.diagnostics] }); // Langium may append to its array later
        return send(params);
    };

    // new severities: validate again (the analysis is cached, so this only re-places findings)
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== SECTION) return;
        const builder = shared.workspace.DocumentBuilder as TopoDocumentBuilder;
        shared.workspace.WorkspaceLock.write(token => builder.revalidateAll(token))
            .catch(error => logger.error('re-validating after a change of settings', error));
    });

    registerCustomRequests(connection, Topo);
    registerDebugRequests(connection);
    startLanguageServer(shared, {
        // hovers read the analysis, which is computed when a document is validated
        HoverProvider: DocumentState.Validated
    });
    return Topo;
}

/** Whether two publishes say the same: version, places, severities, codes, messages, related places. */
function samePublish(a: PublishDiagnosticsParams, b: PublishDiagnosticsParams): boolean {
    if (a.version !== b.version || a.diagnostics.length !== b.diagnostics.length) return false;
    for (let i = 0; i < a.diagnostics.length; i++) {
        const x = a.diagnostics[i];
        const y = b.diagnostics[i];
        if (x.message !== y.message || x.severity !== y.severity || x.code !== y.code || !sameRange(x.range, y.range)) return false;
        const rx = x.relatedInformation ?? [];
        const ry = y.relatedInformation ?? [];
        if (rx.length !== ry.length) return false;
        for (let j = 0; j < rx.length; j++) {
            if (rx[j].message !== ry[j].message || rx[j].location.uri !== ry[j].location.uri || !sameRange(rx[j].location.range, ry[j].location.range)) return false;
        }
    }
    return true;
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
