/**
 * Pathological models through the full pipeline (load from disk with imports, parse, link,
 * validate, build the model, analyze, simulate): each finishes without a stack overflow, within
 * a generous limit, with the right answer. The inputs are generated here (nothing large is
 * committed). Limits and measured times: docs/robustness.md.
 *
 * Time is judged as the smaller of wall-clock and CPU time, so a loaded machine does not fail a
 * test that did its work in time. Cases that take over ~20 s run only with TOPO_SLOW_TESTS=1
 * (`npm run fuzz` sets it). With TOPO_PATHOLOGICAL_TIMINGS=file, each case's times are printed and written there.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { anyOver, dependsChain, garbage, importCycle, nestedRegions, validModel, type Generated } from './models.js';
import { runFull, type FullRun } from './run-full.js';

const SLOW = process.env.TOPO_SLOW_TESTS === '1';
const TIMINGS = process.env.TOPO_PATHOLOGICAL_TIMINGS;
const MB = 1024 * 1024;

interface Case {
    name: string;
    /** seconds allowed (the smaller of wall-clock and CPU time) */
    limit: number;
    slow?: boolean;
    generate: () => Generated;
    fail: string[];
    roots?: 'root' | 'all';
    check: (run: FullRun) => void;
}

const errors = (run: FullRun) => run.language.filter(d => d.severity === 'error');
const service = (run: FullRun, name: string) => {
    const found = run.analysis.services.find(s => s.name === name);
    assert.ok(found, `service ${name} analysed`);
    return found;
};

const CASES: Case[] = [
    ...[20_000, 50_000].map(n => ({
        name: `a ${n.toLocaleString('en')}-long chain of \`depends on\``,
        limit: 90,
        slow: n > 20_000,
        generate: () => dependsChain(n),
        fail: ['root'],
        check: (run: FullRun) => {
            assert.deepEqual(errors(run), []);
            assert.equal(run.built.model.elements.length, n + 1);
            assert.deepEqual(service(run, `svc${n - 1}`).spofs, ['root']);
            assert.equal(run.simulation.down.length, n);
            assert.equal(run.simulation.outages[`svc${n - 1}`].minutes, 90);
        }
    } satisfies Case)),
    {
        name: '`any (…)` over 10,000 services',
        limit: 60,
        generate: () => anyOver(10_000),
        fail: ['dc0'],
        check: run => {
            assert.deepEqual(errors(run), []);
            const front = service(run, 'front');
            assert.deepEqual(front.spofs, []);
            assert.ok(front.availability === null || front.availability > 0.9999, `availability ${front.availability}`);
            assert.deepEqual(run.simulation.down, ['s0']);
        }
    },
    ...[300, 1000].map(n => ({
        name: `${n.toLocaleString('en')} files importing each other in a cycle`,
        limit: 90,
        slow: n > 300,
        generate: () => importCycle(n),
        fail: [`dc${n / 2}`],
        roots: 'all' as const,
        check: (run: FullRun) => {
            assert.equal(run.documents, n);
            assert.deepEqual(errors(run), []);
            assert.equal(run.built.model.elements.length, 2 * n);
            assert.equal(service(run, 'svc0').spofs.length, n);
            assert.equal(run.simulation.down.length, n / 2 + 1, `svc0 … svc${n / 2} need dc${n / 2}`);
        }
    } satisfies Case)),
    {
        name: 'regions nested 1,000 deep',
        limit: 30,
        generate: () => nestedRegions(1000),
        fail: ['r0'],
        check: run => {
            assert.deepEqual(errors(run), []);
            const app = service(run, 'app');
            assert.equal(app.spofs.length, 1001);
            assert.deepEqual(app.nearest, ['dc']);
            assert.deepEqual(run.simulation.down, ['app']);
        }
    },
    ...[2, 5].map(size => ({
        name: `a ${size} MB file of garbage`,
        limit: 90,
        slow: size > 2,
        generate: () => garbage(size * MB),
        fail: [],
        check: (run: FullRun) => {
            assert.ok(run.bytes >= size * MB);
            assert.ok(errors(run).length > 1000, 'garbage is reported');
            assert.ok(errors(run).every(d => !/An error occurred/.test(d.message)), 'no exception hides in a diagnostic');
        }
    } satisfies Case)),
    {
        name: 'a 5 MB file of valid model text',
        limit: 300,
        slow: true,
        generate: () => validModel(5 * MB),
        fail: ['region-0'],
        check: run => {
            assert.ok(run.bytes >= 5 * MB);
            assert.deepEqual(errors(run).map(d => d.message).slice(0, 5), []);
            assert.ok(run.built.model.elements.length > 20_000);
            assert.ok(run.analysis.services.length > 15_000);
            assert.ok(run.simulation.down.length > 0);
        }
    }
];

function record(name: string, run: FullRun, cpuSeconds: number): void {
    const line = `${name}: ${(run.times.total / 1000).toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s; load ${(run.times.load / 1000).toFixed(1)}, ` +
        `model ${(run.times.model / 1000).toFixed(1)}, analyze ${(run.times.analyze / 1000).toFixed(1)}, simulate ${(run.times.simulate / 1000).toFixed(1)})`;
    if (!TIMINGS) return;
    console.log(`      ${line}`);
    const all = existsSync(TIMINGS) ? JSON.parse(readFileSync(TIMINGS, 'utf8')) as Record<string, unknown> : {};
    all[name] = {
        seconds: +(run.times.total / 1000).toFixed(2), cpuSeconds: +cpuSeconds.toFixed(2), bytes: run.bytes,
        phases: Object.fromEntries(Object.entries(run.times).map(([k, v]) => [k, +(v / 1000).toFixed(2)]))
    };
    writeFileSync(TIMINGS, JSON.stringify(all, null, 2) + '\n');
}

describe('pathological models through the full pipeline', function () {
    this.timeout(900_000);
    this.slow(30_000);

    for (const c of CASES) {
        const title = `${c.name} (limit ${c.limit} s)`;
        if (c.slow && !SLOW) {
            it.skip(`${title} — set TOPO_SLOW_TESTS=1`);
            continue;
        }
        it(title, async () => {
            const generated = c.generate();
            const cpu = process.cpuUsage();
            const run = await runFull(generated, c.fail, { roots: c.roots });
            const used = process.cpuUsage(cpu);
            const cpuSeconds = (used.user + used.system) / 1e6;
            record(c.name, run, cpuSeconds);
            const seconds = Math.min(run.times.total / 1000, cpuSeconds);
            assert.ok(seconds < c.limit, `took ${seconds.toFixed(1)} s, limit ${c.limit} s`);
            c.check(run);
        });
    }
});
