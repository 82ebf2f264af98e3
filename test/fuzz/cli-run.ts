/** Fuzz inputs on disk, through the real `topo` binary: exit 0, 1 or 2, never a stack trace. */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { runTopo, type RunResult } from '../helpers/run-topo.js';
import { tempFolder, writeFiles } from '../helpers/temp-files.js';
import type { FuzzInput } from './pipeline.js';

/** Writes the files of `input` under a fresh folder; returns the root file's path. */
export function writeInput(input: FuzzInput, encoding: BufferEncoding = 'utf8'): string {
    const dir = tempFolder('topo-fuzz-');
    writeFiles(dir, input.files, encoding);
    return join(dir, input.root);
}

export function assertClean(r: RunResult, what: string): void {
    const output = r.stdout + r.stderr;
    assert.ok(r.code === 0 || r.code === 1 || r.code === 2, `${what}: exit ${r.code}\n${output.slice(0, 2000)}`);
    assert.doesNotMatch(output, /^\s+at /m, `${what}: a stack trace\n${output.slice(0, 2000)}`);
    assert.doesNotMatch(output, /internal error/, `${what}: an internal error\n${output.slice(0, 2000)}`);
    if (r.code === 2) assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${what}: exit 2 with more than one line\n${r.stderr.slice(0, 2000)}`);
}

/** The commands a sample input is run with, in turn. */
export function commandFor(i: number, file: string, text: string): string[] {
    const name = /^\s*(?:region|site|infra|service|datastore)\s+([a-zA-Z][a-zA-Z0-9_-]*)/m.exec(text)?.[1] ?? 'nothing';
    switch (i % 3) {
        case 0: return ['check', file];
        case 1: return ['analyze', file, '--format', 'json'];
        default: return ['simulate', file, '--fail', name];
    }
}

export async function runAll<T>(items: T[], parallel: number, run: (item: T, i: number) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(Array.from({ length: parallel }, async () => {
        while (next < items.length) {
            const i = next++;
            await run(items[i], i);
        }
    }));
}

export { runTopo };
