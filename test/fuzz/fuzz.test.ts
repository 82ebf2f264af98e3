/**
 * Fuzzing in `npm test`: 2,000 generated inputs through parse, link, validate, build model,
 * analyze and simulate, in-process. No exception escapes (nor hides in a diagnostic or on
 * console.error), no message is garbled, and no input runs away: a hang guard of 5 s of CPU time
 * per input (a few milliseconds is usual; `npm run fuzz` reports the slowest).
 *
 * The seed is fixed so that the suite is repeatable; `TOPO_FUZZ_SEED=n` runs other inputs.
 * `npm run fuzz` runs 100,000 (scripts/fuzz.mjs).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { loadSeeds, mutatedSeed, structuredModel, tokenSoup } from './generators.js';
import { costOf, runPipeline, type FuzzInput } from './pipeline.js';

const SEED = Number(process.env.TOPO_FUZZ_SEED ?? 20261126);
/** A hang guard, generous: the machine may be busy. */
const LIMIT_MS = 5000;

async function property(arbitrary: fc.Arbitrary<FuzzInput>, numRuns: number, seed: number): Promise<void> {
    await fc.assert(fc.asyncProperty(arbitrary, async input => {
        const report = await runPipeline(input);
        assert.ok(costOf(report) < LIMIT_MS, `took ${report.milliseconds.toFixed(0)} ms (CPU ${report.cpuMilliseconds.toFixed(0)} ms)`);
    }), { numRuns, seed, endOnFailure: false });
}

describe('fuzz: generated input through the whole pipeline', function () {
    this.timeout(300_000);
    this.slow(60_000);

    it('300 random token sequences in the language\'s vocabulary', async () => {
        await property(tokenSoup, 300, SEED);
    });

    it('250 structured models with random references, numbers and imports', async () => {
        await property(structuredModel, 250, SEED + 1);
    });

    it('450 mutated conformance and example models', async () => {
        await property(mutatedSeed(loadSeeds()), 450, SEED + 2);
    });
});
