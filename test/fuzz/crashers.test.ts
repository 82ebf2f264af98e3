/**
 * Every input that once crashed or hung (test/fixtures/crashers/), run again: in-process through
 * the whole pipeline, and through the real `topo` binary.
 *
 * A crasher is a `.topo` file, a folder with `main.topo` and what it imports, or a `.json`
 * `FuzzInput` (for text a file cannot hold, such as a lone surrogate; `npm run fuzz` writes its
 * failures in this form), gzipped (`.json.gz`) when large.
 *
 * Each has the fuzz inputs' 1 s for every 200,000 characters (the size a fuzz input is cut to).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { assertClean, commandFor, runTopo, writeInput } from './cli-run.js';
import { costOf, runPipeline, type FuzzInput } from './pipeline.js';

const CRASHERS = join(PROJECT_ROOT, 'test', 'fixtures', 'crashers');

function topoFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? topoFiles(join(dir, e.name)) : e.name.endsWith('.topo') ? [join(dir, e.name)] : []);
}

export function crashers(): Array<{ name: string; input: FuzzInput }> {
    return readdirSync(CRASHERS).sort().flatMap(entry => {
        const full = join(CRASHERS, entry);
        if (entry.endsWith('.topo')) return [{ name: entry, input: { kind: entry, files: { 'main.topo': readFileSync(full, 'utf8') }, root: 'main.topo', fail: ['*'] } }];
        if (entry.endsWith('.json')) return [{ name: entry, input: { kind: entry, ...JSON.parse(readFileSync(full, 'utf8')) } as FuzzInput }];
        if (entry.endsWith('.json.gz')) return [{ name: entry, input: { kind: entry, ...JSON.parse(gunzipSync(readFileSync(full)).toString('utf8')) } as FuzzInput }];
        if (statSync(full).isDirectory()) {
            const files = Object.fromEntries(topoFiles(full).map(f => [relative(full, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
            return [{ name: entry, input: { kind: entry, files, root: 'main.topo', fail: ['*'] } }];
        }
        return [];
    });
}

describe('fuzz: crashers found so far', function () {
    this.timeout(60_000);

    const all = crashers();
    it('there are crasher fixtures', () => assert.ok(all.length > 0));

    for (const { name, input } of all) {
        it(`${name}: the pipeline finishes without an exception`, async () => {
            const report = await runPipeline(input);
            const characters = Object.values(input.files).reduce((n, text) => n + text.length, 0);
            // a hang guard, generous (the machine may be busy): 5 s of CPU per 200,000 characters
            const limit = 5000 * Math.max(1, characters / 200_000);
            assert.ok(costOf(report) < limit, `took ${report.milliseconds.toFixed(0)} ms (CPU ${report.cpuMilliseconds.toFixed(0)} ms), limit ${limit.toFixed(0)} ms`);
        });

        it(`${name}: the topo binary exits 0, 1 or 2 without a stack trace`, async () => {
            const file = writeInput(input);
            for (let i = 0; i < 3; i++) {
                const args = commandFor(i, file, input.files[input.root] ?? '');
                assertClean(await runTopo(args), `topo ${args.join(' ')}`);
            }
        });
    }
});
