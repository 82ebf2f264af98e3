/**
 * The VS Code client: starts the bundled language server (IPC) and stays thin. The editor
 * features (diagnostics, hovers, code lenses, …) come from the server; this adds the
 * commands, the preview and the severity settings.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { SHOW_CUT_SET_COMMAND } from '../../server/src/common/protocol.js';
import { SERVER_NODE_ARGS } from '../../server/src/common/server-node-args.js';
import { registerCommands } from './commands.js';
import { ModelService } from './model.js';
import { PREVIEW_VIEW_TYPE, PreviewManager, type PreviewViewState } from './preview.js';
import { SeverityOverrides } from './severity.js';

let client: LanguageClient | undefined;

/** What `activate` returns: for the extension-host tests. */
export interface TopoApi {
    ready: Promise<void>;
    preview: { isOpen(): boolean; lastViewState(): PreviewViewState | undefined; onDidReportViewState: vscode.Event<PreviewViewState> };
}

export async function activate(context: vscode.ExtensionContext): Promise<TopoApi> {
    const module = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } }
    };
    const severity = new SeverityOverrides();
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'topo' }, { scheme: 'untitled', language: 'topo' }],
        synchronize: {
            configurationSection: 'topo',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.topo')
        },
        // hovers link each named cut set to `topo.showCutSet`, the one command they may run
        initializationOptions: { commandLinks: true },
        markdown: { isTrusted: { enabledCommands: [SHOW_CUT_SET_COMMAND] } },
        middleware: {
            handleDiagnostics(uri, diagnostics, next) {
                next(uri, severity.apply(uri, diagnostics));
            }
        }
    };
    client = new LanguageClient('topo', 'Topo', serverOptions, clientOptions);
    const ready = client.start();
    ready.catch(err => void vscode.window.showErrorMessage(`The Topo language server did not start: ${err instanceof Error ? err.message : String(err)}`));

    const model = new ModelService(client, ready);
    const preview = new PreviewManager(context, model);
    context.subscriptions.push(model, preview);
    registerCommands(context, model, preview);
    context.subscriptions.push(
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                preview.revive(panel, state as { uri?: string } | undefined);
            }
        }),
        vscode.workspace.onDidChangeConfiguration(event => {
            if (event.affectsConfiguration('topo.severity')) severity.reapply(client?.diagnostics);
        })
    );
    void vscode.commands.executeCommand('setContext', 'topo.previewOpen', false);
    return {
        ready,
        preview: {
            isOpen: () => preview.isOpen,
            lastViewState: () => preview.lastViewState,
            onDidReportViewState: preview.onDidReportViewState
        }
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
