/**
 * Property test: what the language server does on each edit against doing it from scratch. A
 * compilation that copies the leading rows of an earlier one (`compileModel`'s `previous`), and
 * an analysis that copies the down sets of those rows (`Analysis`'s `previous`), must give
 * exactly what a fresh compilation and analysis of the same elements give: every array, every
 * down set, every finding. The models are random, and so is the edit: the earlier model's
 * elements up to a random point kept as the same objects, then copies of the rest (changed or
 * not), or another random model's elements (names that clash, references that now resolve
 * elsewhere), or a name that the kept rows referred to in vain, now declared. And an element
 * whose cone `unchangedCones` says the edit did not change must have the same availability and
 * the same outage under every single failure in both models (what the language server keeps).
 * The findings about the edited elements alone are the fresh findings about them.
 *
 *   npx mocha --no-config --node-option import=tsx test/property/incremental-vs-fresh.test.ts
 *   FC_SEED=<seed> FC_RUNS=<runs> (same command)
 */

import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { Analysis, analyzeFindings, BufferPool, compileModel, outagesCompiled, releaseArrays, type CompiledModel } from '../../server/src/analysis/index.js';
import { unchangedCones } from '../../server/src/analysis/unchanged-cones.js';
import type { DownSets } from '../../server/src/analysis/down-sets.js';
import { prepare } from '../../server/src/analysis/prepared.js';
import { sweepDomains } from '../../server/src/analysis/sweep.js';
import type { Element, Model } from '../../server/src/analysis/model.js';
import { modelsBetween } from './arbitrary-model.js';
import { printTopo } from './print-topo.js';
import { assertClose } from '../helpers/close.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;

type Edit = 'same' | 'changed' | 'other' | 'declared';

/** The model after an edit of `before`'s elements from `at` on. */
function edited(before: Model, other: Model, at: number, edit: Edit, dropped: Element | undefined): Model {
    const kept = before.elements.slice(0, at);
    const rest = before.elements.slice(at).map(e => structuredClone(e));
    switch (edit) {
        case 'same': return { elements: [...kept, ...rest] };
        case 'changed': return { elements: [...kept, ...rest.map((e, i) => (i % 2 === 0 ? { ...e, users: e.users + 1, quorum: (e.quorum ?? 1) + (i % 3) } : e))] };
        case 'other': return { elements: [...kept, ...other.elements.map(e => structuredClone(e))] };
        case 'declared': return { elements: [...kept, ...rest, ...(dropped ? [structuredClone(dropped)] : [])] };
    }
}

/** The down sets an analysis stands on. */
function setsOf(analysis: Analysis): DownSets {
    return (analysis as unknown as { ctx: { sweep: { sets: DownSets } } }).ctx.sweep.sets;
}

/** Every field of a compiled model but the ones that name the compilation. */
function comparable(cm: CompiledModel): Record<string, unknown> {
    const { stamp, basis, ...rest } = cm;
    void stamp; void basis;
    return rest;
}

describe('incremental compilation and down sets vs fresh ones (random models and edits)', function () {
    this.timeout(120_000);

    it('copying the unchanged rows gives every array, down set and finding that a fresh analysis gives', function () {
        const pool = new BufferPool();
        let copiedCompiles = 0;
        let copiedDownSets = 0;
        fc.assert(fc.property(
            modelsBetween(2, 30), modelsBetween(1, 8), fc.nat(), fc.constantFrom<Edit>('same', 'changed', 'other', 'declared'), fc.nat(),
            (a, other, cut, edit, drop) => {
                // 'declared': the earlier model lacks one element that its rows may refer to
                const dropped = edit === 'declared' ? a.model.elements[drop % a.model.elements.length] : undefined;
                const before: Model = { elements: a.model.elements.filter(e => e !== dropped) };
                const at = cut % (before.elements.length + 1);
                const after = edited(before, other.model, at, edit, dropped);

                const earlier = compileModel(before, { arrays: pool });
                const earlierAnalysis = new Analysis(earlier, { pool });
                const incremental = compileModel(after, { previous: earlier, arrays: pool });
                const fresh = compileModel(after);
                const context = `edit ${edit} at ${at}, ${incremental.basis?.prefix ?? 0} rows copied; before:\n${printTopo(before)}\nafter:\n${printTopo(after)}`;
                assert.deepEqual(comparable(incremental), comparable(fresh), context);
                if ((incremental.basis?.prefix ?? 0) > 0) copiedCompiles++;

                const analysis = new Analysis(incremental, { pool, previous: earlierAnalysis });
                const sets = sweepDomains(prepare(fresh).engine).sets;
                const mine = setsOf(analysis);
                assert.deepEqual([...mine.down], [...sets.down], `down sets: ${context}`);
                assert.deepEqual([...mine.unhealthy], [...sets.unhealthy], `unhealthy sets: ${context}`);
                assert.deepEqual([...mine.cyclic], [...sets.cyclic], `cyclic: ${context}`);
                assert.deepEqual([...mine.bitOf], [...sets.bitOf], `bits: ${context}`);
                if (mine.domainAt === setsOf(earlierAnalysis).domainAt) copiedDownSets++;
                const freshFindings = analyzeFindings(fresh);
                assert.deepEqual(analysis.findings(), freshFindings, `findings: ${context}`);
                // what an edit asks for: the findings about the edited elements only (the kept ones' stay)
                const subjects = new Set(after.elements.slice(at).map(e => e.name));
                assert.deepEqual(analysis.findings(subjects), freshFindings.filter(f => subjects.has(f.subject)), `findings of the edited elements: ${context}`);

                earlierAnalysis.retire();
                releaseArrays(pool, earlier);
                analysis.retire();
                releaseArrays(pool, incremental);
            }
        ), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
        process.stdout.write(`      (rows copied in ${copiedCompiles}, down sets in ${copiedDownSets} of ${RUNS} runs)\n`);
        assert.ok(copiedCompiles > RUNS / 10, `rows were copied in ${copiedCompiles} of ${RUNS} runs`);
        assert.ok(copiedDownSets > RUNS / 50, `down sets were copied in ${copiedDownSets} of ${RUNS} runs`);
    });

    it('an element whose cone did not change keeps its availability, its outage under every failure, and a service its worst single failure and pairs', function () {
        let kept = 0;
        let changed = 0;
        let boundsChecked = 0;
        fc.assert(fc.property(
            modelsBetween(2, 16), modelsBetween(1, 6), fc.nat(), fc.constantFrom<Edit>('same', 'changed', 'other', 'declared'), fc.nat(),
            fc.constantFrom(undefined, 0, 4, 16),
            (a, other, cut, edit, drop, budget) => {
                const dropped = edit === 'declared' ? a.model.elements[drop % a.model.elements.length] : undefined;
                const before: Model = { elements: a.model.elements.filter(e => e !== dropped) };
                const after = edited(before, other.model, cut % (before.elements.length + 1), edit, dropped);
                const cmBefore = compileModel(before);
                const cmAfter = compileModel(after);
                const same = unchangedCones(cmBefore, cmAfter);
                // past a small node budget, before: bounds for some services; after: exact
                const availabilityBefore = new Analysis(cmBefore, { availabilityNodeBudget: budget }).availability();
                const availabilityAfter = new Analysis(cmAfter).availability();
                const reportsBefore = new Analysis(cmBefore);
                const reportsAfter = new Analysis(cmAfter);
                const domains = [...new Set([...cmBefore.domains].map(d => cmBefore.names[d]).concat([...cmAfter.domains].map(d => cmAfter.names[d])))];
                for (let y = 0; y < cmAfter.n; y++) {
                    if (!same[y]) { changed++; continue; }
                    kept++;
                    const name = cmAfter.names[y];
                    const x = cmBefore.index.get(name)!;
                    const context = `${name} kept; before:\n${printTopo(before)}\nafter:\n${printTopo(after)}`;
                    // exact in both: equal up to rounding (the two models number their variables apart, so the
                    // BDDs add the same terms in another order); kept bounds: they hold the exact value (sound)
                    const keptBounds = availabilityBefore.bounds.get(x);
                    if (keptBounds === undefined && !availabilityAfter.bounds.has(y)) {
                        assertClose(availabilityAfter.value[y], availabilityBefore.value[x] ?? null, `availability of ${context}`);
                    } else if (keptBounds !== undefined && !availabilityAfter.bounds.has(y)) {
                        const v = availabilityAfter.value[y]!;
                        assert.ok(keptBounds[0] <= v + 1e-12 && v <= keptBounds[1] + 1e-12, `${v} within the kept bounds [${keptBounds}] of ${context}`);
                        boundsChecked++;
                    }
                    if (cmAfter.isDomain[y]) continue;
                    // a service's worst single failure and its pairs (kept by the editor, lsp/carry-over.ts)
                    if (cmAfter.elements[y].kind === 'service') {
                        assert.deepEqual(reportsAfter.recovery(name)?.worstOutage, reportsBefore.recovery(name)?.worstOutage, `worst single failure of ${context}`);
                        assert.deepEqual(reportsAfter.pairs(name), reportsBefore.pairs(name), `pairs of ${context}`);
                    }
                    for (const d of domains) {
                        // how long and why depend on the cone only (the users are the service's own, read anew)
                        const lengthAndReason = (cm: CompiledModel) => Object.fromEntries(Object.entries(outagesCompiled(cm, [d], [name])).map(([k, o]) => [k, { minutes: o.minutes, reason: o.reason }]));
                        assert.deepEqual(lengthAndReason(cmAfter), lengthAndReason(cmBefore), `outage when ${d} fails, of ${context}`);
                    }
                }
            }
        ), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
        assert.ok(kept > RUNS && changed > RUNS / 4 && boundsChecked > RUNS / 10, `${kept} elements kept, ${changed} changed, ${boundsChecked} kept bounds checked`);
    });

    it('can fail: a copied row that refers past the copied ones is caught', function () {
        const site = (name: string): Element => ({ name, kind: 'site', dependsOn: [], deployments: [], uses: [], monitors: [], users: 0, tier: 'normal', backups: [], meta: { tags: [] } });
        const a = site('a');
        const b = { ...site('b'), dependsOn: [{ form: 'one' as const, k: 1, members: ['c'] }] };
        const before: Model = { elements: [a, b, site('c')] };
        const earlier = compileModel(before);
        // b (kept) refers to c, which is not kept: b's row cannot be copied as it is
        const after: Model = { elements: [a, b, site('d'), site('c')] };
        const incremental = compileModel(after, { previous: earlier });
        assert.equal(incremental.basis?.prefix, 1);
        assert.deepEqual(comparable(incremental), comparable(compileModel(after)));
        // and were it copied regardless, the comparison above would see it
        const wrong = { ...comparable(incremental), termMembers: earlier.termMembers };
        assert.throws(() => assert.deepEqual(wrong, comparable(compileModel(after))));
    });
});
