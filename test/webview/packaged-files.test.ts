/**
 * The .vsix carries exactly what the preview's page loads from the extension: the files of
 * out/ and media/ that vsce would package (its own file list, as `vsce ls` prints it) are
 * those the page asks for in Chromium — no stale stylesheet packaged beside the bundled one,
 * nothing loaded that the package lacks.
 */
import * as assert from 'node:assert/strict';
import { listFiles, PackageManager } from '@vscode/vsce';
import { kakaoGraph } from './fixtures/graphs.js';
import { openHarness, requireBrowserSuite, ROOT } from './harness.js';

describe('preview webview: the packaged files (Chromium, vsce)', function () {
    this.timeout(60_000);

    before(function () {
        requireBrowserSuite(this);
    });

    it('packages exactly the files the page loads', async () => {
        const h = await openHarness({ theme: 'dark' });
        let loaded: string[];
        try {
            await h.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
            await h.waitForRender(1);
            assert.deepEqual(h.errors, []);
            // everything but the harness's own page, theme and mock of the VS Code API
            loaded = h.requests.filter(p => p !== '/index.html' && !p.startsWith('/harness/')).map(p => p.slice(1));
        } finally {
            await h.close();
        }
        const packaged = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None }))
            .filter(f => f.startsWith('out/preview') || f.startsWith('media/'));
        const wanted = [...new Set(loaded)].sort();
        assert.deepEqual(wanted, ['out/preview.css', 'out/preview.js'], 'the page loads the two bundles');
        assert.deepEqual(packaged.sort(), wanted, 'the package holds what the page loads, and nothing else of out/preview* or media/');
    });
});
