import { strict as assert } from 'node:assert';
import { diagnosticsOf, messages } from '../helpers/language.js';

async function errorsOf(text: string): Promise<string[]> {
    return messages(await diagnosticsOf(text));
}

describe('validation', () => {
    it('accepts a well-formed model without any language error', async () => {
        assert.deepEqual(await errorsOf(`
            region kr { recovery 2d availability 99.99% }
            site a in kr { recovery 10h operator "X" }
            infra grid in a { kind power }
            service s { runs on a (3), kr (2, standby) quorum 2 capacity 3 failover 45s users 12k tier high slo 99.9% }
            datastore d { runs on a replication sync backup on kr }
            datastore e { runs on a replication async lag 30s backup on kr every 1h rto 1h rpo 5m survive 2 }
        `), []);
    });

    it('accepts one policy a tier with rto, rpo and survive; reports anything else in it, and a second policy of a tier', async () => {
        assert.deepEqual(await errorsOf('policy tier critical {\n  rto 1h\n  rpo 5m\n  survive 2\n}\npolicy tier low\n'), []);
        assert.deepEqual(await errorsOf('site a\npolicy tier high {\n  runs on a\n  rto 1h\n  rto 2h\n}\npolicy tier high { survive 4 }\n'), [
            '`runs on` is not allowed in a policy: a policy holds only `rto`, `rpo` and `survive`.',
            '`rto` is given twice in the policy of tier high; keep one.',
            'A policy for tier high is already given on line 2; a tier has one policy.',
            'Bad survive: `4` is outside 1 to 3: write how many failure domains may fail together, like survive 2.'
        ]);
    });

    const badValues: Array<[string, RegExp]> = [
        ['site a { recovery 10x }', /Bad recovery: `10x` has an unknown unit `x`: write a number followed by s, m, h or d/],
        ['site a { recovery 10 }', /Bad recovery: `10` has no unit/],
        ['service s { failover 1.2.3m }', /Bad failover: `1.2.3m` is not a duration/],
        ['site a { availability 101% }', /Bad availability: `101%` is above 100%/],
        ['site a { availability 99.9 }', /Bad availability: `99.9` is not a percentage/],
        ['service s { slo 99.99 }', /Bad slo: `99.99` is not a percentage/],
        ['service s { users 12q }', /Bad users: `12q` has an unknown suffix `q`/],
        ['service s { quorum 1.5 }', /Bad quorum: `1.5` is not a whole number/],
        ['service s { quorum 0 }', /Bad quorum: quorum must be at least 1, not 0/],
        ['service s { capacity 2k }', /Bad capacity: `2k` is not a whole number/],
        ['site a\nservice s { runs on a (0) }', /a replica count must be at least 1, not 0/],
        ['service s { survive 4 }', /Bad survive: `4` is outside 1 to 3/],
        ['service s { rto 1 }', /Bad rto: `1` has no unit/],
        ['datastore d { replication sync lag 1m }', /`lag` applies only to `replication async`/],
        ['datastore d { replication async lag 1x }', /Bad lag: `1x` has an unknown unit `x`/],
        ['site a\ndatastore d { backup on a every 5 }', /Bad every: `5` has no unit/],
        ['site a\nsite b\nservice s { depends on 3 of (a, b) }', /`3 of \(…\)` can never hold: it lists only 2 elements/],
        ['site a\nsite b\nservice s { depends on 0 of (a, b) }', /the count of `K of \(…\)` must be at least 1, not 0/],
        ['service s { users 1e400 }', /Bad users: `1e400` is not a count/],
        ['site a\nservice s { runs on a (3000000000) }', /`3000000000` is too large for a replica count: at most 1,000,000,000/],
        ['service s { quorum 4000000000 }', /Bad quorum: `4000000000` is too large for quorum: at most 1,000,000,000/]
    ];
    for (const [text, expected] of badValues) {
        it(`reports a bad value clearly: ${text.split('\n').pop()}`, async () => {
            const errors = await errorsOf(text);
            assert.equal(errors.length, 1, errors.join('\n'));
            assert.match(errors[0], expected);
        });
    }

    it('says which statements an element may not hold', async () => {
        const errors = await errorsOf('site a { runs on a quorum 2 kind power }\nservice s { replication async recovery 1h }');
        assert.ok(errors.includes('`runs on` is not allowed in a site: failure domains are placed with `in`.'), errors.join('\n'));
        assert.ok(errors.includes('`quorum` is not allowed in a site.'), errors.join('\n'));
        assert.ok(errors.includes('`kind` is not allowed in a site: only infra has a `kind`.'), errors.join('\n'));
        assert.ok(errors.includes('`replication` is not allowed in a service: declare it as a `datastore`.'), errors.join('\n'));
        assert.ok(errors.includes('`recovery` is not allowed in a service.'), errors.join('\n'));
    });

    it('rejects a statement given twice', async () => {
        const errors = await errorsOf('service s { tier high tier low }');
        assert.deepEqual(errors, ['`tier` is given twice in s; keep one.']);
    });

    it('rejects `in` on a service and a containment loop', async () => {
        const errors = await errorsOf('region r in q\nregion q in r\nsite a\nservice s in a');
        assert.ok(errors.some(e => /`r` is contained in itself/.test(e)), errors.join('\n'));
        assert.ok(errors.some(e => /`q` is contained in itself/.test(e)), errors.join('\n'));
        assert.ok(errors.includes('A service cannot be `in` anything: say where it runs with `runs on`.'), errors.join('\n'));
    });
});
