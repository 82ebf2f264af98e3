/**
 * The editor protocol (server/src/common/protocol.ts): the model graph of a file's import closure, a
 * simulation of a failure set, the blast radius of one element, a service's cut sets (pairs), and a notification after each
 * analysed batch of changes. Each request waits until its file is validated (so the analysis of
 * the current text is used), honours cancellation, and never takes the server down.
 */
import { DocumentState, URI, isOperationCancelled, type LangiumDocument } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { readModelFile } from '../node/read-model-file.js';
import {
    BlastRadiusRequest, CutSetsRequest, ModelChangedNotification, ModelGraphRequest, SimulateRequest, type ModelChangedParams, type RequestType
} from '../common/protocol.js';
import type { TopoDocumentFactory } from './document-factory.js';
import type { TopoLspServices } from './lsp-module.js';
import { debugThrow } from './debug.js';
import { logger } from './log.js';
import { blastRadius, modelGraph, simulation } from './model-graph.js';
import { cutSets } from './cut-sets-request.js';

export function registerCustomRequests(connection: Connection, services: TopoLspServices): void {
    const shared = services.shared;
    const analysis = services.topo.Analysis;

    handle(connection, ModelGraphRequest, (params, token) =>
        answer(ModelGraphRequest.method, token, async () => {
            const document = await validated(services, params?.uri, token);
            const version = (shared.workspace.LangiumDocumentFactory as TopoDocumentFactory).parsedVersion(document);
            return modelGraph(services, document, analysis.viewOf(document), version, params?.importance === true);
        }));

    handle(connection, SimulateRequest, (params, token) =>
        answer(SimulateRequest.method, token, async () => {
            const document = await validated(services, params?.uri, token);
            const failed = Array.isArray(params.failed) ? params.failed.filter(n => typeof n === 'string') : [];
            const result = simulation(analysis.viewOf(document), failed);
            if (!result) throw new ResponseError(ErrorCodes.InternalError, 'The model could not be analysed; see the server log.');
            return result;
        }));

    handle(connection, BlastRadiusRequest, (params, token) =>
        answer(BlastRadiusRequest.method, token, async () => {
            const document = await validated(services, params?.uri, token);
            const result = blastRadius(analysis.viewOf(document), String(params.element));
            if (!result) {
                throw new ResponseError(ErrorCodes.InvalidParams,
                    `\`${params.element}\` is not declared in ${document.uri.path.split('/').pop()} or in anything it imports.`);
            }
            return result;
        }));

    handle(connection, CutSetsRequest, (params, token) =>
        answer(CutSetsRequest.method, token, async () => {
            const document = await validated(services, params?.uri, token);
            const result = cutSets(analysis.viewOf(document), String(params.service));
            if (!result) {
                throw new ResponseError(ErrorCodes.InvalidParams,
                    `\`${params.service}\` is not a service or datastore declared in ${document.uri.path.split('/').pop()} or in anything it imports.`);
            }
            return result;
        }));

    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const params: ModelChangedParams = { uris: documents.map(d => d.uri.toString()) };
        connection.sendNotification(ModelChangedNotification.method, params).catch(error => logger.error(`sending ${ModelChangedNotification.method}`, error));
    });
}

/** Registers `handler` for a request of the protocol, with its params and result typed as the protocol says. */
export function handle<P, R>(connection: Connection, type: RequestType<P, R>, handler: (params: P, token: CancellationToken) => R | ResponseError | Promise<R | ResponseError>): void {
    connection.onRequest(type.method, (params: P, token: CancellationToken) => handler(params, token));
}

async function answer<T>(what: string, token: CancellationToken, work: () => Promise<T>): Promise<T | ResponseError> {
    try {
        const result = await work();
        if (token.isCancellationRequested) return cancelled();
        return result;
    } catch (error) {
        if (isOperationCancelled(error)) return cancelled();
        if (error instanceof ResponseError) return error;
        logger.error(what, error);
        return new ResponseError(ErrorCodes.InternalError, `${what} failed: ${(error as Error)?.message ?? error}`);
    }
}

function cancelled(): ResponseError {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
}

/** The document at `uri`, validated; a file that is not loaded yet is loaded first. */
async function validated(services: TopoLspServices, uri: unknown, token: CancellationToken): Promise<LangiumDocument> {
    if (typeof uri !== 'string' || uri.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, 'Missing `uri`.');
    const shared = services.shared;
    if (token.isCancellationRequested) throw cancelled();
    await shared.workspace.WorkspaceManager.ready;
    const parsed = URI.parse(uri);
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(parsed)) {
        if (parsed.scheme === 'file') {
            const read = await readModelFile(parsed.fsPath);
            if ('problem' in read) throw new ResponseError(ErrorCodes.InvalidParams, `${parsed.fsPath} ${read.problem}.`);
        }
        await shared.workspace.WorkspaceLock.write(t => shared.workspace.DocumentBuilder.update([parsed], [], t));
        if (!documents.hasDocument(parsed)) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a .topo model the server can load.`);
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
    if (token.isCancellationRequested) throw cancelled();
    debugThrow(`request on ${uri}`);
    return documents.getDocument(parsed)!;
}
