#!/usr/bin/env node
/**
 * `npm run fuzz`: the long fuzz run. 100,000 generated inputs (token soup, structured models,
 * mutated conformance and example models; see test/fuzz/generators.ts) go through the whole
 * in-process pipeline (parse, link, validate, build model, analyze, simulate), spread over one
 * child process per core. A watchdog kills a child stuck on one input and records it as a hang.
 * Then the slow pathological models run (`TOPO_SLOW_TESTS=1 mocha test/pathological`).
 *
 *   node --import tsx scripts/fuzz.mjs [--runs 100000] [--seed N] [--workers N] [--out DIR]
 *                                      [--hang-ms 30000] [--no-pathological]
 *
 * Writes DIR/result.json (inputs, failures, slowest input, total time) and each failing input
 * as DIR/failures/<index>.json (a `FuzzInput`: copy it to test/fixtures/crashers/ once fixed).
 * Exits 1 when any input failed, hung or took 1 s or more.
 */
import { fork, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT_MS = 1000;

function options(argv) {
    const get = (flag, fallback) => {
        const i = argv.indexOf(flag);
        return i >= 0 ? argv[i + 1] : fallback;
    };
    const seed = Number(get('--seed', String(Date.now() % 2 ** 31)));
    return {
        runs: Number(get('--runs', '100000')),
        seed,
        workers: Number(get('--workers', String(Math.max(1, availableParallelism())))),
        out: get('--out', join(tmpdir(), `topo-fuzz-${seed}`)),
        hangMs: Number(get('--hang-ms', '30000')),
        pathological: !argv.includes('--no-pathological')
    };
}

// ----------------------------------------------------------------------------- child

async function child() {
    const { fuzzInput, inputAt, loadSeeds } = await import('../test/fuzz/generators.ts');
    const { runPipeline, costOf } = await import('../test/fuzz/pipeline.ts');
    const arbitrary = fuzzInput(loadSeeds());
    process.on('message', async ({ seed, indices }) => {
        const stats = { inputs: 0, failures: 0, slowest: null, slowestCpu: null, byKind: {} };
        for (const i of indices) {
            process.send({ type: 'start', i });
            let input;
            try {
                input = inputAt(arbitrary, seed, i);
            } catch (error) {
                stats.failures++;
                process.send({ type: 'failure', i, input: { kind: 'generator', files: {}, root: 'main.topo', fail: [] }, failure: `the generator failed: ${String(error).slice(0, 300)}` });
                continue;
            }
            const kind = input.kind.split(' ')[0];
            const k = stats.byKind[kind] ??= { inputs: 0, failures: 0, totalMs: 0 };
            stats.inputs++; k.inputs++;
            let failure = null;
            let report = null;
            try {
                report = await runPipeline(input);
                if (costOf(report) >= LIMIT_MS) failure = `took ${report.milliseconds.toFixed(0)} ms (CPU ${report.cpuMilliseconds.toFixed(0)} ms)`;
            } catch (error) {
                failure = String(error?.stack ?? error).split('\n').slice(0, 8).join('\n');
            }
            if (report) {
                k.totalMs += report.milliseconds;
                if (!stats.slowest || report.milliseconds > stats.slowest.milliseconds) stats.slowest = { i, kind: input.kind, milliseconds: report.milliseconds, cpuMilliseconds: report.cpuMilliseconds };
                if (!stats.slowestCpu || costOf(report) > costOf(stats.slowestCpu)) stats.slowestCpu = { i, kind: input.kind, milliseconds: report.milliseconds, cpuMilliseconds: report.cpuMilliseconds };
            }
            if (failure) {
                stats.failures++; k.failures++;
                process.send({ type: 'failure', i, input, failure });
            }
        }
        process.send({ type: 'done', stats }, () => process.exit(0));
    });
    process.send({ type: 'ready' });
}

// ----------------------------------------------------------------------------- parent

/** inputs started, over all processes (a killed process's own statistics are lost) */
const counted = { inputs: 0 };

function runShare(opts, indices, onFailure) {
    return new Promise(resolveShare => {
        const results = [];
        let remaining = indices;
        const launch = () => {
            const worker = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
            let current = null;
            let since = Date.now();
            let settled = false;
            /** the input `current` hung or killed the process: record it, go on after it */
            const lost = failure => {
                settled = true;
                clearInterval(watchdog);
                onFailure({ i: current, input: null, failure });
                results.push({ inputs: 1, failures: 1, slowest: null, slowestCpu: null, byKind: {} });
                remaining = remaining.slice(remaining.indexOf(current) + 1);
                if (remaining.length > 0) launch(); else resolveShare(results);
            };
            const watchdog = setInterval(() => {
                if (current !== null && Date.now() - since > opts.hangMs) {
                    worker.kill('SIGKILL');
                    lost(`hang: no result after ${opts.hangMs} ms`);
                }
            }, 1000);
            worker.on('message', message => {
                if (message.type === 'ready') worker.send({ seed: opts.seed, indices: remaining });
                else if (message.type === 'start') { current = message.i; since = Date.now(); counted.inputs++; }
                else if (message.type === 'failure') onFailure(message);
                else if (message.type === 'done') {
                    settled = true;
                    clearInterval(watchdog);
                    results.push(message.stats);
                    resolveShare(results);
                }
            });
            worker.on('exit', (code, signal) => {
                // the process itself died (out of memory, a native stack overflow)
                if (!settled && current !== null) lost(`the process died (${signal ?? `exit ${code}`}) on this input`);
            });
        };
        launch();
    });
}

function runPathological(outFile) {
    return new Promise(resolveRun => {
        const started = Date.now();
        const mocha = spawn(process.execPath, [
            join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--node-option', 'import=tsx',
            '--timeout', '600000', 'test/pathological/*.test.ts'
        ], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TOPO_SLOW_TESTS: '1', TOPO_PATHOLOGICAL_TIMINGS: outFile } });
        mocha.on('close', code => resolveRun({ exitCode: code, milliseconds: Date.now() - started }));
    });
}

async function parent() {
    const opts = options(process.argv.slice(2));
    mkdirSync(join(opts.out, 'failures'), { recursive: true });
    console.log(`fuzz: ${opts.runs.toLocaleString('en')} inputs, seed ${opts.seed}, ${opts.workers} processes, results in ${opts.out}`);
    const started = Date.now();
    const failures = [];
    let { fuzzInput, inputAt, loadSeeds } = {};
    const pending = [];
    const onFailure = message => {
        const entry = { i: message.i, kind: message.input?.kind ?? 'unknown', failure: message.failure };
        failures.push(entry);
        pending.push((async () => {
            if (!message.input) {
                try {
                    ({ fuzzInput, inputAt, loadSeeds } = await import('../test/fuzz/generators.ts'));
                    message.input = inputAt(fuzzInput(loadSeeds()), opts.seed, message.i);
                } catch (error) {
                    message.input = { kind: 'generator', files: {}, root: 'main.topo', fail: [], error: String(error).slice(0, 300) };
                }
                entry.kind = message.input.kind;
            }
            writeFileSync(join(opts.out, 'failures', `${message.i}.json`), JSON.stringify(message.input, null, 2));
            console.log(`\nFAIL input ${message.i} (${entry.kind}): ${message.failure}`);
        })());
    };
    const shares = Array.from({ length: opts.workers }, (_, w) => {
        const indices = [];
        for (let i = w; i < opts.runs; i += opts.workers) indices.push(i);
        return indices;
    });
    const progress = setInterval(() => console.log(`fuzz: ${counted.inputs.toLocaleString('en')} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`), 30_000);
    const stats = (await Promise.all(shares.map(share => runShare(opts, share, onFailure)))).flat();
    clearInterval(progress);
    await Promise.all(pending);
    const fuzzMs = Date.now() - started;

    const byKind = {};
    for (const s of stats) {
        for (const [kind, k] of Object.entries(s.byKind)) {
            const into = byKind[kind] ??= { inputs: 0, failures: 0, totalMs: 0 };
            into.inputs += k.inputs; into.failures += k.failures; into.totalMs += k.totalMs;
        }
    }
    const pick = key => stats.map(s => s[key]).filter(Boolean);
    const slowest = pick('slowest').sort((a, b) => b.milliseconds - a.milliseconds)[0] ?? null;
    const slowestCpu = pick('slowestCpu').sort((a, b) => Math.min(b.milliseconds, b.cpuMilliseconds) - Math.min(a.milliseconds, a.cpuMilliseconds))[0] ?? null;
    const result = {
        date: new Date().toISOString(),
        node: process.version,
        seed: opts.seed,
        processes: opts.workers,
        inputs: counted.inputs,
        failures: failures.length,
        failed: failures,
        slowestInput: slowest,
        slowestInputByCpu: slowestCpu,
        averageMilliseconds: Object.fromEntries(Object.entries(byKind).map(([kind, k]) => [kind, +(k.totalMs / Math.max(1, k.inputs)).toFixed(1)])),
        inputsByKind: Object.fromEntries(Object.entries(byKind).map(([kind, k]) => [kind, k.inputs])),
        fuzzSeconds: +(fuzzMs / 1000).toFixed(1)
    };
    console.log(`fuzz: ${result.inputs} inputs, ${result.failures} failures, slowest ${slowest?.milliseconds.toFixed(0)} ms wall ` +
        `(input ${slowest?.i}, ${slowest?.kind}), slowest by CPU ${slowestCpu?.cpuMilliseconds.toFixed(0)} ms, ${result.fuzzSeconds} s`);

    if (opts.pathological) {
        const timings = join(opts.out, 'pathological.json');
        const run = await runPathological(timings);
        result.pathological = {
            exitCode: run.exitCode,
            seconds: +(run.milliseconds / 1000).toFixed(1),
            timings: existsSync(timings) ? JSON.parse(readFileSync(timings, 'utf8')) : null
        };
    }
    result.totalSeconds = +((Date.now() - started) / 1000).toFixed(1);
    writeFileSync(join(opts.out, 'result.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`fuzz: result in ${join(opts.out, 'result.json')} (${result.totalSeconds} s in all)`);
    const ok = result.failures === 0 && (!result.pathological || result.pathological.exitCode === 0);
    process.exitCode = ok ? 0 : 1;
}

if (process.argv.includes('--child')) await child();
else await parent();
