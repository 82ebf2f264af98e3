#!/usr/bin/env node
// Runs the in-extension-host mocha suite (out/vscode-test/index.cjs, bundled from test/vscode/suite
// by test/vscode/build.mjs) in a desktop VS Code that @vscode/test-electron downloads into
// .vscode-test/. For machines that can download VS Code; offline, use run-suite.mjs (code-server).
//
// Usage: node scripts/vscode-offline/run-test-electron.mjs [--version stable|1.90.0|insiders]
//   VSCODE_EXECUTABLE_PATH=/path/to/code uses an installed VS Code instead of downloading one.
import { existsSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const TESTS = path.join(ROOT, 'out/vscode-test/index.cjs');
const { values } = parseArgs({ options: { version: { type: 'string' } } });

for (const [file, hint] of [['out/extension.cjs', 'npm run build'], ['out/server.cjs', 'npm run build'], ['out/vscode-test/index.cjs', 'node test/vscode/build.mjs']]) {
    if (!existsSync(path.join(ROOT, file))) {
        console.error(`[test-electron] ${file} is missing: run ${hint}`);
        process.exit(1);
    }
}

// A fresh workspace (a copy of examples/) and a fresh profile for each run.
const dir = mkdtempSync(path.join(os.tmpdir(), 'topo-electron-'));
const workspace = path.join(dir, 'workspace');
cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
let code = 1;
try {
    code = await runTests({
        version: values.version,
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
        cachePath: path.join(ROOT, '.vscode-test'),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: TESTS,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
            '--user-data-dir', path.join(dir, 'user'), '--extensions-dir', path.join(dir, 'extensions')]
    });
} catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[test-electron] ${message}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|download/i.test(message)) {
        console.error('[test-electron] could not download VS Code. Offline, run the same suite in code-server instead:\n' +
            '  scripts/vscode-offline/install.sh && node scripts/vscode-offline/run-suite.mjs');
    }
    code = 1;
} finally {
    rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
