/**
 * `rto` and `rpo` on hand-made models: the messages an on-call engineer reads, tier policies,
 * and what is left unverifiable. (Which findings appear is checked against the brute-force
 * evaluator in test/property.)
 */

import { strict as assert } from 'node:assert';
import { analyze, type Model } from '../../server/src/analysis/index.js';
import { any, datastore, HOURS, on, one, region, service, site } from './build.js';

const findings = (model: Model, code: string) => analyze(model).findings.filter(f => f.code === code);

describe('analysis: recovery targets', () => {
    it('rto-exceeded names the worst domain, the outage, its reason and the target', () => {
        const model: Model = { elements: [
            site('pangyo', { recovery: 10 * HOURS }), site('ansan', { recovery: 2 * HOURS }),
            service('talk', { deployments: [on('pangyo', 2), on('ansan', 1)], quorum: 2, rto: HOURS, tier: 'critical' })
        ] };
        const [f] = findings(model, 'rto-exceeded');
        assert.equal(f.severity, 'error');
        assert.deepEqual(f.causes, ['pangyo']);
        assert.deepEqual(f.anchor, { element: 'talk', part: 'rto' });
        assert.match(f.message, /^pangyo fails: talk is down 10h, until pangyo recovers; rto target of 1h\. Fix: keep talk serving without pangyo/);
    });

    it('an outage within the target, through a failover, is no finding', () => {
        const model: Model = { elements: [
            site('pangyo', { recovery: 10 * HOURS }), site('ansan', { recovery: 10 * HOURS }),
            service('talk', { deployments: [on('pangyo', 2), on('ansan', 2, true)], failover: 30, rto: HOURS })
        ] };
        assert.deepEqual(analyze(model).findings.filter(f => f.code.startsWith('rto')), []);
    });

    it('a service failing over already with nothing failed exceeds its rto whichever domain fails, its cone or not', () => {
        // ansan's only deployment is on pangyo, which needs quorum 2 of one replica: never up;
        // so talk runs on its standby at gasan with nothing failed, after 1h of failover
        const model: Model = { elements: [
            region('kr'), site('pangyo', { recovery: 2 * HOURS }), site('busan'), site('gasan'),
            service('never', { deployments: [on('gasan')], quorum: 2 }),
            site('ansan', { dependsOn: [one('never')] }),
            service('talk', { deployments: [on('ansan'), on('gasan', 1, true)], failover: HOURS, rto: 1 })
        ] };
        const [f] = findings(model, 'rto-exceeded');
        assert.deepEqual(f.causes, ['ansan', 'busan', 'kr', 'pangyo'], 'every domain but gasan, whose failure leaves it down for an unknown time');
    });

    it('rto-unverifiable says what has no time', () => {
        const model: Model = { elements: [
            site('pangyo', { recovery: 30 }), site('ansan'),
            service('talk', { deployments: [on('pangyo'), on('ansan')], quorum: 2, rto: HOURS })
        ] };
        const [f] = findings(model, 'rto-unverifiable');
        assert.equal(f.severity, 'information');
        assert.match(f.message, /when ansan fails, talk is down for an unknown time \(until ansan recovers; no recovery time is given for ansan\)\. Fix: give ansan a `recovery` time\./);
    });

    it('rpo: a surviving backup bounds the loss by its interval', () => {
        const model: Model = { elements: [
            site('pangyo'), site('gasan'),
            datastore('messages', { deployments: [on('pangyo')], backups: ['gasan'], backupEvery: { gasan: HOURS }, rpo: 5 })
        ] };
        const [f] = findings(model, 'rpo-exceeded');
        assert.deepEqual(f.causes, ['pangyo']);
        assert.deepEqual(f.anchor, { element: 'messages', part: 'rpo' });
        assert.match(f.message, /^pangyo fails: messages loses up to 1h of writes \(only the backup on gasan survives, taken every 1h\); rpo target of 5m\./);
    });

    it('rpo: nothing surviving loses everything; a sync replica loses nothing; async loses its lag', () => {
        const base = [site('pangyo'), site('ansan')];
        const everything = findings({ elements: [...base, datastore('db', { deployments: [on('pangyo')], rpo: 5 })] }, 'rpo-exceeded');
        assert.match(everything[0].message, /pangyo fails: db loses all of its data \(no replica and no backup survives\)/);
        const sync = analyze({ elements: [...base, datastore('db', { deployments: [on('pangyo'), on('ansan')], replication: 'sync', rpo: 5 })] });
        assert.deepEqual(sync.findings.filter(f => f.code.startsWith('rpo')), []);
        const lagging = findings({ elements: [...base, datastore('db', { deployments: [on('pangyo'), on('ansan')], replication: 'async', replicationLag: 10, rpo: 5 })] }, 'rpo-exceeded');
        assert.deepEqual(lagging[0].causes, ['ansan', 'pangyo']);
        assert.match(lagging[0].message, /loses up to 10m of writes \(only asynchronous replicas survive, up to 10m behind\)/);
    });

    it('rpo-unverifiable: a replica that does not say how it replicates', () => {
        const [f] = findings({ elements: [site('a'), site('b'), datastore('db', { deployments: [on('a'), on('b')], rpo: 5 })] }, 'rpo-unverifiable');
        assert.match(f.message, /Fix: write how it replicates/);
    });

    it('a tier policy gives targets to services that set none, placed on the name', () => {
        const model: Model = {
            elements: [
                site('pangyo', { recovery: 10 * HOURS }),
                service('talk', { deployments: [on('pangyo')], tier: 'critical' }),
                service('own', { deployments: [on('pangyo')], tier: 'critical', rto: 11 * HOURS }),
                service('low', { deployments: [on('pangyo')], tier: 'low' })
            ],
            policies: [{ tier: 'critical', rto: HOURS }]
        };
        const rto = findings(model, 'rto-exceeded');
        assert.deepEqual(rto.map(f => f.subject), ['talk']);
        assert.deepEqual(rto[0].anchor, { element: 'talk', part: 'name' });
        assert.match(rto[0].message, /rto target of 1h \(from the tier policy\)/);
    });
});

describe('analysis: survival policies', () => {
    const zones = [site('zone-a'), site('zone-b'), site('zone-c')];
    const talk = (extra: Partial<Parameters<typeof service>[1]> = {}) =>
        service('talk', { deployments: [on('zone-a', 2), on('zone-b', 2), on('zone-c', 1)], quorum: 3, ...extra });

    it('names the smallest breaking set, its path, and the other sets', () => {
        const [f] = findings({ elements: [...zones, talk({ survive: 2 })] }, 'survival-policy');
        assert.deepEqual(f.causes, ['zone-a', 'zone-b', 'zone-c']);
        assert.deepEqual(f.anchor, { element: 'talk', part: 'survive' });
        assert.match(f.message, /^talk goes down if zone-a and zone-b fail together: talk → needs quorum 3, only 1 replica left without zone-a, zone-b; it must survive any 2 failures at once\. Also: zone-a \+ zone-c, zone-b \+ zone-c\. Fix: run talk also on a failure domain outside zone-a and zone-b/);
    });

    it('one path per member when they reach the service by different chains, with related locations for each', () => {
        const [f] = findings({ elements: [
            site('pangyo'), site('ansan'),
            service('auth', { deployments: [on('pangyo')] }), service('sso', { deployments: [on('ansan')] }),
            service('talk', { dependsOn: [any('auth', 'sso')], survive: 2 })
        ] }, 'survival-policy');
        assert.match(f.message, /^talk goes down if ansan and pangyo fail together \(ansan: talk → sso \(any \(auth, sso\): all down\) → runs only on ansan; pangyo: talk → auth \(any \(auth, sso\): all down\) → runs only on pangyo\); it must survive any 2 failures at once\./);
        const related = f.related.map(r => `${r.element}: ${r.message}`);
        assert.ok(related.includes('sso: talk depends on sso (any (auth, sso): all down)'), related.join('\n'));
        assert.ok(related.includes('auth: talk depends on auth (any (auth, sso): all down)'), related.join('\n'));
        assert.ok(related.includes('ansan: sso runs only on ansan'), related.join('\n'));
        assert.ok(related.includes('pangyo: auth runs only on pangyo'), related.join('\n'));
    });

    it('members that share their chain (two replica sites of a database) get it said once', () => {
        const [f] = findings({ elements: [
            site('zone-a'), site('zone-b'),
            service('db', { deployments: [on('zone-a'), on('zone-b')] }),
            service('talk', { dependsOn: [one('db')], survive: 2 })
        ] }, 'survival-policy');
        assert.match(f.message, /^talk goes down if zone-a and zone-b fail together: talk → db → runs on zone-a, zone-b — all lost; it must survive/);
    });

    it('survive 1 holds where no single failure breaks it; a tier policy asks on the name', () => {
        assert.deepEqual(findings({ elements: [...zones, talk({ survive: 1 })] }, 'survival-policy'), []);
        const [f] = findings({ elements: [...zones, talk({ tier: 'high' })], policies: [{ tier: 'high', survive: 3 }] }, 'survival-policy');
        assert.deepEqual(f.anchor, { element: 'talk', part: 'name' });
        assert.equal(f.severity, 'warning');
        assert.match(f.message, /it must survive any 3 failures at once \(from the tier policy\)/);
    });
});
