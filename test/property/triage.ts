/**
 * Triage of engine/reference disagreements (not a test): runs many random models, groups the
 * differences by kind and, for every kind, shrinks to a smallest counterexample.
 *
 *   npx tsx test/property/triage.ts [runs=2000] [seed] [maxElements=12]
 *
 * TOPO_ENGINE=/path/to/analysis/index.ts runs it against another copy of the engine (e.g. one
 * extracted with `git archive`).
 */

import fc from 'fast-check';
import type * as Engine from '../../server/src/analysis/index.js';
import type { Model } from '../../server/src/analysis/model.js';
import { modelsWithFailuresOf } from './arbitrary-model.js';
import { compareAnalysis, compareSimulation, type Diff } from './compare.js';
import { printTopo } from './print-topo.js';

const { analyze, simulate } = (await import(process.env.TOPO_ENGINE ?? '../../server/src/analysis/index.js')) as typeof Engine;

const runs = Number(process.argv[2] ?? 2000);
const seed = process.argv[3] !== undefined ? Number(process.argv[3]) : Date.now() % 1_000_000;
const modelWithFailuresArb = modelsWithFailuresOf(Number(process.argv[4] ?? 12));

function allDiffs(model: Model, failureSets: string[][]): Diff[] {
    const out: Diff[] = [];
    const guard = (kind: string, f: () => Diff[]) => {
        try { out.push(...f()); }
        catch (e) { out.push({ kind: `${kind}.throws`, text: `${kind} throws: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}` }); }
    };
    for (const failed of [[], ...failureSets]) guard('simulate', () => compareSimulation(model, failed, simulate(model, failed)));
    guard('analyze', () => compareAnalysis(model, analyze(model)));
    for (const budget of [0, 3, 20]) {
        guard('budgeted', () => compareAnalysis(model, analyze(model, { availabilityNodeBudget: budget }), { budgeted: true })
            .map(x => ({ kind: `budget.${x.kind}`, text: `(budget ${budget}) ${x.text}` })));
    }
    return out;
}

const counts = new Map<string, number>();
const t0 = Date.now();
fc.assert(fc.property(modelWithFailuresArb, ([gm, sets]) => {
    for (const k of new Set(allDiffs(gm.model, sets).map(d => d.kind))) counts.set(k, (counts.get(k) ?? 0) + 1);
}), { numRuns: runs, seed });
console.log(`${runs} models (seed ${seed}) in ${Date.now() - t0} ms; models with each kind of difference:`);
for (const [k, n] of [...counts].sort()) console.log(`  ${k}: ${n}`);

for (const kind of [...counts.keys()].sort()) {
    const r = fc.check(fc.property(modelWithFailuresArb, ([gm, sets]) =>
        !allDiffs(gm.model, sets).some(d => d.kind === kind)), { numRuns: runs, seed });
    if (!r.failed || r.counterexample === null) { console.log(`\n== ${kind}: not reproduced`); continue; }
    const [gm, sets] = r.counterexample[0];
    console.log(`\n== ${kind} (seed ${seed}, path ${r.counterexamplePath})`);
    console.log(printTopo(gm.model).trimEnd());
    for (const d of allDiffs(gm.model, sets)) console.log(`  ${d.kind === kind ? '*' : '-'} ${d.text}`);
}
