#!/usr/bin/env node
/**
 * `npm run fuzz`: the long fuzz run. 100,000 generated inputs (token soup, structured models,
 * mutated conformance and example models; see test/fuzz/generators.ts) go through the whole
 * in-process pipeline (parse, link, validate, build model, analyze, simulate), spread over one
 * child process per core. A watchdog kills a child stuck on one input and records it as a hang.
 * Then the slow pathological models run (`TOPO_SLOW_TESTS=1 mocha test/pathological`).
 *
 *   node --import tsx scripts/fuzz.mjs [--runs 100000] [--seed N] [--workers N] [--out DIR]
 *                                      [--hang-ms 30000] [--recycle 2000] [--no-pathological]
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
        recycle: Number(get('--recycle', '2000')),
        pathological: !argv.includes('--no-pathological')
    };
}

// ----------------------------------------------------------------------------- child

async function child() {
    const { fuzzInput, inputAt, loadSeeds } = await import('../test/fuzz/generators.ts');
    const { runPipeline, costOf } = await import('../test/fuzz/pipeline.ts');
    const arbitrary = fuzzInput(loadSeeds());
    process.on('message', async ({ seed, indices }) => {
        for (const i of indices) {
            process.send({ type: 'start', i });
            let input;
            try {
                input = inputAt(arbitrary, seed, i);
            } catch (error) {
                process.send({ type: 'result', i, kind: 'generator', milliseconds: null, cpuMilliseconds: null });
                process.send({ type: 'failure', i, input: { kind: 'generator', files: {}, root: 'main.topo', fail: [] }, failure: `the generator failed: ${String(error).slice(0, 300)}` });
                continue;
            }
            let failure = null;
            let report = null;
            try {
                report = await runPipeline(input);
                if (costOf(report) >= LIMIT_MS) failure = `took ${report.milliseconds.toFixed(0)} ms (CPU ${report.cpuMilliseconds.toFixed(0)} ms)`;
            } catch (error) {
                failure = String(error?.stack ?? error).split('\n').slice(0, 8).join('\n');
            }
            process.send({ type: 'result', i, kind: input.kind, milliseconds: report?.milliseconds ?? null, cpuMilliseconds: report?.cpuMilliseconds ?? null });
            if (failure) process.send({ type: 'failure', i, input, failure });
        }
        process.send({ type: 'done' }, () => process.exit(0));
    });
    process.send({ type: 'ready' });
}

/** `--single FILE`: one input (a FuzzInput as JSON) in a fresh process; prints the report. */
async function single(file) {
    const { runPipeline } = await import('../test/fuzz/pipeline.ts');
    const report = await runPipeline(JSON.parse(readFileSync(file, 'utf8')));
    process.stdout.write(JSON.stringify(report) + '\n');
}

// ----------------------------------------------------------------------------- parent

/** what the children reported, over all processes */
const seen = { inputs: 0, byKind: {}, slowest: null, slowestCpu: null };

function recordResult(message) {
    const kind = message.kind.split(' ')[0];
    const k = seen.byKind[kind] ??= { inputs: 0, totalMs: 0 };
    k.inputs++;
    if (message.milliseconds === null) return;
    k.totalMs += message.milliseconds;
    const entry = { i: message.i, kind: message.kind, milliseconds: message.milliseconds, cpuMilliseconds: message.cpuMilliseconds };
    if (!seen.slowest || entry.milliseconds > seen.slowest.milliseconds) seen.slowest = entry;
    const cost = e => Math.min(e.milliseconds, e.cpuMilliseconds);
    if (!seen.slowestCpu || cost(entry) > cost(seen.slowestCpu)) seen.slowestCpu = entry;
}

/**
 * Runs `indices` in child processes, `opts.recycle` inputs per process (each input builds fresh
 * language services, and Chevrotain keeps every token type it ever made in a global table: a
 * long-lived process grows by ~20 kB an input). A process stuck on one input past `opts.hangMs`
 * is killed and the input recorded as a hang; one that dies, as a crash.
 */
function runShare(opts, indices, onFailure) {
    return new Promise(resolveShare => {
        let remaining = indices;
        const launch = () => {
            const batch = remaining.slice(0, opts.recycle);
            const worker = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
            let current = null;
            let since = Date.now();
            let settled = false;
            let processed = 0;
            const next = after => {
                remaining = after;
                if (remaining.length > 0) launch(); else resolveShare();
            };
            /** the input `current` hung or killed the process: record it, go on after it */
            const lost = failure => {
                settled = true;
                clearInterval(watchdog);
                onFailure({ i: current, input: null, failure, lost: true });
                next(remaining.slice(remaining.indexOf(current) + 1));
            };
            const watchdog = setInterval(() => {
                if (current !== null && Date.now() - since > opts.hangMs) {
                    worker.kill('SIGKILL');
                    lost(`hang: no result after ${opts.hangMs} ms`);
                }
            }, 1000);
            worker.on('message', message => {
                if (settled) return; // in flight from a process already given up on
                if (message.type === 'ready') worker.send({ seed: opts.seed, indices: batch });
                else if (message.type === 'start') { current = message.i; since = Date.now(); }
                else if (message.type === 'result') { current = null; processed++; seen.inputs++; recordResult(message); }
                else if (message.type === 'failure') onFailure(message);
                else if (message.type === 'done') {
                    settled = true;
                    clearInterval(watchdog);
                    next(remaining.slice(batch.length));
                }
            });
            worker.on('exit', (code, signal) => {
                if (settled) return;
                // the process itself died (out of memory, a native stack overflow): on an input, or between two
                if (current !== null) lost(`the process died (${signal ?? `exit ${code}`}) on this input`);
                else {
                    settled = true;
                    clearInterval(watchdog);
                    console.log(`fuzz: a process died (${signal ?? `exit ${code}`}) between inputs; going on`);
                    next(remaining.slice(processed));
                }
            });
        };
        launch();
    });
}

/** A hang or a crash of the process, once more in a fresh process with ten times the time: does it reproduce? */
function retryAlone(opts, file) {
    return new Promise(resolveRetry => {
        const started = Date.now();
        const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--single', file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', d => out += d);
        const timer = setTimeout(() => child.kill('SIGKILL'), opts.hangMs * 10);
        child.on('close', code => {
            clearTimeout(timer);
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            resolveRetry(code === 0 ? `alone, in a fresh process: finished in ${seconds} s (${out.trim()})` : `alone, in a fresh process: failed again (exit ${code}) after ${seconds} s`);
        });
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
        if (message.lost) seen.inputs++;
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
            const file = join(opts.out, 'failures', `${message.i}.json`);
            writeFileSync(file, JSON.stringify(message.input, null, 2));
            if (message.lost && message.input.kind !== 'generator') entry.retry = await retryAlone(opts, file);
            console.log(`\nFAIL input ${message.i} (${entry.kind}): ${message.failure}`);
        })());
    };
    const shares = Array.from({ length: opts.workers }, (_, w) => {
        const indices = [];
        for (let i = w; i < opts.runs; i += opts.workers) indices.push(i);
        return indices;
    });
    const progress = setInterval(() => console.log(`fuzz: ${seen.inputs.toLocaleString('en')} inputs, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`), 30_000);
    await Promise.all(shares.map(share => runShare(opts, share, onFailure)));
    clearInterval(progress);
    await Promise.all(pending);
    const fuzzMs = Date.now() - started;
    const slowest = seen.slowest;
    const slowestCpu = seen.slowestCpu;
    const result = {
        date: new Date().toISOString(),
        node: process.version,
        seed: opts.seed,
        processes: opts.workers,
        inputs: seen.inputs,
        failures: failures.length,
        failed: failures,
        slowestInput: slowest,
        slowestInputByCpu: slowestCpu,
        averageMilliseconds: Object.fromEntries(Object.entries(seen.byKind).map(([kind, k]) => [kind, +(k.totalMs / Math.max(1, k.inputs)).toFixed(1)])),
        inputsByKind: Object.fromEntries(Object.entries(seen.byKind).map(([kind, k]) => [kind, k.inputs])),
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
else if (process.argv.includes('--single')) await single(process.argv[process.argv.indexOf('--single') + 1]);
else await parent();
