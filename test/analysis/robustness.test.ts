/**
 * Bad input never makes the engine throw or hang: unknown references, duplicate names,
 * odd numbers (NaN, negative, Infinity), missing arrays.
 */

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, simulate, type Element, type ElementKind, type Model } from '../../server/src/analysis/index.js';

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'ghost'];
const name = fc.constantFrom(...NAMES);
const odd = fc.constantFrom(NaN, -1, 0, 0.5, 1, 2, 3, 7, Infinity, 1e9);
const kind = fc.constantFrom<ElementKind>('region', 'site', 'infra', 'service', 'datastore');

const element: fc.Arbitrary<Element> = fc.record({
    name: name.filter(n => n !== 'ghost'),
    kind,
    container: fc.option(name, { nil: undefined }),
    dependsOn: fc.array(fc.record({
        form: fc.constantFrom<'one' | 'any' | 'kof'>('one', 'any', 'kof'),
        k: odd,
        members: fc.array(name, { maxLength: 4 })
    }), { maxLength: 3 }),
    availability: fc.option(odd, { nil: undefined }),
    recovery: fc.option(odd, { nil: undefined }),
    deployments: fc.array(fc.record({ domain: name, replicas: odd, standby: fc.boolean() }), { maxLength: 3 }),
    quorum: fc.option(odd, { nil: undefined }),
    capacity: fc.option(odd, { nil: undefined }),
    failover: fc.option(odd, { nil: undefined }),
    uses: fc.array(name, { maxLength: 2 }),
    monitors: fc.array(name, { maxLength: 2 }),
    users: odd,
    tier: fc.constantFrom<Element['tier']>('critical', 'high', 'normal', 'low'),
    slo: fc.option(odd, { nil: undefined }),
    replication: fc.option(fc.constantFrom<'sync' | 'async'>('sync', 'async'), { nil: undefined }),
    backups: fc.array(name, { maxLength: 2 }),
    meta: fc.constant({ tags: [] })
}, { requiredKeys: ['name', 'kind', 'dependsOn', 'deployments', 'uses', 'monitors', 'users', 'tier', 'backups', 'meta'] });

const sorted = (xs: Iterable<string>) => [...xs].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

describe('analysis: robustness on bad input', function () {
    this.timeout(60_000);

    it('never throws, and keeps its lists sorted', () => {
        fc.assert(fc.property(fc.array(element, { maxLength: 10 }), fc.array(name, { maxLength: 3 }), (elements, failed) => {
            const model: Model = { elements };
            const r = analyze(model, { availabilityNodeBudget: 50 });
            for (const s of r.services) {
                assert.deepEqual(s.spofs, sorted(s.spofs));
                assert.deepEqual(Object.keys(s.paths), s.spofs);
                if (s.availability !== null) assert.ok(s.availability >= -1e-12 && s.availability <= 1 + 1e-12);
                if (s.availabilityBounds) assert.ok(s.availabilityBounds[0] <= s.availabilityBounds[1] + 1e-12);
            }
            for (const f of r.findings) assert.ok(f.message.length > 0);
            const sim = simulate(model, failed);
            assert.deepEqual(sim.down, sorted(sim.down));
            assert.deepEqual(sim.failed, sorted(new Set(failed.filter(n => elements.some(e => e.name === n)))));
            for (const o of Object.values(sim.outages)) assert.ok(o.reason.length > 0 && (o.minutes === null || o.minutes > 0));
        }), { numRuns: 500 });
    });

    it('survives missing arrays and a missing model', () => {
        const partial = { elements: [{ name: 'x', kind: 'service' }, { name: 's', kind: 'site' }] } as unknown as Model;
        assert.doesNotThrow(() => analyze(partial));
        assert.doesNotThrow(() => simulate(partial, ['s']));
        assert.doesNotThrow(() => analyze(undefined as unknown as Model));
    });
});
