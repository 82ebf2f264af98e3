/**
 * The client's side of the custom protocol (server/src/common/protocol.ts): the model graph of a
 * file's import closure, simulations, blast radii, and the server's "models changed"
 * notification. Everything the commands and the preview ask the server goes through here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    BlastRadiusRequest, CutSetsRequest, ModelChangedNotification, ModelGraphRequest, SimulateRequest,
    type BlastRadius, type CutSetsResult, type GraphElement, type ModelChangedParams, type ModelGraph, type RequestType, type SimulationResult
} from '../../server/src/common/protocol.js';

export class ModelService implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<string[]>();
    /** Fires with the URIs (as strings) whose model changed. */
    readonly onDidChange = this.changed.event;
    private readonly disposables: vscode.Disposable[] = [this.changed];

    constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {
        void ready.then(() => {
            this.disposables.push(client.onNotification(ModelChangedNotification.method, (params: ModelChangedParams) => this.changed.fire(params.uris)));
        }, () => undefined);
    }

    private uriOf(uri: vscode.Uri): string {
        return this.client.code2ProtocolConverter.asUri(uri);
    }

    /** Sends a request of the protocol once the server is ready; params and result typed as the protocol says. */
    private async send<P, R>(type: RequestType<P, R>, params: P): Promise<R> {
        await this.ready;
        return await this.client.sendRequest<R>(type.method, params);
    }

    /** `importance`: with each failure domain's importance measures (the heat map asked for them) */
    graph(uri: vscode.Uri, importance = false): Promise<ModelGraph> {
        return this.send(ModelGraphRequest, { uri: this.uriOf(uri), ...(importance ? { importance } : {}) });
    }

    simulate(uri: vscode.Uri, failed: string[]): Promise<SimulationResult> {
        return this.send(SimulateRequest, { uri: this.uriOf(uri), failed });
    }

    blastRadius(uri: vscode.Uri, element: string): Promise<BlastRadius> {
        return this.send(BlastRadiusRequest, { uri: this.uriOf(uri), element });
    }

    /** A service's cut sets of at most two failure domains. */
    cutSets(uri: vscode.Uri, service: string): Promise<CutSetsResult> {
        return this.send(CutSetsRequest, { uri: this.uriOf(uri), service });
    }

    /** The protocol URI of a graph element as a vscode.Uri. */
    elementUri(element: GraphElement): vscode.Uri {
        return this.client.protocol2CodeConverter.asUri(element.uri);
    }

    dispose(): void {
        for (const d of this.disposables) d.dispose();
    }
}

/** Does the URI the server sent (`protocolUri`) name the file `uri`? */
export function sameUri(protocolUri: string, uri: vscode.Uri): boolean {
    if (protocolUri === uri.toString()) return true;
    try {
        return vscode.Uri.parse(protocolUri).toString() === uri.toString();
    } catch {
        return false;
    }
}

/**
 * The element a cursor is on: the element named by the word under it, else the element whose
 * declaration it is inside (the last one declared in that file before it).
 */
export function elementAt(graph: ModelGraph, document: vscode.TextDocument, position: vscode.Position, sameFile: (uri: string) => boolean): GraphElement | undefined {
    const wordRange = document.getWordRangeAtPosition(position, /[A-Za-z][A-Za-z0-9_-]*/);
    if (wordRange) {
        const word = document.getText(wordRange);
        const named = graph.elements.find(e => e.name === word);
        if (named) return named;
    }
    let best: GraphElement | undefined;
    for (const e of graph.elements) {
        if (!sameFile(e.uri)) continue;
        const start = e.range.start;
        if (start.line < position.line || (start.line === position.line && start.character <= position.character)) {
            if (!best || start.line > best.range.start.line || (start.line === best.range.start.line && start.character > best.range.start.character)) best = e;
        }
    }
    return best;
}
