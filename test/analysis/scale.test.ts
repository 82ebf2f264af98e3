/**
 * Size: a 50,000-long chain of `depends on` and a 50,000-element dependency ring must not
 * overflow the stack, and must finish (a few seconds here; the mocha timeout only guards against a
 * hang, generously, since the machine may be loaded: speed is measured by `npm run bench`).
 */

import { strict as assert } from 'node:assert';
import { analyze, compileModel, simulateCompiled, type Element } from '../../server/src/analysis/index.js';
import { on, one, service, site } from './build.js';

const N = 50_000;

function chain(n: number): Element[] {
    const elements: Element[] = [site('root', { availability: 0.999, recovery: 90 })];
    elements.push(service('svc0', { deployments: [on('root')], availability: 0.99999 }));
    for (let i = 1; i < n; i++) elements.push(service(`svc${i}`, { dependsOn: [one(`svc${i - 1}`)], availability: 0.99999 }));
    return elements;
}

describe('analysis: scale', function () {
    this.timeout(300_000);

    it(`analyzes and simulates a ${N.toLocaleString('en')}-long dependency chain`, () => {
        const model = { elements: chain(N) };
        const r = analyze(model);
        const last = r.services.find(s => s.name === `svc${N - 1}`)!;
        assert.deepEqual(last.spofs, ['root']);
        assert.deepEqual(last.nearest, ['root']);
        assert.ok(last.paths.root.length > 0 && last.paths.root.length <= 13, 'long paths are cut');
        const exact = 0.999 * Math.pow(0.99999, N);
        assert.ok(last.availability !== null && Math.abs(last.availability - exact) < 1e-9, `availability ${last.availability} vs ${exact}`);
        assert.equal(r.domains[0].down.length, N);

        const cm = compileModel(model);
        const sim = simulateCompiled(cm, ['root']);
        assert.equal(sim.down.length, N);
        assert.equal(sim.outages[`svc${N - 1}`].minutes, 90);
        assert.match(sim.outages[`svc${N - 1}`].reason, /^needs svc49998, which needs svc49997, which needs svc49996, … down until root recovers$/);
        assert.equal(sim.outages.svc0.reason, 'until root recovers');

        // a failure in the middle costs only its cone and leaves the baseline intact afterwards
        const mid = simulateCompiled(cm, [`svc${N / 2}`]);
        assert.equal(mid.down.length, N / 2);
        assert.equal(mid.outages[`svc${N / 2}`].reason, 'failed itself; a failed service has no recovery time');
        const nothing = simulateCompiled(cm, []);
        assert.equal(nothing.down.length, 0);
        assert.deepEqual(nothing.outages, {});
    });

    it(`handles a ${N.toLocaleString('en')}-element dependency ring`, () => {
        const elements: Element[] = [site('a'), site('b')];
        for (let i = 0; i < N; i++) {
            elements.push(service(`r${i}`, { deployments: [on(i % 2 ? 'a' : 'b')], dependsOn: [one(`r${(i + 1) % N}`)] }));
        }
        const r = analyze({ elements });
        const cycles = r.findings.filter(f => f.code === 'dependency-cycle');
        assert.equal(cycles.length, N);
        assert.equal(cycles[0].anchor.target, 'r1');
        assert.match(cycles[0].message, /50000 elements/);
        // everything in the ring needs both sites
        const s = r.services.find(x => x.name === 'r7')!;
        assert.deepEqual(s.spofs, ['a', 'b']);
        assert.deepEqual(s.nearest, ['a', 'b']);
    });
});
