/**
 * End-to-end tests inside the real extension host: the extension activates on a `.topo`
 * file, the language server publishes the `spof` diagnostic, the hover explains it, the
 * simulation command returns the spec's answer, the preview opens and its webview draws the
 * graph, the severity setting applies, and the SVG export writes a file.
 *
 * (Named *.itest.ts so that the plain mocha run of test/**\/*.test.ts does not pick it up: it
 * needs `vscode`.)
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SimulationResult } from '../../../server/src/common/protocol.js';
import type { TopoApi } from '../../../client/src/extension.js';

const EXTENSION_ID = 'topo-dev.topo';
const FIXTURE = 'test/fixtures/conformance/01-single-site.topo';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
        promise.then(v => { clearTimeout(timer); resolve(v); }, e => { clearTimeout(timer); reject(e); });
    });
}

function codeOf(d: vscode.Diagnostic): string | undefined {
    if (d.code === undefined) return undefined;
    return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves with the diagnostics of `uri` once they satisfy `accept` (now or after a change event). */
function diagnosticsWhere(uri: vscode.Uri, accept: (ds: readonly vscode.Diagnostic[]) => boolean, what: string, ms = 45_000): Promise<readonly vscode.Diagnostic[]> {
    return withTimeout(new Promise(resolve => {
        const check = (): boolean => {
            const ds = vscode.languages.getDiagnostics(uri);
            if (!accept(ds)) return false;
            sub.dispose();
            resolve(ds);
            return true;
        };
        const sub = vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(u => u.toString() === uri.toString())) check();
        });
        check();
    }), ms, what);
}

function firstEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, ms = 45_000): Promise<T> {
    return withTimeout(new Promise<T>(resolve => {
        const sub = event(value => {
            if (!accept(value)) return;
            sub.dispose();
            resolve(value);
        });
    }), ms, what);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

export function registerExtensionTests(): void {
    describe('topo in the extension host', function () {
        this.timeout(90_000);
        let extension: vscode.Extension<TopoApi>;
        let api: TopoApi;
        let uri: vscode.Uri;
        let document: vscode.TextDocument;

        before(async () => {
            const found = vscode.extensions.getExtension<TopoApi>(EXTENSION_ID);
            assert.ok(found, `extension ${EXTENSION_ID} is installed`);
            extension = found;
            uri = vscode.Uri.file(path.join(extension.extensionPath, FIXTURE));
        });

        after(async () => {
            await vscode.workspace.getConfiguration('topo').update('severity.spof', undefined, vscode.ConfigurationTarget.Global);
        });

        it('activates on a .topo file and publishes the spof diagnostic on the service name', async () => {
            const spof = diagnosticsWhere(uri, ds => ds.some(d => codeOf(d) === 'spof'), 'the spof diagnostic');
            document = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(document);
            assert.equal(document.languageId, 'topo');
            const diagnostics = await spof;
            api = await withTimeout(Promise.resolve(extension.activate()), 30_000, 'activation');
            assert.ok(extension.isActive);
            const d = diagnostics.find(x => codeOf(x) === 'spof')!;
            assert.equal(document.getText(d.range), 'talk');
            assert.equal(d.severity, vscode.DiagnosticSeverity.Error, 'tier critical → error');
            assert.match(d.message, /pangyo/);
        });

        it('hovers explain the finding', async () => {
            const at = document.positionAt(document.getText().indexOf('service talk') + 'service '.length + 1);
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
            assert.ok(hovers && hovers.length > 0, 'a hover on talk');
            const text = hoverText(hovers);
            assert.match(text, /talk/);
            assert.match(text, /pangyo/);
        });

        it('topo.simulateFailure(uri, names) runs directly and returns the result', async () => {
            const result = await vscode.commands.executeCommand<SimulationResult>('topo.simulateFailure', uri, ['pangyo']);
            assert.ok(result, 'a result');
            assert.deepEqual(result.failed, ['pangyo']);
            assert.deepEqual(result.down, ['talk']);
            assert.deepEqual(result.degraded, []);
            assert.equal(result.users, 43_200_000);
            assert.equal(result.outages.talk?.minutes, null, 'pangyo has no recovery time: unknown');
            // the outage over time, which the preview draws under the graph
            assert.deepEqual(result.timeline?.steps.map(s => [s.at, s.down, s.unknown]), [[0, ['talk'], ['talk']]]);
            assert.equal(result.timeline?.end, null, 'no end: talk is out for an unknown time');
        });

        it('simulates the element at the cursor', async () => {
            const editor = await vscode.window.showTextDocument(document);
            const at = document.positionAt(document.getText().indexOf('runs on pangyo') + 'runs on '.length + 2);
            editor.selection = new vscode.Selection(at, at);
            const result = await vscode.commands.executeCommand<SimulationResult>('topo.simulateElementAtCursor');
            assert.deepEqual(result?.failed, ['pangyo']);
            await vscode.commands.executeCommand('topo.clearSimulation');
        });

        it('opens the preview, whose webview lays out and draws the graph', async () => {
            const drawn = firstEvent(api.preview.onDidReportViewState, s => (s.rendered?.nodes ?? 0) >= 2, 'the preview to draw the graph');
            const isPreview = (t: vscode.Tab): boolean => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('topo.preview');
            const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(g => g.tabs);
            const tabOpened = tabs().some(isPreview)
                ? Promise.resolve()
                : firstEvent(vscode.window.tabGroups.onDidChangeTabs, () => tabs().some(isPreview), 'the preview tab');
            await vscode.commands.executeCommand('topo.openPreviewToSide', uri);
            assert.ok(api.preview.isOpen());
            await tabOpened;
            assert.ok(tabs().some(isPreview), `a preview tab among ${tabs().map(t => t.label).join(', ')}`);
            const state = await drawn;
            assert.equal(vscode.Uri.parse(state.uri).toString(), uri.toString());
            assert.ok(state.rendered!.nodes >= 2, 'pangyo and talk are drawn');
            assert.equal(state.rendered!.stale, false);
        });

        it('shows a neighbourhood in the preview (topo.previewFocus)', async () => {
            const before = api.preview.lastViewState()?.rendered?.generation ?? 0;
            const painted = firstEvent(api.preview.onDidReportViewState, s => (s.rendered?.generation ?? 0) > before && (s.rendered?.nodes ?? 0) >= 2, 'the neighbourhood painted');
            assert.equal(await vscode.commands.executeCommand<boolean>('topo.previewFocus', uri, 'talk'), true);
            await painted;
            const whole = api.preview.lastViewState()!.rendered!.generation;
            const back = firstEvent(api.preview.onDidReportViewState, s => (s.rendered?.generation ?? 0) > whole, 'the whole graph again');
            assert.equal(await vscode.commands.executeCommand<boolean>('topo.previewFocus', uri, null), true);
            await back;
        });

        it('shows a cut set in the preview (topo.showCutSet, what the hover links run)', async () => {
            const result = await vscode.commands.executeCommand<SimulationResult>('topo.showCutSet', uri, ['pangyo']);
            assert.deepEqual(result?.failed, ['pangyo']);
            assert.deepEqual(result?.down, ['talk']);
            assert.ok(api.preview.isOpen());
            assert.equal(await vscode.commands.executeCommand('topo.showCutSet', uri, 'not a list'), undefined, 'malformed arguments run nothing');
            await vscode.commands.executeCommand('topo.clearSimulation');
        });

        it('exports the preview as SVG', async () => {
            const target = vscode.Uri.file(path.join(os.tmpdir(), `topo-export-${process.pid}.svg`));
            const written = await vscode.commands.executeCommand<vscode.Uri>('topo.exportSvg', target);
            assert.equal(written?.toString(), target.toString());
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            assert.match(text, /<svg/);
            assert.match(text, />talk</);
            await vscode.workspace.fs.delete(target);
        });

        it('applies the severity setting to the findings', async () => {
            const lowered = diagnosticsWhere(uri, ds => ds.some(d => codeOf(d) === 'spof' && d.severity === vscode.DiagnosticSeverity.Information), 'spof as information');
            await vscode.workspace.getConfiguration('topo').update('severity.spof', 'information', vscode.ConfigurationTarget.Global);
            await lowered;
            const hidden = diagnosticsWhere(uri, ds => !ds.some(d => codeOf(d) === 'spof'), 'spof switched off');
            await vscode.workspace.getConfiguration('topo').update('severity.spof', 'off', vscode.ConfigurationTarget.Global);
            await hidden;
            const back = diagnosticsWhere(uri, ds => ds.some(d => codeOf(d) === 'spof' && d.severity === vscode.DiagnosticSeverity.Error), 'spof back to error');
            await vscode.workspace.getConfiguration('topo').update('severity.spof', undefined, vscode.ConfigurationTarget.Global);
            await back;
        });
    });
}
