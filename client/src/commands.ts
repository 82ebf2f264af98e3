/**
 * The "Topo" commands: preview, simulate a failure (picked, given, or at the cursor), show a
 * cut set in the preview (the hover's links), clear the simulation, export the graph as SVG.
 */
import * as vscode from 'vscode';
import { SHOW_CUT_SET_COMMAND, type GraphElement, type ModelGraph, type SimulationResult } from '../../server/src/common/protocol.js';
import { summarizeSimulation } from '../../server/src/common/simulation-text.js';
import { elementAt, sameUri, type ModelService } from './model.js';
import type { PreviewManager } from './preview.js';
import { typedElement } from './typed-element.js';

export const COMMANDS = {
    openPreview: 'topo.openPreview',
    openPreviewToSide: 'topo.openPreviewToSide',
    simulateFailure: 'topo.simulateFailure',
    simulateElementAtCursor: 'topo.simulateElementAtCursor',
    clearSimulation: 'topo.clearSimulation',
    exportSvg: 'topo.exportSvg',
    previewFocus: 'topo.previewFocus',
    showCutSet: SHOW_CUT_SET_COMMAND
} as const;

const KIND_ORDER: GraphElement['kind'][] = ['region', 'site', 'infra', 'service', 'datastore'];
const KIND_TITLE: Record<GraphElement['kind'], string> = {
    region: 'Regions', site: 'Sites', infra: 'Infrastructure', service: 'Services', datastore: 'Datastores'
};

export function registerCommands(context: vscode.ExtensionContext, model: ModelService, preview: PreviewManager): void {
    const register = (id: string, fn: (...args: never[]) => unknown): void => {
        context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
    };

    register(COMMANDS.openPreview, (uri?: vscode.Uri | string) => openPreview(uri, false));
    register(COMMANDS.openPreviewToSide, (uri?: vscode.Uri | string) => openPreview(uri, true));

    function openPreview(uriArg: vscode.Uri | string | undefined, side: boolean): boolean {
        const uri = toUri(uriArg) ?? activeTopoUri() ?? preview.currentUri;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .topo file to preview its dependency graph.');
            return false;
        }
        const active = vscode.window.activeTextEditor?.viewColumn;
        preview.show(uri, side ? vscode.ViewColumn.Beside : (active ?? vscode.ViewColumn.Active), side);
        return true;
    }

    /**
     * `topo.simulateFailure()` asks which elements fail (a multi-select list, failure domains
     * first); `topo.simulateFailure(uri, names)` runs at once and returns the result (for the
     * code lens, the preview and tests).
     */
    register(COMMANDS.simulateFailure, async (uriArg?: vscode.Uri | string, namesArg?: string[] | string, options?: { fromPreview?: boolean }): Promise<SimulationResult | undefined> => {
        const uri = toUri(uriArg) ?? activeTopoUri() ?? preview.currentUri;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .topo file to simulate a failure in its model.');
            return undefined;
        }
        let names = typeof namesArg === 'string' ? [namesArg] : Array.isArray(namesArg) ? namesArg.filter(n => typeof n === 'string') : undefined;
        const interactive = names === undefined;
        if (!names) {
            names = await pickElements(model, uri);
            if (!names || names.length === 0) return undefined;
        }
        let result: SimulationResult;
        try {
            result = await model.simulate(uri, names);
        } catch (err) {
            void vscode.window.showErrorMessage(`Could not simulate the failure: ${err instanceof Error ? err.message : String(err)}`);
            return undefined;
        }
        preview.setSimulation(uri, result);
        if (interactive && !preview.isOpen) preview.show(uri, vscode.ViewColumn.Beside, true);
        notify(uri, result, options?.fromPreview === true);
        return result;
    });

    /**
     * `topo.showCutSet(uri, names)` (the links of a service's hover): the preview of `uri`, opened
     * beside when closed, simulates exactly `names` failing together. Returns the result.
     */
    register(COMMANDS.showCutSet, async (uriArg?: vscode.Uri | string, namesArg?: unknown): Promise<SimulationResult | undefined> => {
        const uri = toUri(uriArg);
        const names = Array.isArray(namesArg) ? namesArg.filter((n): n is string => typeof n === 'string') : [];
        if (!uri || names.length === 0) {
            void vscode.window.showInformationMessage('Choose a cut set from the hover of a service to show it in the preview.');
            return undefined;
        }
        preview.showBeside(uri);
        return await vscode.commands.executeCommand<SimulationResult | undefined>(COMMANDS.simulateFailure, uri, names, { fromPreview: true });
    });

    register(COMMANDS.simulateElementAtCursor, async (): Promise<SimulationResult | undefined> => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'topo') {
            void vscode.window.showInformationMessage('Put the cursor on an element in a .topo file.');
            return undefined;
        }
        let graph: ModelGraph;
        try {
            graph = await model.graph(editor.document.uri);
        } catch (err) {
            void vscode.window.showErrorMessage(`Could not read the model: ${err instanceof Error ? err.message : String(err)}`);
            return undefined;
        }
        const docUri = editor.document.uri;
        const element = elementAt(graph, editor.document, editor.selection.active, u => sameUri(u, docUri));
        if (!element) {
            void vscode.window.showInformationMessage('There is no element at the cursor.');
            return undefined;
        }
        return await vscode.commands.executeCommand<SimulationResult | undefined>(COMMANDS.simulateFailure, docUri, [element.name]);
    });

    /**
     * `topo.previewFocus(uri?, name?)`: the preview shows the neighbourhood of `name` (by
     * default the element at the cursor) in `uri`'s model (by default the active file's);
     * `name` null shows the whole graph again. Answers whether the preview was asked.
     */
    register(COMMANDS.previewFocus, async (uriArg?: vscode.Uri | string, nameArg?: string | null): Promise<boolean> => {
        const uri = toUri(uriArg) ?? activeTopoUri() ?? preview.currentUri;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .topo file to show a neighbourhood in its preview.');
            return false;
        }
        let name: string | null | undefined = typeof nameArg === 'string' || nameArg === null ? nameArg : undefined;
        if (name === undefined) {
            const editor = vscode.window.activeTextEditor;
            if (editor?.document.languageId === 'topo') {
                try {
                    const graph = await model.graph(editor.document.uri);
                    const docUri = editor.document.uri;
                    name = elementAt(graph, editor.document, editor.selection.active, u => sameUri(u, docUri))?.name;
                } catch {
                    name = undefined;
                }
            }
            if (name === undefined) {
                void vscode.window.showInformationMessage('Put the cursor on an element (or name one) to show its neighbourhood.');
                return false;
            }
        }
        preview.focus(uri, name);
        return true;
    });

    register(COMMANDS.clearSimulation, () => {
        preview.clearAllSimulations();
    });

    register(COMMANDS.exportSvg, async (target?: vscode.Uri | string): Promise<vscode.Uri | undefined> => {
        return await preview.exportSvg(toUri(target));
    });

    function notify(uri: vscode.Uri, result: SimulationResult, fromPreview: boolean): void {
        const text = summarizeSimulation(result);
        const actions = fromPreview || preview.isOpen ? ['Clear'] : ['Show in Preview', 'Clear'];
        const show = result.down.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
        void show(text, ...actions).then(choice => {
            if (choice === 'Show in Preview') preview.show(uri, vscode.ViewColumn.Beside, true);
            else if (choice === 'Clear') preview.setSimulation(uri, null);
        });
    }
}

async function pickElements(model: ModelService, uri: vscode.Uri): Promise<string[] | undefined> {
    let graph: ModelGraph;
    try {
        graph = await model.graph(uri);
    } catch (err) {
        void vscode.window.showErrorMessage(`Could not read the model: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
    if (graph.elements.length === 0) {
        void vscode.window.showInformationMessage('This model has no elements to fail yet.');
        return undefined;
    }
    const nearestFor = new Map<string, number>();
    for (const e of graph.elements) for (const d of e.nearestSpofs) nearestFor.set(d, (nearestFor.get(d) ?? 0) + 1);
    type Item = vscode.QuickPickItem & { name?: string };
    const items: Item[] = [];
    for (const kind of KIND_ORDER) {
        const ofKind = graph.elements.filter(e => e.kind === kind).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (ofKind.length === 0) continue;
        items.push({ label: KIND_TITLE[kind], kind: vscode.QuickPickItemKind.Separator });
        for (const e of ofKind) {
            const details: string[] = [];
            if (e.container) details.push(`in ${e.container}`);
            if (e.infraKind) details.push(e.infraKind);
            const n = nearestFor.get(e.name) ?? 0;
            if (n > 0) details.push(`single point of failure for ${n} service${n === 1 ? '' : 's'}`);
            if (e.spof) details.push('has a single point of failure');
            if (e.tier !== 'normal' && (kind === 'service' || kind === 'datastore')) details.push(`tier ${e.tier}`);
            items.push({ label: e.name, description: e.label, detail: details.join(' · ') || undefined, name: e.name });
        }
    }
    // Enter with nothing ticked simulates the highlighted element, as a pick list does
    const pick = vscode.window.createQuickPick<Item>();
    pick.items = items;
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.title = 'Simulate Failure';
    pick.placeholder = 'Tick the elements that fail (failure domains first), or type or highlight one; Enter to simulate';
    return await new Promise<string[] | undefined>(resolve => {
        pick.onDidAccept(() => {
            // nothing ticked: the highlighted row, or (a multi-select list highlights none until an
            // arrow key is pressed) the element whose name was typed
            const chosen = pick.selectedItems.length > 0 ? pick.selectedItems
                : pick.activeItems.length > 0 ? pick.activeItems : typedElement(items, pick.value);
            resolve(chosen.map(p => p.name).filter((n): n is string => n !== undefined));
            pick.hide();
        });
        pick.onDidHide(() => {
            resolve(undefined);
            pick.dispose();
        });
        pick.show();
    });
}

export function toUri(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string' && arg !== '') {
        try {
            return /^[a-z][a-z0-9+.-]*:/i.test(arg) && !/^[a-z]:[\\/]/i.test(arg) ? vscode.Uri.parse(arg, true) : vscode.Uri.file(arg);
        } catch {
            return undefined;
        }
    }
    if (arg && typeof arg === 'object' && 'scheme' in arg && 'path' in arg) {
        try {
            return vscode.Uri.from(arg as { scheme: string; path: string });
        } catch {
            return undefined;
        }
    }
    return undefined;
}

function activeTopoUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.languageId === 'topo' ? editor.document.uri : undefined;
}
