/**
 * The packaged extension's pages have no broken images or links: every relative link or image of
 * the README, and of every Markdown page packaged with it, names a file that is in the .vsix
 * (vsce's own file list). VS Code shows the README from the installed extension, offline.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { PROJECT_ROOT } from '../helpers/run-topo.js';

/** Relative targets of Markdown links and images, without their #fragment. */
function relativeTargets(markdown: string): string[] {
    const targets: string[] = [];
    const text = markdown.replace(/```[\s\S]*?```/g, ''); // not inside code blocks
    for (const m of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        targets.push(decodeURIComponent(target.split('#')[0]));
    }
    return targets;
}

describe('the packaged README and docs', function () {
    this.timeout(60_000);

    it('link only to files the package holds', async () => {
        const packaged = new Set((await listFiles({ cwd: PROJECT_ROOT, packageManager: PackageManager.None })).map(f => f.replace(/\\/g, '/')));
        assert.ok(packaged.has('README.md') && packaged.has('docs/images/preview.png'), 'the README and its picture are packaged');
        const broken: string[] = [];
        for (const page of [...packaged].filter(f => f.endsWith('.md'))) {
            for (const target of relativeTargets(readFileSync(join(PROJECT_ROOT, page), 'utf8'))) {
                const file = relative(PROJECT_ROOT, normalize(join(PROJECT_ROOT, dirname(page), target))).replace(/\\/g, '/').replace(/\/$/, '');
                const isFolder = existsSync(join(PROJECT_ROOT, file)) && !file.includes('.');
                if (isFolder ? ![...packaged].some(f => f.startsWith(`${file}/`)) : !packaged.has(file)) broken.push(`${page} → ${target}`);
            }
        }
        assert.deepEqual(broken, []);
    });
});
