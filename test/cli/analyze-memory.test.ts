/**
 * A memory regression test: `topo analyze --format json` writes its complete answer (every SPOF
 * of every service, with its path) service by service, so its heap does not grow with the
 * answer. On the bench generator's 2,000-service model (one file; every site a SPOF of nearly
 * every later service: a quadratic answer of about 115 MB of JSON) it runs with V8's heap capped
 * at HEAP_BOUND_MB, less than the answer's own text; V8 stops a process whose live heap cannot
 * fit under the cap ("heap out of memory", signal 6). Building the answer whole, as `topo
 * analyze` did before it streamed, needs more than 256 MB there; streaming passes with 96 MB, not
 * with 48 MB. Not a time limit: the hang guard is long.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, TOPO_BIN } from '../helpers/run-topo.js';

/** The stated bound on the peak heap of `topo analyze` of the 2,000-service model, in MB. */
const HEAP_BOUND_MB = 128;

describe('memory: topo analyze streams a quadratic answer under a heap bound', function () {
    this.timeout(900_000); // a hang guard for a loaded machine, not a limit on time
    let dir: string;
    let model: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'topo-analyze-memory-'));
        const generated = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/bench/generate.mjs'), '2000', 'one', join(dir, 'model')], { encoding: 'utf8' });
        assert.equal(generated.status, 0, generated.stderr);
        model = join(dir, 'model', 'model.topo');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** Runs `topo analyze MODEL --format json` with the heap capped, its answer into OUT. */
    const analyze = (heapMb: number, out: string) => {
        const fd = openSync(out, 'w');
        try {
            return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, TOPO_BIN, 'analyze', model, '--format', 'json'], {
                encoding: 'utf8', stdio: ['ignore', fd, 'pipe']
            });
        } finally {
            closeSync(fd);
        }
    };

    it(`writes the whole answer, larger than its ${HEAP_BOUND_MB} MB of heap`, () => {
        const out = join(dir, 'answer.json');
        const run = analyze(HEAP_BOUND_MB, out);
        assert.equal(run.signal, null, `stopped by ${run.signal}: ${run.stderr.split('\n').find(l => /heap/i.test(l)) ?? run.stderr.slice(0, 300)}`);
        assert.equal(run.status, 0, run.stderr.slice(0, 300));
        const size = statSync(out).size;
        assert.ok(size > HEAP_BOUND_MB * 2 ** 20 * 0.75, `the answer (${size} bytes) is of the size of the heap bound: it does not show that the answer is not held`);
        const head = readSlice(out, 0, 64);
        const tail = readSlice(out, size - 4096, 4096);
        assert.match(head, /^\{\n {2}"schemaVersion": 1,\n {2}"services": \[\n {4}\{\n {6}"name": "/);
        // the last failure domain's report (what its failure takes down, for how many users), then the end of the document
        assert.match(tail, /\n {6}"degraded": \[[^\]]*\],\n {6}"users": \d+\n {4}\}\n {2}\]\n\}\n$/);
    });

    it('the cap does stop a run that needs more (48 MB is too little there)', () => {
        const run = analyze(48, join(dir, 'stopped.json'));
        assert.ok(run.signal !== null || run.status === 134, `exit ${run.status}: it was expected to run out of heap`);
    });
});

function readSlice(path: string, position: number, length: number): string {
    const fd = openSync(path, 'r');
    try {
        const buffer = Buffer.alloc(length);
        const read = readSync(fd, buffer, 0, length, Math.max(0, position));
        return buffer.subarray(0, read).toString('utf8');
    } finally {
        closeSync(fd);
    }
}
