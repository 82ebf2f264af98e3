/**
 * `slo-unreachable` names what the downtime comes from and gives advice that fits it.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/index.js';
import { infra, on, one, service, site } from './build.js';

const sloMessage = (elements: Parameters<typeof analyze>[0]['elements']) =>
    analyze({ elements }).findings.find(f => f.code === 'slo-unreachable')?.message ?? '';

describe('analysis: SLO advice', () => {
    it('names the providers that cap a service on three zones, not its replicas', () => {
        const message = sloMessage([
            site('az1', { availability: 0.999 }), site('az2', { availability: 0.999 }), site('az3', { availability: 0.999 }),
            infra('dns', { availability: 0.9999, meta: { infraKind: 'dns', tags: [] } }),
            infra('lb', { availability: 0.9999, meta: { infraKind: 'network', tags: [] } }),
            service('api', { deployments: [on('az1'), on('az2'), on('az3')], dependsOn: [one('dns'), one('lb')], slo: 0.99995 })
        ]);
        assert.match(message, /^api is up 99\.98\d*% of the time by the model \(about 105\.1 minutes down a year\), below its SLO of 99\.995%/);
        assert.match(message, /comes from dns \(about 52\.\d minutes a year\) and lb \(about 52\.\d minutes a year\), each of which alone takes it down/);
        assert.match(message, /add a second DNS provider beside dns \(depends on any \(dns, …\)\) and add a second network link beside lb/);
        assert.doesNotMatch(message, /replicas/);
    });

    it('says what availability one element needs when raising it is enough', () => {
        const message = sloMessage([
            site('a', { availability: 0.999 }),
            service('api', { deployments: [on('a')], slo: 0.9995 })
        ]);
        assert.match(message, /Fix: raise a's availability to at least 99\.95%, or run what needs a on a second site outside a too\./);
    });

    it('says when even the largest sources are not enough', () => {
        const zones = ['z1', 'z2', 'z3', 'z4', 'z5'].map(z => site(z, { availability: 0.99 }));
        const message = sloMessage([
            ...zones,
            service('api', { dependsOn: zones.map(z => one(z.name)), slo: 0.999 })
        ]);
        assert.match(message, /even then api would be down about \d+(\.\d)? days? a year, more than its SLO allows/);
    });
});
