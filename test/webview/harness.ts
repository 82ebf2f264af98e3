/**
 * A small static harness for the built preview page (out/preview.js, out/preview.css) in real
 * Chromium: the page is exactly what the extension serves (client/src/preview-html.ts, with
 * its Content-Security-Policy), on a fake origin answered by Playwright's router, plus a mock
 * of `acquireVsCodeApi` and a stylesheet with VS Code's theme variables.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { FromPreview, ToPreview } from '../../server/src/common/protocol.js';
import { previewHtml } from '../../client/src/preview-html.js';
import { HANG_GUARD_MS } from '../helpers/hang-guard.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'https://topo.test';

const THEMES = {
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
            '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
            '--vscode-editor-background': '#1f1f1f',
            '--vscode-editor-foreground': '#cccccc',
            '--vscode-descriptionForeground': '#9d9d9d',
            '--vscode-editorWidget-background': '#202020',
            '--vscode-editorWidget-border': '#454545',
            '--vscode-panel-border': '#2b2b2b',
            '--vscode-focusBorder': '#0078d4',
            '--vscode-charts-red': '#f14c4c',
            '--vscode-charts-orange': '#d18616',
            '--vscode-charts-blue': '#3794ff',
            '--vscode-charts-purple': '#b180d7',
            '--vscode-charts-green': '#89d185',
            '--vscode-errorForeground': '#f85149',
            '--vscode-button-background': '#0078d4',
            '--vscode-button-foreground': '#ffffff',
            '--vscode-button-hoverBackground': '#026ec1',
            '--vscode-button-secondaryBackground': '#313131',
            '--vscode-button-secondaryForeground': '#cccccc',
            '--vscode-button-secondaryHoverBackground': '#3c3c3c',
            '--vscode-button-border': '#ffffff12',
            '--vscode-editorHoverWidget-background': '#202020',
            '--vscode-editorHoverWidget-foreground': '#cccccc',
            '--vscode-editorHoverWidget-border': '#454545',
            '--vscode-textLink-foreground': '#4daafc',
            '--vscode-inputValidation-errorBackground': '#5a1d1d',
            '--vscode-inputValidation-errorBorder': '#be1100',
            '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.36)',
            '--vscode-textCodeBlock-background': '#2b2b2b'
        }
    },
    light: {
        bodyClass: 'vscode-light',
        vars: {
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
            '--vscode-editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
            '--vscode-editor-background': '#ffffff',
            '--vscode-editor-foreground': '#3b3b3b',
            '--vscode-descriptionForeground': '#717171',
            '--vscode-editorWidget-background': '#f8f8f8',
            '--vscode-editorWidget-border': '#c8c8c8',
            '--vscode-panel-border': '#e5e5e5',
            '--vscode-focusBorder': '#005fb8',
            '--vscode-charts-red': '#e51400',
            '--vscode-charts-orange': '#d18616',
            '--vscode-charts-blue': '#1a85ff',
            '--vscode-charts-purple': '#652d90',
            '--vscode-charts-green': '#388a34',
            '--vscode-errorForeground': '#c72e0f',
            '--vscode-button-background': '#005fb8',
            '--vscode-button-foreground': '#ffffff',
            '--vscode-button-hoverBackground': '#0258a8',
            '--vscode-button-secondaryBackground': '#e5e5e5',
            '--vscode-button-secondaryForeground': '#3b3b3b',
            '--vscode-button-secondaryHoverBackground': '#cccccc',
            '--vscode-editorHoverWidget-background': '#f8f8f8',
            '--vscode-editorHoverWidget-foreground': '#3b3b3b',
            '--vscode-editorHoverWidget-border': '#c8c8c8',
            '--vscode-textLink-foreground': '#005fb8',
            '--vscode-inputValidation-errorBackground': '#f2dede',
            '--vscode-inputValidation-errorBorder': '#be1100',
            '--vscode-widget-shadow': 'rgba(0, 0, 0, 0.16)',
            '--vscode-textCodeBlock-background': '#f2f2f2'
        }
    }
} as const;

export type Theme = keyof typeof THEMES;

const MOCK = `
window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage(m) { window.__posted.push(m); if (window.topoPosted) window.topoPosted(JSON.stringify(m)); },
  getState() { const s = sessionStorage.getItem('vscodeState'); return s ? JSON.parse(s) : undefined; },
  setState(s) { sessionStorage.setItem('vscodeState', JSON.stringify(s)); }
});
document.body.className = document.documentElement.dataset.bodyClass;
`;

export function chromiumAvailable(): boolean {
    return existsSync(CHROMIUM);
}

/** The built preview script, and where the suites write their screenshots. */
export const PREVIEW_BUNDLE = path.join(ROOT, 'out', 'preview.js');
export const SHOTS = path.join(ROOT, 'bench-results');

/**
 * For a browser suite's `before` hook: skips the suite (saying why) without Chromium, fails it
 * without the built preview, and makes the screenshot folder.
 */
export function requireBrowserSuite(context: Mocha.Context): void {
    if (!chromiumAvailable()) {
        console.log(`    (skipped: ${CHROMIUM} is not installed)`);
        context.skip();
    }
    if (!existsSync(PREVIEW_BUNDLE)) throw new Error(`${PREVIEW_BUNDLE} is missing: run \`node scripts/build.mjs\` first`);
    mkdirSync(SHOTS, { recursive: true });
}

export interface Harness {
    page: Page;
    posted: FromPreview[];
    dialogs: string[];
    errors: string[];
    /** the paths the page asked the extension's origin for, in order (/out/preview.js, …) */
    requests: string[];
    send(message: ToPreview): Promise<void>;
    waitForPost<T extends FromPreview['type']>(type: T, predicate?: (m: Extract<FromPreview, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<FromPreview, { type: T }>>;
    waitForRender(generation: number): Promise<void>;
    /** evaluates a JavaScript expression in the page (a string, so no Node-side helpers leak in) */
    js<T = unknown>(expression: string): Promise<T>;
    /** `document.body.dataset[key]`: rendered, paintedAt, layouts, layoutMs */
    data(key: string): Promise<string | undefined>;
    violations(): Promise<string[]>;
    close(): Promise<void>;
}

export async function openHarness(options: { theme?: Theme; width?: number; height?: number } = {}): Promise<Harness> {
    const theme = THEMES[options.theme ?? 'dark'];
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'topo-chromium-'));
    const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        viewport: { width: options.width ?? 1440, height: options.height ?? 1000 },
        deviceScaleFactor: 1
    });
    const nonce = 'harnessNonce0123456789abcdefABCDEF';
    const themeCss = `:root {\n${Object.entries(theme.vars).map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`;
    const page = previewHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/out/preview.js`, styleUri: `${ORIGIN}/out/preview.css` })
        .replace('<html lang="en">', `<html lang="en" data-body-class="${theme.bodyClass}">`)
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${ORIGIN}/harness/theme.css">\n<link rel="stylesheet"`)
        .replace('<div id="app"></div>', `<div id="app"></div>\n<script nonce="${nonce}" src="${ORIGIN}/harness/mock.js"></script>`);
    const requests: string[] = [];
    await context.route(`${ORIGIN}/**`, async route => {
        const url = new URL(route.request().url());
        requests.push(url.pathname);
        const serve = (body: string | Buffer, contentType: string): Promise<void> => route.fulfill({ status: 200, body, contentType });
        if (url.pathname === '/index.html') return serve(page, 'text/html');
        if (url.pathname === '/harness/mock.js') return serve(MOCK, 'text/javascript');
        if (url.pathname === '/harness/theme.css') return serve(themeCss, 'text/css');
        if (url.pathname.startsWith('/out/')) {
            const file = path.join(ROOT, 'out', path.basename(url.pathname));
            if (existsSync(file)) {
                const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/json';
                return serve(readFileSync(file), type);
            }
        }
        return route.fulfill({ status: 404, body: 'not found' });
    });
    const p = context.pages()[0] ?? await context.newPage();
    const posted: FromPreview[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    const waiters: { type: string; predicate?: (m: never) => boolean; resolve: (m: FromPreview) => void }[] = [];
    await p.exposeFunction('topoPosted', (json: string) => {
        const message = JSON.parse(json) as FromPreview;
        posted.push(message);
        for (const w of [...waiters]) {
            if (w.type === message.type && (!w.predicate || w.predicate(message as never))) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(message);
            }
        }
    });
    p.on('dialog', dialog => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
    });
    p.on('pageerror', err => errors.push(String(err)));
    p.on('console', msg => {
        if (msg.type() === 'error') errors.push(msg.text());
    });
    const ready = new Promise<FromPreview>(resolve => waiters.push({ type: 'ready', resolve }));
    await p.goto(`${ORIGIN}/index.html`);
    await ready;
    return {
        page: p,
        posted,
        dialogs,
        errors,
        requests,
        async send(message) {
            await p.evaluate(m => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), message);
        },
        waitForPost(type, predicate, timeoutMs = HANG_GUARD_MS) {
            const already = posted.find(m => m.type === type && (!predicate || predicate(m as never)));
            if (already) return Promise.resolve(already as never);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no '${type}' message within ${timeoutMs} ms`)), timeoutMs);
                waiters.push({
                    type, predicate: predicate as ((m: never) => boolean) | undefined,
                    resolve: m => { clearTimeout(timer); resolve(m as never); }
                });
            });
        },
        async waitForRender(generation) {
            await p.waitForSelector(`body[data-rendered="${generation}"]`, { state: 'attached', timeout: HANG_GUARD_MS });
        },
        async js<T>(expression: string): Promise<T> {
            return await p.evaluate(expression) as T;
        },
        async data(key: string) {
            return await p.evaluate(`document.body.dataset[${JSON.stringify(key)}]`) as string | undefined;
        },
        async violations() {
            return await p.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations);
        },
        async close() {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}
