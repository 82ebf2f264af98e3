// The pictures of the README and the docs, drawn by `topo render` (the preview's own layout and
// drawing code, run in Node): `npm run docs:images` writes them into docs/images/. The test of
// `topo render` checks that the files there are what this writes now, so they stay true.
// The 1,000-service model is the benchmark's (scripts/bench/generate.mjs, its fixed seed),
// generated into out/docs-models/ first (not committed: it is 137 kB of text).
// Usage: node scripts/docs-images.mjs   (after `npm run build`: it runs out/cli.cjs)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_SEED, generateModel, writeWorkspace } from './bench/generate.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** the generated 1,000-service model, relative to ROOT (written by `generateDocsModels`) */
export const MODEL_1K = 'out/docs-models/bench-1000/model.topo';

/** file in docs/images → the arguments of `topo render` */
export const PICTURES = {
    'kakao-overview.svg': ['examples/kakao-2022.topo'],
    'kakao-focus-auth.svg': ['examples/kakao-2022.topo', '--focus', 'auth'],
    'kakao-pangyo-fails.svg': ['examples/kakao-2022.topo', '--fail', 'pangyo', '--timeline'],
    'bench-1k-overview.svg': [MODEL_1K, '--collapse', 'all'],
    'bench-1k-focus.svg': [MODEL_1K, '--focus', 'svc-0500']
};

/** Writes the models the pictures are drawn from that are generated, not kept (the same bytes every time). */
export function generateDocsModels() {
    writeWorkspace(generateModel(1000, DEFAULT_SEED), 'one', join(ROOT, 'out', 'docs-models', 'bench-1000'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    generateDocsModels();
    for (const [file, args] of Object.entries(PICTURES)) {
        const out = join('docs', 'images', file);
        execFileSync(process.execPath, [join(ROOT, 'out', 'cli.cjs'), 'render', ...args, '-o', out], { cwd: ROOT, stdio: 'inherit' });
        console.log(`wrote ${out}`);
    }
}
