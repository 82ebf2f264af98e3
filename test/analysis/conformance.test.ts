/**
 * The conformance cases (test/fixtures/conformance), built as models by hand, against their
 * `*.expected.json`: services, blast radii, findings (no extra ones), simulations.
 */

import { strict as assert } from 'node:assert';
import { analyze, simulate } from '../../server/src/analysis/index.js';
import { assertClose } from '../helpers/close.js';
import { conformanceCase } from '../helpers/conformance-cases.js';
import { findingKey } from '../helpers/finding-key.js';
import { CASES } from './conformance-models.js';

describe('analysis: conformance cases', () => {
    for (const [name, model] of Object.entries(CASES)) {
        describe(name, () => {
            const want = conformanceCase(name).expected;

            it('analyze: services', () => {
                const r = analyze(model);
                assert.deepEqual(r.services.map(s => s.name), want.analyze.services.map(s => s.name));
                for (const ws of want.analyze.services) {
                    const s = r.services.find(x => x.name === ws.name)!;
                    assert.deepEqual(s.spofs, ws.spofs, `${ws.name} spofs`);
                    assert.deepEqual(s.nearest, ws.nearest, `${ws.name} nearest`);
                    assertClose(s.availability, ws.availability, `${ws.name} availability`);
                    assert.deepEqual(Object.keys(s.paths).sort(), ws.spofs, `${ws.name} has a path for every SPOF`);
                }
            });

            it('analyze: blast radii', () => {
                const r = analyze(model);
                assert.deepEqual(r.domains.map(d => d.name), want.analyze.domains.map(d => d.name));
                for (const wd of want.analyze.domains) {
                    const d = r.domains.find(x => x.name === wd.name)!;
                    assert.deepEqual({ kind: d.kind, down: d.down, degraded: d.degraded, users: d.users },
                        { kind: wd.kind, down: wd.down, degraded: wd.degraded, users: wd.users }, wd.name);
                }
            });

            it('analyze: findings, and no others', () => {
                const r = analyze(model);
                assert.deepEqual(r.findings.map(findingKey).sort(), want.findings.map(findingKey).sort());
                for (const f of r.findings) {
                    assert.ok(f.message.length > 20, `${findingKey(f)} has a message`);
                    assert.deepEqual(f.causes, [...f.causes].sort(), 'causes sorted');
                }
            });

            for (const sim of want.simulate) {
                it(`simulate ${sim.fail.join(', ')}`, () => {
                    const r = simulate(model, sim.fail);
                    const w = sim.expect;
                    assert.deepEqual(
                        { failed: r.failed, down: r.down, degraded: r.degraded, up: r.up, users: r.users },
                        { failed: w.failed, down: w.down, degraded: w.degraded, up: w.up, users: w.users });
                    assert.deepEqual(Object.keys(r.outages).sort(), Object.keys(w.outages).sort(), 'services with an outage');
                    for (const [s, o] of Object.entries(w.outages)) {
                        assertClose(r.outages[s].minutes, o.minutes, `outage of ${s}`);
                        assert.ok(r.outages[s].reason.length > 0, `outage of ${s} has a reason`);
                    }
                });
            }
        });
    }
});
