/**
 * A sample of 25 mutated models through the real `topo` binary (check, analyze, simulate in
 * turn; every tenth written as Latin-1, so not UTF-8): exit 0, 1 or 2, never a stack trace or an
 * "internal error", and one line on stderr for exit 2.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadSeeds, mutatedSeed } from './generators.js';
import { assertClean, commandFor, runAll, runTopo, writeInput } from './cli-run.js';

const SEED = Number(process.env.TOPO_FUZZ_SEED ?? 20261126);

describe('fuzz: mutated models through the topo binary', function () {
    this.timeout(300_000);
    this.slow(30_000);

    it('25 mutated files: exit 0, 1 or 2 and no stack trace', async () => {
        const inputs = fc.sample(mutatedSeed(loadSeeds()), { seed: SEED, numRuns: 25 });
        await runAll(inputs, Math.max(1, Math.min(4, availableParallelism())), async (input, i) => {
            const file = writeInput(input, i % 10 === 9 ? 'latin1' : 'utf8');
            const args = commandFor(i, file, readFileSync(file, 'utf8'));
            assertClean(await runTopo(args), `input ${i} (${input.kind}): topo ${args.join(' ')}`);
        });
    });
});
