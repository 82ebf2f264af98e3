/**
 * The preview panel: one webview showing the dependency graph of a `.topo` file's import
 * closure. It follows the active editor (setting), updates live on every analysed edit,
 * highlights the element under the cursor, shows simulations, reveals definitions on click,
 * shows the editor's hover text for a node, exports SVG, and is restored after a reload.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FromPreview, ModelGraph, SimulationResult, ToPreview } from '../../server/src/common/protocol.js';
import { elementAt, sameUri, type ModelService } from './model.js';
import { makeNonce, previewHtml } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'topo.preview';

/** What the webview keeps with `setState` (and VS Code hands back on restore). */
interface WebviewState { uri?: string }

export interface PreviewViewState {
    uri: string;
    zoom: number;
    rendered?: { generation: number; nodes: number; edges: number; stale: boolean };
}

export class PreviewManager implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private uri: vscode.Uri | undefined;
    private ready = false;
    private graph: ModelGraph | undefined;
    private readonly simulations = new Map<string, SimulationResult>();
    private highlighted: string | null = null;
    /** the element whose neighbourhood the preview shows (topo.previewFocus), sent again after a reload */
    private focused: string | null = null;
    private refreshing = false;
    /** the heat map shows an importance measure: ask for the graph with it */
    private importance = false;
    private refreshAgain = false;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private svgWaiters: ((svg: string) => void)[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    private panelDisposables: vscode.Disposable[] = [];
    /** The last state the webview reported (for tests and for the restore path). */
    lastViewState: PreviewViewState | undefined;
    private readonly viewStateEmitter = new vscode.EventEmitter<PreviewViewState>();
    readonly onDidReportViewState = this.viewStateEmitter.event;

    constructor(private readonly context: vscode.ExtensionContext, private readonly model: ModelService) {
        this.disposables.push(
            this.viewStateEmitter,
            model.onDidChange(uris => {
                if (this.uri && (uris.length === 0 || uris.some(u => sameUri(u, this.uri!)))) this.scheduleRefresh(0);
            }),
            // Without a notification from the server (or before it comes), refresh after typing stops.
            vscode.workspace.onDidChangeTextDocument(event => {
                if (this.panel && event.document.languageId === 'topo' && event.contentChanges.length > 0) this.scheduleRefresh(350);
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (this.panel && document.languageId === 'topo') this.scheduleRefresh(50);
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!this.panel || !editor || editor.document.languageId !== 'topo') return;
                if (!vscode.workspace.getConfiguration('topo.preview').get<boolean>('followActiveEditor', true)) return;
                if (this.uri?.toString() === editor.document.uri.toString()) return;
                this.setUri(editor.document.uri);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.onSelection(event)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('topo.preview.layoutDirection')) void this.postGraph();
            })
        );
    }

    get isOpen(): boolean {
        return this.panel !== undefined;
    }

    get currentUri(): vscode.Uri | undefined {
        return this.uri;
    }

    get currentGraph(): ModelGraph | undefined {
        return this.graph;
    }

    /** Opens (or reveals) the preview for a file. */
    show(uri: vscode.Uri, column: vscode.ViewColumn, preserveFocus = false): void {
        if (this.panel) {
            this.panel.reveal(column, preserveFocus);
            if (this.uri?.toString() !== uri.toString()) this.setUri(uri);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title(uri), { viewColumn: column, preserveFocus }, this.webviewOptions());
        this.attach(panel, uri);
    }

    /** Shows the preview of `uri`: revealed where it is when open (without the focus), else opened beside. */
    showBeside(uri: vscode.Uri): void {
        this.show(uri, this.panel?.viewColumn ?? vscode.ViewColumn.Beside, true);
    }

    /** Restores a preview after a reload (WebviewPanelSerializer). */
    revive(panel: vscode.WebviewPanel, state: WebviewState | undefined): void {
        let uri: vscode.Uri | undefined;
        try {
            if (state?.uri) uri = vscode.Uri.parse(state.uri, true);
        } catch {
            uri = undefined;
        }
        uri ??= vscode.window.activeTextEditor?.document.languageId === 'topo' ? vscode.window.activeTextEditor.document.uri : undefined;
        if (this.panel) {
            // Only one preview at a time: the restored one replaces it.
            this.panel.dispose();
        }
        panel.webview.options = this.webviewOptions();
        this.attach(panel, uri);
    }

    private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'out')]
        };
    }

    private attach(panel: vscode.WebviewPanel, uri: vscode.Uri | undefined): void {
        this.panel = panel;
        this.uri = uri;
        this.ready = false;
        this.graph = undefined;
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'images', 'icon.svg');
        if (uri) panel.title = title(uri);
        const webview = panel.webview;
        const asUri = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...parts)).toString();
        webview.html = previewHtml({
            cspSource: webview.cspSource,
            nonce: makeNonce(n => crypto.randomBytes(n)),
            scriptUri: asUri('out', 'preview.js'),
            styleUri: asUri('out', 'preview.css')
        });
        this.panelDisposables.push(
            webview.onDidReceiveMessage((message: FromPreview) => void this.onMessage(message)),
            panel.onDidChangeViewState(() => void vscode.commands.executeCommand('setContext', 'topo.previewFocus', panel.active)),
            panel.onDidDispose(() => {
                if (this.panel !== panel) return;
                this.panel = undefined;
                this.ready = false;
                for (const d of this.panelDisposables) d.dispose();
                this.panelDisposables = [];
                void vscode.commands.executeCommand('setContext', 'topo.previewOpen', false);
                void vscode.commands.executeCommand('setContext', 'topo.previewFocus', false);
            })
        );
        void vscode.commands.executeCommand('setContext', 'topo.previewOpen', true);
    }

    private setUri(uri: vscode.Uri): void {
        this.uri = uri;
        this.graph = undefined;
        this.highlighted = null;
        this.focused = null;
        if (this.panel) this.panel.title = title(uri);
        void this.postGraph().then(() => {
            this.postSimulation();
            if (this.focused !== null) this.post({ type: 'focus', name: this.focused });
        });
    }

    /** Shows the neighbourhood of `name` in `uri`'s preview (opened beside when closed), or the whole graph (null). */
    focus(uri: vscode.Uri, name: string | null): void {
        const same = this.panel !== undefined && this.uri?.toString() === uri.toString();
        this.show(uri, vscode.ViewColumn.Beside, true);
        this.focused = name;
        if (same) this.post({ type: 'focus', name });
    }

    // ------------------------------------------------------------ messages

    private post(message: ToPreview): void {
        if (this.panel && this.ready) void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: FromPreview): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.importance = false;
                await this.postGraph();
                this.postSimulation();
                if (this.highlighted !== null) this.post({ type: 'highlight', name: this.highlighted });
                if (this.focused !== null) this.post({ type: 'focus', name: this.focused });
                break;
            case 'reveal':
                await this.reveal(message.name);
                break;
            case 'hoverRequest':
                await this.sendHover(message.name);
                break;
            case 'simulate':
                if (!this.uri) break;
                if (message.names.length === 0) this.setSimulation(this.uri, null);
                else await vscode.commands.executeCommand('topo.simulateFailure', this.uri, message.names, { fromPreview: true });
                break;
            case 'exportSvg':
                await this.receiveSvg(message.svg);
                break;
            case 'cutSetsRequest':
                await this.sendCutSets(message.name);
                break;
            case 'viewState':
                this.lastViewState = message.state as PreviewViewState;
                this.viewStateEmitter.fire(this.lastViewState);
                break;
            case 'importance':
                if (this.importance === message.on) break;
                this.importance = message.on;
                if (message.on) await this.postGraph();
                break;
        }
    }

    private scheduleRefresh(delay: number): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.postGraph(), delay);
    }

    /** Asks the server for the graph and sends it; overlapping calls coalesce into one more. */
    private async postGraph(): Promise<void> {
        if (!this.panel || !this.uri) return;
        if (this.refreshing) {
            this.refreshAgain = true;
            return;
        }
        this.refreshing = true;
        try {
            const uri = this.uri;
            const graph = await this.model.graph(uri, this.importance);
            if (this.uri?.toString() !== uri.toString()) return;
            this.graph = graph;
            this.post({ type: 'graph', graph, direction: layoutDirection() });
        } catch (err) {
            // The server could not answer (starting, stopping, or a model it cannot read): keep what is shown.
            console.warn(`topo preview: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
            this.refreshing = false;
            if (this.refreshAgain) {
                this.refreshAgain = false;
                void this.postGraph();
            }
        }
    }

    private postSimulation(): void {
        if (!this.uri) return;
        this.post({ type: 'simulation', result: this.simulations.get(this.uri.toString()) ?? null });
    }

    setSimulation(uri: vscode.Uri, result: SimulationResult | null): void {
        if (result) this.simulations.set(uri.toString(), result);
        else this.simulations.delete(uri.toString());
        void vscode.commands.executeCommand('setContext', 'topo.simulationActive', this.simulations.size > 0);
        if (this.uri?.toString() === uri.toString()) this.postSimulation();
    }

    clearAllSimulations(): void {
        const uris = [...this.simulations.keys()];
        this.simulations.clear();
        void vscode.commands.executeCommand('setContext', 'topo.simulationActive', false);
        if (this.uri && uris.includes(this.uri.toString())) this.postSimulation();
    }

    hasSimulation(uri: vscode.Uri): boolean {
        return this.simulations.has(uri.toString());
    }

    private onSelection(event: vscode.TextEditorSelectionChangeEvent): void {
        if (!this.panel || !this.graph || event.textEditor.document.languageId !== 'topo') return;
        const document = event.textEditor.document;
        const docUri = document.uri.toString();
        const inClosure = this.graph.elements.some(e => sameUri(e.uri, document.uri));
        if (!inClosure && docUri !== this.uri?.toString()) return;
        const element = elementAt(this.graph, document, event.selections[0].active, u => sameUri(u, document.uri));
        const name = element?.name ?? null;
        if (name === this.highlighted) return;
        this.highlighted = name;
        this.post({ type: 'highlight', name });
    }

    private async reveal(name: string): Promise<void> {
        const element = this.graph?.elements.find(e => e.name === name);
        if (!element) return;
        const uri = this.model.elementUri(element);
        const range = new vscode.Range(element.range.start.line, element.range.start.character, element.range.end.line, element.range.end.character);
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn
            ?? vscode.window.visibleTextEditors.find(e => e.document.languageId === 'topo')?.viewColumn
            ?? vscode.ViewColumn.One;
        await vscode.window.showTextDocument(uri, { selection: range, viewColumn: column, preserveFocus: false });
    }

    private async sendHover(name: string): Promise<void> {
        const element = this.graph?.elements.find(e => e.name === name);
        if (!element) return;
        let markdown = '';
        try {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
                'vscode.executeHoverProvider', this.model.elementUri(element),
                new vscode.Position(element.range.start.line, element.range.start.character));
            markdown = (hovers ?? []).flatMap(h => h.contents.map(hoverText)).filter(t => t.trim() !== '').join('\n\n---\n\n');
        } catch {
            markdown = '';
        }
        this.post({ type: 'hover', name, markdown });
    }

    /** The cut sets of a service, for the preview's "Cut sets…" (an error in words when there are none to give). */
    private async sendCutSets(name: string): Promise<void> {
        if (!this.uri) return;
        try {
            const result = await this.model.cutSets(this.uri, name);
            this.post({ type: 'cutSets', name, sets: result.sets, tooLarge: result.tooLarge });
        } catch (err) {
            this.post({ type: 'cutSets', name, sets: [], tooLarge: false, error: err instanceof Error ? err.message : String(err) });
        }
    }

    // ------------------------------------------------------------ SVG export

    /** Asks the webview for the drawing as SVG and writes it (to `target`, or where the user picks). */
    async exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
        if (!this.panel || !this.ready) {
            void vscode.window.showWarningMessage('Open the Topo preview first: the SVG is the graph it shows.');
            return undefined;
        }
        const svg = await new Promise<string | undefined>(resolve => {
            const timer = setTimeout(() => resolve(undefined), 15_000);
            this.svgWaiters.push(s => {
                clearTimeout(timer);
                resolve(s);
            });
            this.post({ type: 'exportSvg' });
        });
        if (svg === undefined) {
            void vscode.window.showErrorMessage('The preview did not produce an SVG.');
            return undefined;
        }
        return await this.save(svg, target);
    }

    private async receiveSvg(svg: string): Promise<void> {
        const waiters = this.svgWaiters;
        this.svgWaiters = [];
        if (waiters.length > 0) {
            for (const w of waiters) w(svg);
            return;
        }
        // The webview's own Export button.
        await this.save(svg, undefined);
    }

    private async save(svg: string, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
        let where = target;
        if (!where) {
            const base = this.uri ? this.uri.with({ path: this.uri.path.replace(/\.topo$/i, '') + '.svg' }) : undefined;
            where = await vscode.window.showSaveDialog({ defaultUri: base, filters: { SVG: ['svg'] }, saveLabel: 'Export SVG' });
            if (!where) return undefined;
        }
        await vscode.workspace.fs.writeFile(where, new TextEncoder().encode(svg));
        if (!target) void vscode.window.showInformationMessage(`Exported the graph to ${path.basename(where.fsPath)}.`);
        return where;
    }

    dispose(): void {
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}

function title(uri: vscode.Uri): string {
    return `Topo: ${path.posix.basename(uri.path)}`;
}

function layoutDirection(): 'RIGHT' | 'DOWN' {
    return vscode.workspace.getConfiguration('topo.preview').get<string>('layoutDirection', 'down') === 'right' ? 'RIGHT' : 'DOWN';
}

function hoverText(content: vscode.MarkdownString | vscode.MarkedString): string {
    if (typeof content === 'string') return content;
    if (content instanceof vscode.MarkdownString) return content.value;
    if ('language' in content) return `\`\`\`${content.language}\n${content.value}\n\`\`\``;
    return (content as { value: string }).value;
}
