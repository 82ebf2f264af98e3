// Bundles the extension-host test suite (test/vscode/suite) with mocha into
// out/vscode-test/index.cjs: load it as `extensionTestsPath` (see test/vscode/README.md).
// Usage: node test/vscode/build.mjs   (after `node scripts/build.mjs`)
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'test/vscode/suite/index.ts' },
    outdir: 'out/vscode-test',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    // mocha's package entry is ESM re-exporting lib/mocha.cjs; bundle the CommonJS core directly.
    alias: { mocha: './node_modules/mocha/lib/mocha.cjs' },
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' }
});
console.log('out/vscode-test/index.cjs');
