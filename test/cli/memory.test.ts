/**
 * A memory regression test: `topo check` of the bench generator's 5,000-service workspace (101
 * files; docs/bench.md), on both workloads, run with V8's heap capped at HEAP_BOUND_MB. V8 stops
 * a process whose live heap cannot fit under the cap ("heap out of memory", signal 6), so the test
 * fails when the peak live heap grows past the bound. It is generous: about twice what `topo check`
 * needs there (it passes with 192 MB, not with 128 MB). Not a time limit: the hang guard is long.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, TOPO_BIN } from '../helpers/run-topo.js';

/** The stated bound on the peak heap of `topo check` at 5k services, in MB. */
const HEAP_BOUND_MB = 320;

describe('memory: topo check at 5,000 services stays under a heap bound', function () {
    this.timeout(600_000); // a hang guard for a loaded machine, not a limit on time
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'topo-memory-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const minSites of [1, 2]) {
        const workload = minSites === 1 ? 'every site a SPOF of nearly every later service' : 'two or three sites per service';
        it(`under ${HEAP_BOUND_MB} MB of heap: ${workload}`, () => {
            const folder = join(dir, `min-sites-${minSites}`);
            const generated = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/bench/generate.mjs'), '5000', 'files', folder, '--min-sites', String(minSites)], { encoding: 'utf8' });
            assert.equal(generated.status, 0, generated.stderr);
            const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_BOUND_MB}`, TOPO_BIN, 'check', join(folder, 'services-099.topo'), '--format', 'json'], {
                encoding: 'utf8', maxBuffer: 1 << 30
            });
            assert.equal(run.signal, null, `stopped by ${run.signal}: ${run.stderr.split('\n').find(l => /heap/i.test(l)) ?? run.stderr.slice(0, 300)}`);
            assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(0, 300)}`);
            const json = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
            assert.ok(json.diagnostics.some(d => d.code === 'spof'), 'the answer has spof findings');
        });
    }

    it('the cap does stop a run that needs more (64 MB is too little there)', () => {
        const folder = join(dir, 'min-sites-1');
        const run = spawnSync(process.execPath, ['--max-old-space-size=64', TOPO_BIN, 'check', join(folder, 'services-099.topo'), '--format', 'json'], {
            encoding: 'utf8', maxBuffer: 1 << 30
        });
        assert.ok(run.signal !== null || run.status === 134, `exit ${run.status}: it was expected to run out of heap`);
    });
});
