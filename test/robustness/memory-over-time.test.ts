/**
 * Memory over time in the language server (issue 16, part 3): the bench generator's 1,000-service
 * workspace (101 files, every site a SPOF of nearly every later service; scripts/bench/generate.mjs)
 * opened through a real LSP client on the bundled server, then 200 one-line edits to a file no
 * other imports (each awaited until its publish, a hover every 50), and the live heap after a
 * forced collection (`topo/debug/heap`, `--expose-gc`) before and after them: it must not grow by
 * more than GROWTH_BOUND. A leak through the analyses' caches, the buffer pool or what one
 * analysis carries over to the next grows with the edits (keeping every replaced analysis adds
 * about 1 MB per edit here: 200 MB). `npm run bench:lsp -- --memory-edits 1000` measures the same
 * at 10k. No time limit: the hang guards are long.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { fileUri } from '../helpers/temp-files.js';
import { requireBuiltServer, type TestClient } from '../lsp/lsp-client.js';
import { heapUsed, startDebug } from './server-harness.js';

/** The stated bound: the live heap after the edits is at most this much above the one before them. */
const GROWTH_BOUND = 0.2;
const SERVICES = 1000;
const WARM_UP = 20;
const EDITS = 200;
const MB = 1024 * 1024;

describe('memory over time: the language server after 200 edits on a 1,000-service workspace', function () {
    this.timeout(900_000); // a hang guard for a loaded machine, not a limit on time
    let dir: string;
    let client: TestClient | undefined;
    before(() => {
        requireBuiltServer();
        dir = mkdtempSync(join(tmpdir(), 'topo-memory-lsp-'));
    });
    after(async () => {
        await client?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it(`keeps the live heap within ${GROWTH_BOUND * 100} % of where it was before the edits`, async () => {
        const generated = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/bench/generate.mjs'), String(SERVICES), 'files', dir], { encoding: 'utf8' });
        assert.equal(generated.status, 0, generated.stderr);
        const leaf = join(dir, 'services-099.topo');
        const uri = fileUri(leaf);
        const text = readFileSync(leaf, 'utf8');
        const lines = text.split('\n');
        const usersLine = lines.findIndex(l => l.trimStart().startsWith('users '));
        const serviceLine = lines.findIndex(l => l.startsWith('service '));
        assert.ok(usersLine > 0 && serviceLine >= 0, 'the generated file has a service with users');
        const edited = (users: number) => lines.map((l, i) => (i === usersLine ? `    users ${users}` : l)).join('\n');

        client = await startDebug({ folder: dir });
        await client.open(uri, text, 1);
        // the workspace is open when every file is published
        for (const file of readdirSync(dir).filter(f => f.endsWith('.topo'))) await client.published(fileUri(join(dir, file)));
        let version = 1;
        const edit = async (users: number) => {
            version++;
            const from = client!.diagnostics.all.length;
            await client!.change(uri, edited(users), version);
            await client!.published(uri, p => p.version === version, from);
        };
        // warm-up: what every edit keeps for the next one (the pool of arrays, compiled code) is in the baseline
        for (let i = 0; i < WARM_UP; i++) await edit(1000 + i);
        const before = await heapUsed(client);
        for (let i = 0; i < EDITS; i++) {
            await edit(2000 + i);
            if (i % 50 === 49) await client.request('textDocument/hover', { textDocument: { uri }, position: { line: serviceLine, character: 'service '.length + 2 } });
        }
        const after = await heapUsed(client);
        console.log(`      live heap: ${(before / MB).toFixed(1)} MB before ${EDITS} edits, ${(after / MB).toFixed(1)} MB after (${(100 * (after / before - 1)).toFixed(1)} %)`);
        assert.ok(after <= before * (1 + GROWTH_BOUND),
            `the live heap grew from ${(before / MB).toFixed(1)} MB to ${(after / MB).toFixed(1)} MB over ${EDITS} edits (bound: +${GROWTH_BOUND * 100} %)`);
    });
});
