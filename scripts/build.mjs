// Bundles the CLI, the language server and the VS Code client with esbuild.
// Langium is ESM-only; VS Code loads the extension's `main` as CommonJS, so everything is
// bundled to .cjs. Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    // Langium's worker-thread parser reads import.meta.url; it is not used here.
    define: { 'import.meta.url': 'undefined' }
};

const builds = [
    { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' } },
    { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' } },
    { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    // The preview webview: out/preview.js (IIFE for the browser) and out/preview.css (imported
    // by it); elkjs's worker script is inlined as text so the webview can start it from a blob:.
    {
        bundle: true, platform: 'browser', format: 'iife', target: 'chrome114',
        sourcemap: production ? false : 'linked', minify: production, logLevel: 'warning',
        entryPoints: { preview: 'media/src/main.ts' }, outdir: 'out',
        plugins: [{
            name: 'elk-worker-source',
            setup(build) {
                build.onResolve({ filter: /^elk-worker-source$/ }, () => ({ path: fileURLToPath(new URL('../node_modules/elkjs/lib/elk-worker.min.js', import.meta.url)) }));
                build.onLoad({ filter: /elk-worker\.min\.js$/ }, async args => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
            }
        }]
    }
];

if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
    console.log('watching for changes…');
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
