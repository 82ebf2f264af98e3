// The pictures of the README and the docs, drawn by `topo render` (the preview's own layout and
// drawing code, run in Node): `npm run docs:images` writes them into docs/images/. The test of
// `topo render` checks that the files there are what this writes now, so they stay true.
// Usage: node scripts/docs-images.mjs   (after `npm run build`: it runs out/cli.cjs)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** file in docs/images → the arguments of `topo render` */
export const PICTURES = {
    'kakao-overview.svg': ['examples/kakao-2022.topo'],
    'kakao-focus-auth.svg': ['examples/kakao-2022.topo', '--focus', 'auth'],
    'kakao-pangyo-fails.svg': ['examples/kakao-2022.topo', '--fail', 'pangyo']
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    for (const [file, args] of Object.entries(PICTURES)) {
        const out = join('docs', 'images', file);
        execFileSync(process.execPath, [join(ROOT, 'out', 'cli.cjs'), 'render', ...args, '-o', out], { cwd: ROOT, stdio: 'inherit' });
        console.log(`wrote ${out}`);
    }
}
