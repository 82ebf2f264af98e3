// Bundles the CLI, the language server and the VS Code client with esbuild.
// Langium is ESM-only; VS Code loads the extension's `main` as CommonJS, so everything is
// bundled to .cjs. Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';

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
    { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out', outExtension: { '.js': '.cjs' }, external: ['vscode'] }
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
