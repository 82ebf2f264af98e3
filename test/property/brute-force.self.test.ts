/**
 * Checks the reference evaluator itself against the conformance expectations, on the models
 * rebuilt by hand from the conformance `.topo` files (test/analysis/conformance-models.ts: no
 * parser involved).
 */

import { strict as assert } from 'node:assert';
import { CASES } from '../analysis/conformance-models.js';
import { assertClose } from '../helpers/close.js';
import { conformanceCase } from '../helpers/conformance-cases.js';
import { findingKey } from '../helpers/finding-key.js';
import { analyzeBF, simulateBF } from './brute-force.js';
import { printTopo } from './print-topo.js';

describe('brute force vs conformance expectations', function () {
    for (const [name, model] of Object.entries(CASES)) {
        it(name, function () {
            const { expected } = conformanceCase(name);
            const context = `\n${printTopo(model)}`;
            const a = analyzeBF(model);
            assert.deepEqual(a.services.map(s => s.name), expected.analyze.services.map(s => s.name), context);
            for (const es of expected.analyze.services) {
                const s = a.services.find(x => x.name === es.name)!;
                assert.deepEqual(s.spofs, es.spofs, `${es.name} spofs${context}`);
                assert.deepEqual(s.nearest, es.nearest, `${es.name} nearest${context}`);
                assertClose(s.availability, es.availability, `${es.name} availability`);
            }
            assert.deepEqual(
                a.domains.map(d => ({ name: d.name, kind: d.kind, down: d.down, degraded: d.degraded, users: d.users })),
                expected.analyze.domains.map(d => ({ name: d.name, kind: d.kind, down: d.down, degraded: d.degraded, users: d.users })),
                `domains${context}`);
            assert.deepEqual(a.findings.map(findingKey).sort(), expected.findings.map(findingKey).sort(), `findings${context}`);
            for (const sim of expected.simulate) {
                const r = simulateBF(model, sim.fail);
                const e = sim.expect;
                const label = `simulate ${sim.fail.join(',')}${context}`;
                assert.deepEqual(
                    { failed: r.failed, down: r.down, degraded: r.degraded, up: r.up, users: r.users },
                    { failed: e.failed, down: e.down, degraded: e.degraded, up: e.up, users: e.users }, label);
                const expectedOutages = Object.fromEntries(Object.entries(e.outages).map(([k, v]) => [k, v.minutes]));
                assert.deepEqual(r.outages, expectedOutages, label);
            }
        });
    }
});
