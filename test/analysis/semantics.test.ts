/**
 * The engine on small hand-made models: cycles, never-up, outage reasons, availability
 * (exact and past the budget), robustness on bad input, reuse of a compiled model.
 */

import { strict as assert } from 'node:assert';
import {
    analyze, analyzeCompiled, compileModel, simulate, simulateCompiled, type Model
} from '../../server/src/analysis/index.js';
import { assertClose } from '../helpers/close.js';
import { any, HOURS, on, one, service, site } from './build.js';
import { CASES } from './conformance-models.js';
import { KAKAO } from './kakao.js';

const near = (a: number | null | undefined, b: number, what = 'value') => assertClose(a, b, what);

describe('analysis: semantics', () => {
    describe('the model of spec section 2', () => {
        it('gives the answers of spec section 7', () => {
            const r = analyze(KAKAO);
            const talk = r.services.find(s => s.name === 'talk')!;
            assert.deepEqual(talk.spofs, ['capital', 'kepco-seongnam', 'pangyo']);
            assert.deepEqual(talk.nearest, ['pangyo']);
            near(talk.availability, 0.9995);
            const pangyo = r.domains.find(d => d.name === 'pangyo')!;
            assert.deepEqual(pangyo.down, ['auth', 'media', 'status', 'talk']);
            assert.equal(pangyo.users, 43_200_000);
            const sim = simulate(KAKAO, ['pangyo']);
            assert.deepEqual(sim.up, ['messages']);
            assert.deepEqual(sim.outages.auth, { minutes: 600, reason: 'until pangyo recovers', users: 0 });
            assert.deepEqual(sim.outages.talk, { minutes: 600, reason: 'needs auth, down until pangyo recovers', users: 43_200_000 });
        });

        it('says what fails, through which path, how many users, and the fix', () => {
            const spof = analyze(KAKAO).findings.find(f => f.code === 'spof' && f.subject === 'talk')!;
            assert.equal(spof.severity, 'error');
            assert.equal(spof.message,
                'talk goes down if pangyo fails (talk → auth → runs only on pangyo); 43.2M users. ' +
                'Also: capital, kepco-seongnam. Fix: run auth on a second site outside pangyo, or add a standby deployment there.');
            assert.deepEqual(spof.related.map(r => r.element), ['pangyo', 'auth', 'pangyo']);
            assert.ok(spof.related.some(r => r.message === 'auth runs only on pangyo'));
            const talk = analyze(KAKAO).services.find(s => s.name === 'talk')!;
            assert.deepEqual(talk.paths.pangyo.map(s => s.text), ['auth', 'runs only on pangyo']);
            assert.deepEqual(talk.paths.capital.map(s => s.text), ['runs on ansan, pangyo — all lost', 'pangyo is in capital']);
            assert.deepEqual(talk.paths['kepco-seongnam'].map(s => s.text),
                ['auth', 'runs only on pangyo', 'pangyo depends on kepco-seongnam']);
        });

        it('writes the capacity, backup and observer findings', () => {
            const r = analyze(KAKAO);
            const msg = (code: string) => r.findings.find(f => f.code === code)!;
            assert.match(msg('capacity-shortfall').message,
                /^losing pangyo leaves talk 40 of the 180 replicas it needs for full load \(N\+1 not met\); it runs degraded/);
            assert.deepEqual(msg('backup-colocated').causes, ['capital']);
            assert.deepEqual(msg('observer-shares-fate').anchor, { element: 'status', part: 'monitors', target: 'talk' });
            assert.match(msg('slo-unreachable').message, /99\.95%.*below its SLO of 99\.99%/);
        });

        it('writes the capacity finding of conformance case 12', () => {
            const f = analyze(CASES['12-standby-and-alternatives']).findings.find(x => x.code === 'capacity-shortfall')!;
            assert.match(f.message, /^losing daejeon or seoul leaves search-a 2 of the 3 replicas it needs for full load \(N\+1 not met\); it runs degraded\. Fix: /);
        });
    });

    describe('outage reasons', () => {
        it('failover, and what depends on it', () => {
            const sim = simulate(CASES['06-failover-timing'], ['pangyo']);
            assert.deepEqual(sim.outages.auth, { minutes: 30, reason: 'fails over to ansan (30m)', users: 0 });
            assert.deepEqual(sim.outages.bank, { minutes: 30, reason: 'needs auth, which fails over to ansan (30m)', users: 0 });
        });

        it('unknown recovery, a failed service, fractional minutes, a region', () => {
            assert.equal(simulate(CASES['05-transitive'], ['gasan']).outages.pay.reason,
                'until gasan recovers; no recovery time is given for gasan');
            assert.deepEqual(simulate(CASES['05-transitive'], ['auth']).outages.auth,
                { minutes: null, reason: 'failed itself; a failed service has no recovery time', users: 0 });
            const quick = { elements: [site('s', { recovery: 0.75 }), service('x', { deployments: [on('s')] })] };
            assert.deepEqual(simulate(quick, ['s']).outages.x, { minutes: 0.75, reason: 'until s recovers', users: 0 });
            assert.deepEqual(simulate(CASES['12-standby-and-alternatives'], ['kr', 'seoul']).outages.ledger,
                { minutes: 10 * HOURS, reason: 'until kr recovers (seoul is in kr)', users: 2_000_000 });
        });
    });

    describe('never up', () => {
        const model: Model = { elements: [
            site('a'), site('b'), site('c'),
            service('talk', { deployments: [on('a'), on('b'), on('c')], quorum: 5 }),
            service('pay', { deployments: [on('a')], dependsOn: [one('talk')] })
        ] };

        it('is an error with the reason, and has no SPOFs', () => {
            const r = analyze(model);
            const never = r.findings.filter(f => f.code === 'never-up');
            assert.deepEqual(never.map(f => [f.subject, f.severity]), [['talk', 'error'], ['pay', 'error']]);
            assert.match(never[0].message, /^talk is down even with nothing failed: quorum 5 exceeds its 3 replicas\./);
            assert.match(never[1].message, /^pay is down even with nothing failed: it needs talk, which is never up\./);
            assert.ok(r.services.every(s => s.neverUp && s.spofs.length === 0));
            assert.deepEqual(r.domains.find(d => d.name === 'b')!.down, ['pay', 'talk'], 'blast radii are states');
            assert.equal(r.findings.filter(f => f.code === 'spof').length, 0);
        });

        it('is an unknown outage in every simulation', () => {
            const sim = simulate(model, []);
            assert.deepEqual(sim.down, ['pay', 'talk']);
            assert.deepEqual(sim.outages.talk, { minutes: null, reason: 'never up: quorum 5 exceeds its 3 replicas', users: 0 });
            assert.equal(sim.outages.pay.reason, 'never up: it needs talk, which is never up');
        });
    });

    describe('cycles', () => {
        it('services that need each other are up (greatest fixpoint) and reported', () => {
            const r = analyze(CASES['08-cycle']);
            assert.ok(r.services.every(s => !s.neverUp));
            const cycles = r.findings.filter(f => f.code === 'dependency-cycle');
            assert.deepEqual(cycles.map(f => f.anchor), [
                { element: 'network', part: 'dependsOn', target: 'monitoring' },
                { element: 'monitoring', part: 'dependsOn', target: 'network' }
            ]);
            assert.match(cycles[0].message, /network → monitoring → network/);
        });

        it('domains that bring each other down are both nearest', () => {
            const model: Model = { elements: [
                site('x', { dependsOn: [one('y')] }), site('y', { dependsOn: [one('x')] }),
                service('s', { deployments: [on('x')] })
            ] };
            const s = analyze(model).services[0];
            assert.deepEqual(s.spofs, ['x', 'y']);
            assert.deepEqual(s.nearest, ['x', 'y']);
        });

        it('availability through a cycle with an alternative', () => {
            const model: Model = { elements: [
                site('A', { availability: 0.9 }), site('B', { availability: 0.8 }), site('C', { availability: 0.7 }),
                service('a', { deployments: [on('A')], dependsOn: [one('b')] }),
                service('b', { deployments: [on('B')], dependsOn: [any('a', 'c')] }),
                service('c', { deployments: [on('C')] })
            ] };
            const r = analyze(model);
            near(r.services.find(s => s.name === 'a')!.availability, 0.9 * 0.8, 'a');
            near(r.services.find(s => s.name === 'b')!.availability, 0.8 * (1 - 0.1 * 0.3), 'b');
        });
    });

    describe('availability', () => {
        it('is exact where a naive product is wrong (conformance 10)', () => {
            const r = analyze(CASES['10-availability']);
            near(r.services.find(s => s.name === 'app')!.availability, 0.9989001);
            near(r.services.find(s => s.name === 'app')!.downtimeMinutesPerYear, (1 - 0.9989001) * 525600);
        });

        it('past the node budget: sound bounds, slo-unreachable only below the upper bound', () => {
            const r = analyze(CASES['10-availability'], { availabilityNodeBudget: 1 });
            const app = r.services.find(s => s.name === 'app')!;
            assert.equal(app.availability, null);
            assert.ok(app.availabilityBounds);
            const [low, high] = app.availabilityBounds!;
            near(low, 0.99 * 0.99 * 0.999, 'low');
            near(high, 0.999, 'high');
            assert.ok(low <= 0.9989001 && 0.9989001 <= high);
            assert.deepEqual(r.findings.filter(f => f.code.startsWith('slo')).map(f => f.code), ['slo-unreachable']);
        });

        it('past the node budget: slo-undecided when the SLO lies between the bounds', () => {
            const model = structuredClone(CASES['10-availability']);
            model.elements.find(e => e.name === 'app')!.slo = 0.99;
            const r = analyze(model, { availabilityNodeBudget: 0 });
            const slo = r.findings.filter(f => f.code.startsWith('slo'));
            assert.deepEqual(slo.map(f => [f.code, f.severity]), [['slo-undecided', 'information']]);
            assert.equal(analyze(model).findings.filter(f => f.code.startsWith('slo')).length, 0, 'exact: met');
        });

        it('is null when nothing in the cone declares one', () => {
            const r = analyze(CASES['05-transitive']);
            assert.ok(r.services.every(s => s.availability === null && s.downtimeMinutesPerYear === null));
        });
    });

    describe('robustness', () => {
        it('ignores unknown references, keeps the first of duplicate names, never throws', () => {
            const model: Model = { elements: [
                site('s'),
                service('x', { deployments: [on('s'), on('nowhere')], dependsOn: [one('ghost'), any('ghost', 's')], uses: ['nope'] }),
                service('x', { deployments: [on('elsewhere')] }),
                site('t', { container: 'missing', recovery: NaN, availability: 2 })
            ] };
            const r = analyze(model);
            assert.deepEqual(r.services.map(s => [s.name, s.spofs]), [['x', ['s']]]);
            assert.deepEqual(simulate(model, ['s', 'unknown', 's']).failed, ['s']);
            assert.doesNotThrow(() => analyze({ elements: [] }));
        });

        it('paths built on demand (large models) read like the eager ones', () => {
            for (const model of [KAKAO, ...Object.values(CASES)]) {
                const eager = analyze(model);
                const lazy = analyze(model, { eagerPathPairs: 0 });
                assert.equal(JSON.stringify(lazy), JSON.stringify(eager));
                assert.deepEqual(lazy.services.map(s => ({ ...s.paths })), eager.services.map(s => s.paths));
                for (const s of lazy.services) assert.deepEqual(Object.keys(s.paths), s.spofs);
            }
        });

        it('a compiled model is reused: simulations leave the baseline as it was', () => {
            for (const model of Object.values(CASES)) {
                const cm = compileModel(model);
                const before = JSON.stringify(analyzeCompiled(cm));
                const names = model.elements.map(e => e.name);
                for (let i = 0; i < names.length; i++) {
                    const failed = [names[i], names[(i * 7 + 3) % names.length]];
                    assert.deepEqual(simulateCompiled(cm, failed), simulateCompiled(compileModel(model), failed));
                }
                assert.equal(JSON.stringify(analyzeCompiled(cm)), before);
                assert.equal(JSON.stringify(analyze(model)), before);
            }
        });
    });
});
