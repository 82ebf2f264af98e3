#!/usr/bin/env node
// Runs the in-extension-host mocha suite (test/vscode/suite, bundled to out/vscode-test/index.cjs
// by test/vscode/build.mjs) inside a real VS Code workbench without downloading VS Code:
// code-server on a free loopback port, opened in Debian's Chromium with the test payload.
// Exits with the suite's code (0 pass, 1 fail). Recipe: shared/testing/vscode-offline.md.
//
// Usage: node scripts/vscode-offline/run-suite.mjs [--tests FILE] [--folder DIR] [--timeout SECONDS]
//   --tests    the bundled suite (default out/vscode-test/index.cjs)
//   --folder   the workspace to open (default: a fresh copy of examples/)
// Needs: scripts/vscode-offline/install.sh, then npm run build && node test/vscode/build.mjs.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ROOT, missingWorkbench, scratchDir, workspaceCopy, startCodeServer, testPayload, launchChromium } from './code-server.mjs';

export const DEFAULT_TESTS = path.join(ROOT, 'out/vscode-test/index.cjs');
const RESULTS = path.join(ROOT, 'bench-results/workbench');
const WORKBENCH_NOISE = new RegExp([
    String.raw`^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]`,
    String.raw`^(Resolv(ed|ing) connection token|Creating a socket|Updating additional builtin extensions cache)`,
    String.raw`ECONNREFUSED 127\.0\.0\.1:9\b`, String.raw`authentication provider 'github'`
].join('|'));

/**
 * Runs the suite; resolves with { code, log } (code 0 when every test passed). `write` receives
 * the suite's console and the launcher's own lines.
 */
export async function runSuite({ tests = DEFAULT_TESTS, folder, timeoutMs = 300_000, write = s => process.stdout.write(s) } = {}) {
    const missing = missingWorkbench();
    if (missing) throw new Error(missing);
    for (const [file, hint] of [[path.join(ROOT, 'out/extension.cjs'), 'npm run build'], [path.join(ROOT, 'out/server.cjs'), 'npm run build'], [tests, 'node test/vscode/build.mjs (bundles test/vscode/suite)']]) {
        if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run ${hint}`);
    }
    const started = Date.now();
    const say = line => write(`[run-suite] ${line}\n`);
    const dir = scratchDir('topo-suite-');
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    process.once('exit', removeDir);
    const workspace = folder ?? workspaceCopy(dir);
    let log = '';
    const server = await startCodeServer({ dir, folder: workspace });
    say(`code-server ${server.url} (pid ${server.child.pid}), workspace ${workspace}`);
    let browser;
    let code = 1;
    try {
        browser = await launchChromium(dir);
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const pageErrors = [];
        page.on('pageerror', error => pageErrors.push(String(error)));
        const finished = new Promise(resolve => {
            void page.exposeFunction('codeAutomationExit', exitCode => resolve(Number(exitCode)));
        });
        // The suite's console (printf-style arguments), mixed with the workbench's own; the
        // workbench's chatter about the (unreachable) marketplace, GitHub and chat is left out.
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            const text = format(...(Array.isArray(args) ? args : [args]));
            log += `${text}\n`;
            if (WORKBENCH_NOISE.test(text)) return;
            write(type === 'error' || type === 'warn' ? `[${type}] ${text}\n` : `${text}\n`);
        });
        const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${testPayload(server.port, ROOT, tests)}`;
        await page.goto(url);
        let timer;
        const timedOut = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
        const result = await Promise.race([finished, timedOut]);
        clearTimeout(timer);
        if (result === 'timeout') {
            say(`the suite did not finish within ${timeoutMs / 1000} s${log ? '' : ' and printed nothing (is the payload loaded? is the extension activating?)'}`);
            mkdirSync(RESULTS, { recursive: true });
            await page.screenshot({ path: path.join(RESULTS, 'suite-timeout.png') }).catch(() => {});
            say(`screenshot: ${path.relative(ROOT, path.join(RESULTS, 'suite-timeout.png'))}`);
            if (pageErrors.length) say(`page errors:\n  ${pageErrors.join('\n  ')}`);
            code = 1;
        } else {
            code = result;
        }
    } finally {
        await browser?.close().catch(() => {});
        await server.stop();
        if (code !== 0) {
            mkdirSync(RESULTS, { recursive: true });
            writeFileSync(path.join(RESULTS, 'suite-code-server.log'), server.output());
            writeFileSync(path.join(RESULTS, 'suite-console.log'), log);
            say(`logs: bench-results/workbench/suite-code-server.log (code-server), suite-console.log (the whole console)`);
        }
        removeDir();
        process.removeListener('exit', removeDir);
    }
    say(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { code, log };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    // Ctrl+C or a kill: exit through 'exit', which stops code-server (see code-server.mjs).
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
    const { values } = parseArgs({ options: { tests: { type: 'string' }, folder: { type: 'string' }, timeout: { type: 'string' } } });
    try {
        const { code } = await runSuite({
            tests: values.tests ? path.resolve(values.tests) : undefined,
            folder: values.folder ? path.resolve(values.folder) : undefined,
            timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined
        });
        process.exit(code);
    } catch (error) {
        console.error(`[run-suite] ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
