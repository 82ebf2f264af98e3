/**
 * The server in a real editor: headless neovim (0.7.2 from Debian: `vim.lsp.start_client`)
 * starts `node out/server.cjs --stdio` on a model and prints the diagnostics as JSON. Skipped,
 * with a message, where `nvim` is not installed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runProcess, type RunResult } from '../helpers/run-process.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { workspaceOf } from '../helpers/lsp-server.js';
import { MAIN, SERVICES, SITES } from '../lsp/fixtures.js';
import { requireBuiltServer, SERVER } from '../lsp/lsp-client.js';

const SCRIPT = join(PROJECT_ROOT, 'test', 'neovim', 'print-diagnostics.lua');

interface Published {
    uri: string;
    version: number;
    diagnostics: Array<{ code: string; source: string; severity: number; message: string; relatedInformation?: unknown[] }>;
}

function hasNvim(): boolean {
    return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(file: string): Promise<RunResult> {
    return runProcess('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
        env: { ...process.env, TOPO_NODE: process.execPath, TOPO_SERVER: SERVER, TOPO_FILE: file, TOPO_OFF: 'async-replication' }
    });
}

describe('neovim', function () {
    before(function () {
        if (!hasNvim()) {
            console.log('    (nvim is not installed: skipping the neovim test; `apt-get install neovim` to run it)');
            this.skip();
        }
        requireBuiltServer();
    });

    it('shows the server\'s diagnostics in headless neovim', async () => {
        const { folder } = workspaceOf({ 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN }, 'topo-nvim-');
        const { code, stdout, stderr } = await run(join(folder, 'main.topo'));
        assert.equal(code, 0, stderr);
        const line = stdout.split('\n').find(l => l.startsWith('{'));
        assert.ok(line, `JSON on stdout: ${stdout}\n${stderr}`);
        const { published, shown } = JSON.parse(line) as { published: Published; shown: unknown[] };
        assert.ok(published.uri.endsWith('/main.topo'));
        assert.equal(typeof published.version, 'number');
        const codes = published.diagnostics.map(d => d.code).sort();
        assert.deepEqual(codes, ['observer-shares-fate', 'spof', 'spof', 'spof'], 'async-replication is off in the settings');
        assert.ok(published.diagnostics.every(d => d.source === 'topo'));
        const talk = published.diagnostics.find(d => /^talk goes down/.test(d.message));
        assert.ok(talk && talk.severity === 1 && (talk.relatedInformation ?? []).length >= 2, JSON.stringify(published.diagnostics));
        assert.equal(shown.length, published.diagnostics.length, 'neovim shows them');
    });
});
