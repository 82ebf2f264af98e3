/**
 * Every conformance case, through the same path the CLI takes: load the file and its imports,
 * build the model, analyze and simulate. Fields present in the expected file must match.
 */
import { strict as assert } from 'node:assert';
import { analyze, simulate } from '../../server/src/analysis/index.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { languageDiagnostics } from '../../server/src/language/diagnostics.js';
import { closureDocuments } from '../../server/src/language/closure-model.js';
import { analysisJson } from '../../server/src/cli/analyze-command.js';
import { simulationJson } from '../../server/src/cli/simulate-command.js';
import { conformanceCases } from '../helpers/conformance-cases.js';
import { expectSubset } from '../helpers/expect-subset.js';
import { findingKey } from '../helpers/finding-key.js';

describe('conformance', () => {
    for (const c of conformanceCases()) {
        describe(c.name, () => {
            let built: ReturnType<typeof closureModel>;

            before(async () => {
                const workspace = await loadWorkspace([c.file]);
                const root = workspace.roots[0];
                const errors = closureDocuments(workspace.services, root).flatMap(languageDiagnostics);
                assert.deepEqual(errors.map(e => e.message), [], 'the case has no language diagnostics');
                built = closureModel(workspace.services, root);
            });

            it('analyze', () => {
                expectSubset(analysisJson(analyze(built.model)), c.expected.analyze);
            });

            it('findings (exactly the expected ones)', () => {
                const actual = analyze(built.model).findings.map(findingKey).sort();
                const expected = c.expected.findings.map(findingKey).sort();
                assert.deepEqual(actual, expected);
            });

            for (const sim of c.expected.simulate) {
                it(`simulate --fail ${sim.fail.join(',')}`, () => {
                    const result = simulationJson(simulate(built.model, sim.fail)) as Record<string, unknown>;
                    expectSubset(result, sim.expect);
                    const outages = result.outages as Record<string, unknown>;
                    assert.deepEqual(Object.keys(outages).sort(), Object.keys(sim.expect.outages as object).sort(), 'exactly the interrupted services have outages');
                });
            }
        });
    }
});
