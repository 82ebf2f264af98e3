/**
 * Checks the reference evaluator itself against the shared conformance expectations, on
 * models rebuilt by hand from the conformance `.topo` files (no parser involved).
 */

import { strict as assert } from 'node:assert';
import type { Element, ElementKind, Model, Term } from '../../server/src/analysis/model.js';
import { expected as expectedCase } from '../analysis/build.js';
import { analyzeBF, simulateBF } from './brute-force.js';
import { printTopo } from './print-topo.js';

function el(kind: ElementKind, name: string, patch: Partial<Element> = {}): Element {
    return {
        name, kind, dependsOn: [], deployments: [], uses: [], monitors: [], users: 0,
        tier: 'normal', backups: [], meta: { tags: [] }, ...patch
    };
}
const one = (...names: string[]): Term[] => names.map(n => ({ form: 'one', k: 1, members: [n] }));
const any = (...members: string[]): Term => ({ form: 'any', k: 1, members });
const on = (domain: string, replicas = 1, standby = false) => ({ domain, replicas, standby });

const MODELS: Record<string, Model> = {
    '03-shared-power': {
        elements: [
            el('infra', 'grid', { meta: { tags: [], infraKind: 'power' } }),
            el('infra', 'diesel', { meta: { tags: [], infraKind: 'power' } }),
            el('site', 'east', { dependsOn: one('grid') }),
            el('site', 'west', { dependsOn: one('grid') }),
            el('site', 'north', { dependsOn: [any('grid', 'diesel')] }),
            el('service', 'api', { deployments: [on('east'), on('west')] }),
            el('service', 'web', { deployments: [on('east'), on('north')] }),
            el('service', 'batch', { deployments: [on('east')], tier: 'low' })
        ]
    },
    '06-failover-timing': {
        elements: [
            el('region', 'kr'),
            el('site', 'pangyo', { container: 'kr', recovery: 600 }),
            el('site', 'ansan', { container: 'kr', recovery: 240 }),
            el('service', 'auth', { deployments: [on('pangyo', 10), on('ansan', 10, true)], failover: 30 }),
            el('service', 'talk', { deployments: [on('pangyo', 100)], dependsOn: one('auth') }),
            el('service', 'bank', { deployments: [on('ansan')], dependsOn: one('auth') })
        ]
    },
    '07-soft-and-capacity': {
        elements: [
            el('site', 'east'),
            el('site', 'west'),
            el('service', 'media', { deployments: [on('east')] }),
            el('service', 'talk', {
                deployments: [on('east', 8), on('west', 4)], capacity: 6, uses: ['media'], users: 1_000_000
            }),
            el('service', 'gateway', { deployments: [on('east'), on('west')], dependsOn: one('talk') })
        ]
    },
    '08-cycle': {
        elements: [
            el('site', 'dc1'),
            el('site', 'dc2'),
            el('service', 'network', { deployments: [on('dc1'), on('dc2')], dependsOn: one('monitoring') }),
            el('service', 'monitoring', { deployments: [on('dc1')], dependsOn: one('network') })
        ]
    },
    '09-backup-and-observer': {
        elements: [
            el('region', 'strasbourg', { label: 'Strasbourg campus' }),
            el('region', 'roubaix'),
            el('site', 'sbg1', { container: 'strasbourg' }),
            el('site', 'sbg2', { container: 'strasbourg' }),
            el('site', 'rbx', { container: 'roubaix' }),
            el('datastore', 'vps-disks', { deployments: [on('sbg2')], backups: ['sbg1'] }),
            el('datastore', 'game-saves', { deployments: [on('sbg1')], backups: ['sbg1'] }),
            el('datastore', 'archive', { deployments: [on('sbg1'), on('rbx')], replication: 'async' }),
            el('service', 'storage', { deployments: [on('sbg1'), on('sbg2')] }),
            el('service', 'status', { label: 'Status page', deployments: [on('sbg1')], monitors: ['storage'] })
        ]
    },
    '10-availability': {
        elements: [
            el('site', 'a', { availability: 0.99 }),
            el('site', 'b', { availability: 0.99 }),
            el('infra', 'grid', { availability: 0.999, meta: { tags: [], infraKind: 'power' } }),
            el('service', 'db', { deployments: [on('a'), on('b')] }),
            el('service', 'app', { deployments: [on('a'), on('b')], dependsOn: one('db', 'grid'), slo: 0.9999 })
        ]
    },
    '12-standby-and-alternatives': {
        elements: [
            el('region', 'kr', { recovery: 600 }),
            el('site', 'seoul', { container: 'kr', recovery: 240 }),
            el('site', 'busan', { recovery: 120 }),
            el('site', 'daejeon'),
            el('service', 'ledger', {
                deployments: [on('seoul'), on('busan', 1, true)], quorum: 2, failover: 15, users: 2_000_000
            }),
            el('service', 'search-a', { deployments: [on('seoul', 2), on('daejeon', 2)], capacity: 3 }),
            el('service', 'search-b', { deployments: [on('busan', 2)] }),
            el('service', 'portal', { dependsOn: [any('search-a', 'search-b')], users: 5_000_000 }),
            el('service', 'api', { deployments: [on('daejeon')], dependsOn: one('search-a'), users: 1_000_000 })
        ]
    }
};

const findingKey = (f: { code: string; severity: string; subject: string; causes?: string[] }) =>
    `${f.code} ${f.severity} ${f.subject} [${(f.causes ?? []).join(',')}]`;

describe('brute force vs conformance expectations', function () {
    for (const [name, model] of Object.entries(MODELS)) {
        it(name, function () {
            const expected = expectedCase(`${name}.expected.json`);
            const context = `\n${printTopo(model)}`;
            const a = analyzeBF(model);
            assert.deepEqual(a.services.map(s => s.name), expected.analyze.services.map(s => s.name), context);
            for (const es of expected.analyze.services) {
                const s = a.services.find(x => x.name === es.name)!;
                assert.deepEqual(s.spofs, es.spofs, `${es.name} spofs${context}`);
                assert.deepEqual(s.nearest, es.nearest, `${es.name} nearest${context}`);
                if (es.availability === null) assert.equal(s.availability, null, `${es.name} availability`);
                else assert.ok(s.availability !== null && Math.abs(s.availability - es.availability) <= 1e-9,
                    `${es.name} availability ${s.availability} vs ${es.availability}`);
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
