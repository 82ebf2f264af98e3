// `npm run bench`: topo at scale. Generates the pinned workloads (scripts/bench/generate.mjs),
// then measures each in fresh child processes:
//   floor   the same text through the grammar alone (Langium core services, validation off)
//   ours    topo's own pipeline phase by phase, in process (load = parse, link, validate; then
//           model, analyze(), placing findings, JSON output), as `topo check` runs it
//   check   the real CLI, `node bin/topo.cjs check ENTRY --format json` (from a snapshot of bin/
//           and out/cli.cjs), wall and CPU time and peak RSS
//   analyze `node bin/topo.cjs analyze ENTRY --format json` into a pipe whose bytes are counted
//           (the complete answer, streamed): time, bytes, bytes per CPU second, peak RSS; a run
//           stopped at the timeout still says how many bytes it wrote and how fast
// and writes bench-results/latest.md and bench-results/latest.json. See docs/bench.md.
//
// Usage: node scripts/bench/bench.mjs [--only 1k,10k] [--timeout 120] [--analyze-timeout 60] [--runs N] [--dir]
//                                     [--min-sites 2] [--no-stats] [--no-analyze] [--name latest]
//        node scripts/bench/bench.mjs --report bench-results/latest.json   (the table of a saved run)
//   --only       case ids to run (1k, 1k-dir, 5k, 10k, 50k, 50k-1file)
//   --timeout    CPU seconds after which a run is stopped and reported as "> T" (default 120)
//   --analyze-timeout  the same for the `topo analyze` run (default 60: enough for its rate)
//   --runs       override the number of runs of every case
//   --dir        give `topo check` the workspace directory (every file a root) instead of the
//                entry file (the last service file, whose imports reach every file)
//   --min-sites  a variant workload: every service runs on at least this many sites (default 1)
//   --no-stats   skip the independent count of SPOFs (the expected size of the answer)
//   --no-analyze skip the `topo analyze` runs
//   --name       write bench-results/NAME.md and NAME.json (default latest)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DEFAULT_SEED, GENERATOR_VERSION, generateModel, groupFile, spofStats, writeWorkspace, GROUPS } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'bench-results');
const BUILD = join(OUT, '.build');
const WORKSPACES = join(OUT, 'workspaces');
// The CLI is run as `node bin/topo.cjs` from a snapshot of bin/ and out/cli.cjs taken at the start
// (others may rebuild out/ while the benchmark runs; a half-written bundle would fail a run).
const SNAPSHOT = join(BUILD, 'topo');
const CLI = join(SNAPSHOT, 'bin', 'topo.cjs');

function snapshotCli() {
    rmSync(SNAPSHOT, { recursive: true, force: true });
    mkdirSync(join(SNAPSHOT, 'bin'), { recursive: true });
    mkdirSync(join(SNAPSHOT, 'out'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'topo.cjs'), join(SNAPSHOT, 'bin', 'topo.cjs'));
    for (const f of ['cli.cjs', 'cli.cjs.map']) {
        if (existsSync(join(ROOT, 'out', f))) copyFileSync(join(ROOT, 'out', f), join(SNAPSHOT, 'out', f));
    }
    // the bundle must load: a syntax error would otherwise pass for "exit 1, errors found"
    const probe = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    if (probe.status !== 0) throw new Error(`the CLI snapshot does not run: ${probe.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return probe.stdout.trim();
}

export const CASES = [
    { id: '1k', n: 1000, layout: 'files', runs: 3 },
    // what `topo check .` does: every file is a root (only those not imported by another are analysed)
    { id: '1k-dir', n: 1000, layout: 'files', runs: 1, dir: true },
    { id: '5k', n: 5000, layout: 'files', runs: 1, scalingOnly: true },
    { id: '10k', n: 10000, layout: 'files', runs: 3 },
    { id: '50k', n: 50000, layout: 'files', runs: 1 },
    { id: '50k-1file', n: 50000, layout: 'one', runs: 1 }
];

function option(name, fallback) {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

// ---------------------------------------------------------------------------------------------
// processes

const TIME = (() => {
    if (!existsSync('/usr/bin/time')) return undefined;
    const probe = spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true'], { encoding: 'utf8' });
    return probe.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/m.test(probe.stderr) ? '/usr/bin/time' : undefined;
})();

const TICKS_PER_SECOND = (() => {
    const probe = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    return Number(probe.stdout) > 0 ? Number(probe.stdout) : 100;
})();

/** CPU time (user + system, ms) used so far by a live process and its descendants; 0 when unknown. */
function liveCpuMs(pid) {
    let ticks = 0;
    const visit = (p, depth) => {
        try {
            const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
            if (depth > 3) return;
            for (const child of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)) {
                if (child) visit(Number(child), depth + 1);
            }
        } catch {
            // gone or not Linux
        }
    };
    visit(pid, 0);
    return ticks * 1000 / TICKS_PER_SECOND;
}

/** Peak RSS (VmHWM) of a live process and of its descendants, in KiB; 0 when unknown. */
function liveHighWater(pid) {
    let best = 0;
    const visit = (p, depth) => {
        try {
            const status = readFileSync(`/proc/${p}/status`, 'utf8');
            const m = /VmHWM:\s+(\d+) kB/.exec(status);
            if (m) best = Math.max(best, Number(m[1]));
            if (depth > 3) return;
            for (const child of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)) {
                if (child) visit(Number(child), depth + 1);
            }
        } catch {
            // gone or not Linux
        }
    };
    visit(pid, 0);
    return best;
}

/**
 * Runs `node ARGS…` in a fresh process (its own process group, so that a timeout stops all of
 * it), under /usr/bin/time when available for the peak RSS. Resolves with wall time, exit
 * status, peak RSS, stdout (unless sent to a file) and the end of stderr. `timeoutMs` is CPU
 * time (user + system), so that a busy machine does not stop runs early; wall time is capped
 * at five times that.
 */
function runNode(args, { timeoutMs, stdoutFile, countStdout, env } = {}) {
    return new Promise((resolvePromise) => {
        const rssFile = join(BUILD, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
        const command = TIME ?? process.execPath;
        const argv = TIME ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args] : args;
        const stdoutFd = stdoutFile ? openSync(stdoutFile, 'w') : undefined;
        const start = performance.now();
        const child = spawn(command, argv, {
            cwd: ROOT, detached: true, env: { ...process.env, ...env },
            stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe']
        });
        let stdout = '';
        let stdoutBytes = 0;
        let stderr = '';
        let polledRss = 0;
        // countStdout: only count the bytes (an answer of gigabytes), read as fast as they come
        child.stdout?.on('data', chunk => { if (countStdout) stdoutBytes += chunk.length; else stdout += chunk; });
        child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-4000); });
        let timedOut = false;
        const stop = () => {
            if (timedOut) return;
            timedOut = true;
            polledRss = Math.max(polledRss, liveHighWater(child.pid));
            try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        };
        const poll = setInterval(() => {
            polledRss = Math.max(polledRss, liveHighWater(child.pid));
            if (timeoutMs && liveCpuMs(child.pid) > timeoutMs) stop();
        }, 250);
        const timer = timeoutMs ? setTimeout(stop, timeoutMs * 5) : undefined;
        child.on('close', (code, signal) => {
            const wallMs = performance.now() - start;
            clearInterval(poll);
            if (timer) clearTimeout(timer);
            if (stdoutFd !== undefined) closeSync(stdoutFd);
            let maxRssKiB = polledRss;
            let cpuMs;
            if (TIME && existsSync(rssFile)) {
                const text = readFileSync(rssFile, 'utf8');
                rmSync(rssFile, { force: true });
                const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(text.trim());
                if (m) {
                    maxRssKiB = Math.max(maxRssKiB, Number(m[1]));
                    cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
                }
                const exited = /Command exited with non-zero status (\d+)/.exec(text);
                const signalled = /Command terminated by signal (\d+)/.exec(text);
                if (exited) code = Number(exited[1]);
                if (signalled) signal = `signal ${signalled[1]}`;
            }
            const oom = /heap out of memory|Reached heap limit/.test(stderr);
            const internal = /internal error: ([^\n]*)/.exec(stderr)?.[1];
            resolvePromise({ wallMs, cpuMs, code, signal, timedOut, oom, internal, maxRssKiB, stdout, stdoutBytes, stderr });
        });
    });
}

/** The last JSON line a worker printed (a partial one when it was stopped). */
function lastJson(stdout) {
    const lines = stdout.trim().split('\n').reverse();
    for (const line of lines) {
        try { return JSON.parse(line); } catch { /* not JSON */ }
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------
// building the workers

async function buildWorkers() {
    mkdirSync(BUILD, { recursive: true });
    const common = {
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked',
        logLevel: 'warning', define: { 'import.meta.url': 'undefined' }, absWorkingDir: ROOT
    };
    await esbuild.build({
        ...common,
        entryPoints: { 'floor-worker': 'scripts/bench/floor-worker.ts', 'check-worker': 'scripts/bench/check-worker.ts' },
        outdir: BUILD, outExtension: { '.js': '.cjs' }
    });
}

// ---------------------------------------------------------------------------------------------
// statistics and formatting

const median = (values) => {
    const v = values.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
    if (v.length === 0) return undefined;
    const mid = v.length >> 1;
    return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

const seconds = (ms) => ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mebibytes = (kib) => !kib ? 'n/a' : kib >= 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(2)} GiB` : `${Math.round(kib / 1024)} MiB`;

/** A measured value as text: its median, or what stopped it. */
function cell(measure, format = seconds) {
    if (measure.value !== undefined) return format(measure.value);
    if (measure.failure) return measure.failure;
    return 'n/a';
}

function failureOf(result, timeoutMs) {
    if (result.skipped) return '—';
    if (result.timedOut) return `> ${Math.round(timeoutMs / 1000)} s CPU (stopped after ${seconds(result.wallMs)})`;
    if (result.oom) return `out of memory after ${seconds(result.wallMs)}`;
    if (result.signal) return `killed (${result.signal}) after ${seconds(result.wallMs)}`;
    if (result.internal) return `failed after ${seconds(result.wallMs)}: ${result.internal.replace(/ \(please report.*$/, '')}`;
    return `failed (exit ${result.code}) after ${seconds(result.wallMs)}`;
}

// ---------------------------------------------------------------------------------------------
// one case

async function runCase(spec, options) {
    const layoutName = spec.layout === 'one' ? '1file' : `${GROUPS}files`;
    const variant = options.minSites > 1 ? `-min${options.minSites}sites` : '';
    const dir = join(WORKSPACES, `n${spec.n}-${layoutName}${variant}`);
    const t0 = performance.now();
    const model = generateModel(spec.n, options.seed, { minSites: options.minSites });
    const written = writeWorkspace(model, spec.layout, dir);
    const generateMs = performance.now() - t0;
    const entry = spec.layout === 'one' ? join(dir, 'model.topo')
        : options.dir || spec.dir ? dir : join(dir, groupFile(GROUPS - 1));
    const bytes = written.files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    const stats = options.stats ? (options.statsCache.get(`${spec.n}/${options.minSites}`)
        ?? options.statsCache.set(`${spec.n}/${options.minSites}`, spofStats(model)).get(`${spec.n}/${options.minSites}`)) : undefined;
    const workload = {
        services: spec.n, sites: model.sites.length, regions: model.regions.length, infra: model.infra.length,
        files: written.files.length, bytes, generateMs, dir: relative(ROOT, dir), checked: relative(ROOT, entry), stats
    };
    log(`\n## ${spec.id}: ${spec.n} services in ${written.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB; topo check ${relative(ROOT, entry)}`);
    if (stats) log(`   expected answer: ${stats.nearestPairs.toLocaleString('en')} nearest SPOF causes (mean ${stats.meanNearest.toFixed(0)} per service), causes JSON alone ≥ ${(stats.causesJsonBytes / 1e6).toFixed(0)} MB`);

    const runs = options.runs ?? spec.runs;
    const timeoutMs = options.timeoutMs;
    const raw = { floor: [], ours: [], check: [], analyze: [] };
    for (let r = 0; r < runs; r++) {
        const floor = await runNode([join(BUILD, 'floor-worker.cjs'), dir], { timeoutMs: timeoutMs * 3 });
        const floorJson = lastJson(floor.stdout);
        raw.floor.push({ ...floor, stdout: undefined, json: floorJson });
        log(`   run ${r + 1}/${runs} floor: ${floorJson ? `${seconds(floorJson.timings.total)} in process, ${seconds(floor.wallMs)} process (CPU ${seconds(floor.cpuMs)}), ${mebibytes(floor.maxRssKiB)}` : failureOf(floor, timeoutMs * 3)}`);
        if (floorJson && floorJson.errors > 0) log(`   WARNING: the floor saw ${floorJson.errors} parse or linking errors`);

        const ours = spec.cliOnly ? { stdout: '', stderr: '', skipped: true } : await runNode([join(BUILD, 'check-worker.cjs'), entry], { timeoutMs });
        const oursJson = lastJson(ours.stdout);
        raw.ours.push({ ...ours, stdout: undefined, json: oursJson });
        const t = oursJson?.timings ?? {};
        if (!ours.skipped) log(`   run ${r + 1}/${runs} ours: load ${seconds(t.load)} (parse ${seconds(t.parse)}, link ${seconds(t.link)}, validate ${seconds(t.validate)})`
            + (oursJson?.partial ? `, then ${failureOf(ours, timeoutMs)}` : `, analysis ${seconds(t.analysis)}, total ${seconds(t.total)}, ${mebibytes(ours.maxRssKiB)}`));

        const outFile = join(BUILD, `check-${spec.id}.json`);
        const check = await runNode([CLI, 'check', entry, '--format', 'json'], { timeoutMs, stdoutFile: outFile });
        // exit 0 or 1 (errors found) with the JSON's summary at its end; anything else is a failure
        let summary;
        if (!check.timedOut && (check.code === 0 || check.code === 1) && !check.signal) {
            try {
                const size = statSync(outFile).size;
                const fd = openSync(outFile, 'r');
                const tail = Buffer.alloc(Math.min(size, 4096));
                readSync(fd, tail, 0, tail.length, size - tail.length);
                closeSync(fd);
                const m = /"summary":\s*(\{[^{}]*\})\s*\}\s*$/.exec(tail.toString('utf8'));
                if (m) summary = { ...JSON.parse(m[1]), outputBytes: size };
            } catch { /* no summary: a failed run */ }
        }
        const ok = summary !== undefined;
        raw.check.push({ ...check, stdout: undefined, ok, summary });
        log(`   run ${r + 1}/${runs} topo check: ${ok ? `${seconds(check.wallMs)} (CPU ${seconds(check.cpuMs)}), ${mebibytes(check.maxRssKiB)}, exit ${check.code}` : failureOf(check, timeoutMs)}`
            + (check.oom ? ' (JavaScript heap out of memory)' : ''));

        if (options.analyze && r === 0 && !spec.dir && !options.dir) {
            // the complete answer, streamed into a pipe; a model with language errors writes none (exit 1)
            const analyze = await runNode([CLI, 'analyze', entry, '--format', 'json'], { timeoutMs: options.analyzeTimeoutMs, countStdout: true });
            const analyzeOk = !analyze.timedOut && analyze.code === 0 && !analyze.signal;
            raw.analyze.push({ ...analyze, stdout: undefined, ok: analyzeOk });
            log(`   run ${r + 1}/${runs} topo analyze: ${analyzeOk ? `${seconds(analyze.wallMs)} (CPU ${seconds(analyze.cpuMs)}), ${mebibytes(analyze.maxRssKiB)}` : failureOf(analyze, options.analyzeTimeoutMs)}`
                + `, ${(analyze.stdoutBytes / 1e6).toFixed(0)} MB written${analyze.cpuMs ? `, ${(analyze.stdoutBytes / 1e6 / (analyze.cpuMs / 1000)).toFixed(1)} MB per CPU second` : ''}`);
        }
        if (!ok || (!ours.skipped && (!oursJson || oursJson.partial))) {
            if (r + 1 < runs) log('   (further runs skipped: this case does not finish)');
            break;
        }
    }

    const measure = (list, value, fail) => {
        const values = list.map(value).filter(v => v !== undefined);
        const m = median(values);
        const failed = list.find(x => value(x) === undefined);
        return { value: m, values, failure: m === undefined && failed ? fail(failed) : undefined };
    };
    const complete = (x) => x.json && !x.json.partial;
    const floorMs = measure(raw.floor, x => complete(x) ? x.json.timings.total : undefined, x => failureOf(x, timeoutMs * 3));
    const floorWallMs = measure(raw.floor, x => complete(x) ? x.wallMs : undefined, x => failureOf(x, timeoutMs * 3));
    const loadMs = measure(raw.ours, x => x.json?.timings?.load, x => failureOf(x, timeoutMs));
    const analysisMs = measure(raw.ours, x => x.json?.timings?.analysis, x => failureOf(x, timeoutMs));
    const oursTotalMs = measure(raw.ours, x => complete(x) ? x.json.timings.total : undefined, x => failureOf(x, timeoutMs));
    const checkMs = measure(raw.check, x => x.ok ? x.wallMs : undefined, x => failureOf(x, timeoutMs));
    const checkCpuMs = measure(raw.check, x => x.ok ? x.cpuMs : undefined, x => failureOf(x, timeoutMs));
    const floorCpuMs = measure(raw.floor, x => complete(x) ? x.cpuMs : undefined, x => failureOf(x, timeoutMs * 3));
    const checkRss = { value: median(raw.check.map(x => x.ok ? x.maxRssKiB : undefined)) };
    if (checkRss.value === undefined) {
        const last = raw.check.at(-1);
        checkRss.failure = last && last.maxRssKiB ? `≥ ${mebibytes(last.maxRssKiB)} when stopped` : 'n/a';
    }
    const phases = {};
    for (const key of ['parserInit', 'parse', 'index', 'link', 'indexRefs', 'validate', 'load', 'model', 'languageDiagnostics', 'analysis', 'placeFindings', 'output', 'total']) {
        phases[key] = median(raw.ours.map(x => x.json?.timings?.[key]));
    }
    const floorPhases = {};
    for (const key of ['parserInit', 'parse', 'index', 'link', 'indexRefs', 'total']) floorPhases[key] = median(raw.floor.map(x => x.json?.timings?.[key]));
    const lastOurs = raw.ours.map(x => x.json).filter(j => j && !j.partial).at(-1);
    const analyze = raw.analyze.length === 0 ? undefined : {
        wallMs: measure(raw.analyze, x => x.ok ? x.wallMs : undefined, x => failureOf(x, options.analyzeTimeoutMs)),
        cpuMs: measure(raw.analyze, x => x.ok ? x.cpuMs : undefined, x => failureOf(x, options.analyzeTimeoutMs)),
        rssKiB: median(raw.analyze.map(x => x.maxRssKiB || undefined)),
        bytes: median(raw.analyze.map(x => x.stdoutBytes)),
        // bytes per CPU second (a stopped run too: how fast it wrote until then); CPU, as the machine may be shared
        bytesPerCpuSecond: median(raw.analyze.map(x => x.cpuMs ? x.stdoutBytes / (x.cpuMs / 1000) : undefined)),
        complete: raw.analyze.every(x => x.ok)
    };
    return {
        id: spec.id, n: spec.n, layout: spec.layout, scalingOnly: !!spec.scalingOnly, dirMode: !!(options.dir || spec.dir) && spec.layout === 'files',
        roots: lastOurs?.roots, analyzedRoots: lastOurs?.analyzedRoots, elementsAnalyzed: lastOurs?.elementsAnalyzed,
        runs: raw.check.length, workload,
        floorMs, floorWallMs, floorCpuMs, loadMs, analysisMs, oursTotalMs, checkMs, checkCpuMs, checkRss,
        ratio: checkMs.value !== undefined && floorWallMs.value ? checkMs.value / floorWallMs.value : undefined,
        ratioLowerBound: checkMs.value === undefined && floorWallMs.value && raw.check.length > 0 ? raw.check.at(-1).wallMs / floorWallMs.value : undefined,
        phases, floorPhases, analyze,
        diagnostics: lastOurs ? { count: lastOurs.diagnostics, codes: lastOurs.codes, outputBytes: lastOurs.outputBytes, outputError: lastOurs.outputError, summary: lastOurs.summary } : undefined,
        raw: {
            floor: raw.floor.map(({ stderr, ...x }) => ({ ...x, stderr: x.json ? undefined : stderr })),
            ours: raw.ours.map(({ stderr, ...x }) => ({ ...x, stderr: x.json && !x.json.partial ? undefined : stderr.slice(-800) })),
            check: raw.check.map(({ stderr, ...x }) => ({ ...x, stderr: x.ok ? undefined : stderr.slice(-800) })),
            analyze: raw.analyze.map(({ stderr, ...x }) => ({ ...x, stderr: x.ok ? undefined : stderr.slice(-800) }))
        }
    };
}

// ---------------------------------------------------------------------------------------------
// report

function label(c) {
    if (c.layout === 'one') return `${c.n / 1000}k, 1 file`;
    const dir = !c.dirMode ? '' : c.roots === undefined ? ', `check DIR`'
        : `, \`check DIR\` (${c.roots} roots, ${c.analyzedRoots} analysed, ${c.elementsAnalyzed.toLocaleString('en')} elements)`;
    return `${c.n / 1000}k, ${c.workload.files} files${c.scalingOnly ? ' (scaling)' : ''}${dir}`;
}

function markdown(results, meta) {
    const lines = [];
    lines.push(`# topo benchmark — ${meta.date}`);
    lines.push('');
    lines.push(`Node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}, ${meta.memoryGiB} GiB. load average ${meta.loadAverage.before.toFixed(1)} before, ${meta.loadAverage.after.toFixed(1)} after. Generator v${GENERATOR_VERSION}, seed 0x${meta.seed.toString(16)}`
        + `${meta.minSites > 1 ? `, variant: at least ${meta.minSites} sites per service` : ''}; \`topo check\` given ${meta.dir ? 'the workspace directory' : 'the entry file'}; runs stopped after ${meta.timeoutS} s of CPU time. Medians of the runs shown; under load, compare CPU times.`);
    lines.push('');
    lines.push('| case | floor parse+link (in process / process wall) | topo parse+link+validation | analysis | whole `topo check` (wall / CPU) | peak RSS of `topo check` | check / floor (wall, CPU) | runs |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of results) {
        const floor = c.floorMs.value !== undefined
            ? `${seconds(c.floorMs.value)} / ${seconds(c.floorWallMs.value)}${c.floorCpuMs?.value !== undefined ? ` (CPU ${seconds(c.floorCpuMs.value)})` : ''}` : cell(c.floorMs);
        const cpuRatio = c.checkCpuMs?.value !== undefined && c.floorCpuMs?.value ? ` (CPU ${(c.checkCpuMs.value / c.floorCpuMs.value).toFixed(1)}×)` : '';
        const ratio = c.ratio !== undefined ? `${c.ratio.toFixed(1)}×${cpuRatio}` : c.ratioLowerBound !== undefined ? `> ${c.ratioLowerBound.toFixed(0)}×` : 'n/a';
        lines.push(`| ${label(c)} | ${floor} | ${cell(c.loadMs)} | ${cell(c.analysisMs)} | ${c.checkMs.value !== undefined ? `${seconds(c.checkMs.value)} / ${seconds(c.checkCpuMs.value)}` : cell(c.checkMs)} | ${cell(c.checkRss, mebibytes)} | ${ratio} | ${c.runs} |`);
    }
    lines.push('');
    lines.push('Targets (2-core machine):');
    lines.push('');
    for (const t of targets(results)) lines.push(`- ${t.met === undefined ? '(not run)' : t.met ? 'MET' : 'MISSED'}: ${t.text}${t.measured ? ` — measured ${t.measured}` : ''}`);
    lines.push('');
    lines.push('Phases (medians, seconds; in process):');
    lines.push('');
    lines.push('| case | parser init | parse | index | link | reference index | validate | model | analysis | place findings | JSON output | floor: parser init / parse / link / reference index |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const s = (ms) => ms === undefined ? '—' : (ms / 1000).toFixed(2);
    for (const c of results) {
        const p = c.phases, f = c.floorPhases;
        lines.push(`| ${label(c)} | ${s(p.parserInit)} | ${s(p.parse)} | ${s(p.index)} | ${s(p.link)} | ${s(p.indexRefs)} | ${s(p.validate)} | ${s(p.model)} | ${s(p.analysis)} | ${s(p.placeFindings)} | ${s(p.output)} | ${s(f.parserInit)} / ${s(f.parse)} / ${s(f.link)} / ${s(f.indexRefs)} |`);
    }
    lines.push('');
    lines.push('Scaling, milliseconds per 1,000 services (multi-file cases; flat = linear):');
    lines.push('');
    lines.push('| services | floor | topo parse+link+validation | analysis | `topo check` |');
    lines.push('| ---: | ---: | ---: | ---: | ---: |');
    const per = (ms, n) => ms === undefined ? '—' : (ms / (n / 1000)).toFixed(0);
    for (const c of results.filter(r => r.layout === 'files' && !r.dirMode)) {
        lines.push(`| ${c.n} | ${per(c.floorMs.value, c.n)} | ${per(c.loadMs.value, c.n)} | ${per(c.analysisMs.value, c.n)} | ${per(c.checkMs.value, c.n)} |`);
    }
    const analyzed = results.filter(r => r.analyze);
    if (analyzed.length > 0) {
        lines.push('');
        lines.push('`topo analyze --format json` (the complete answer, streamed into a pipe; bytes per CPU second also of a stopped run):');
        lines.push('');
        lines.push('| case | wall / CPU | peak RSS | bytes written | MB per CPU second |');
        lines.push('| --- | ---: | ---: | ---: | ---: |');
        for (const c of analyzed) {
            const a = c.analyze;
            const time = a.complete ? `${seconds(a.wallMs.value)} / ${seconds(a.cpuMs.value)}` : cell(a.cpuMs);
            const bytes = a.bytes === undefined ? 'n/a' : `${(a.bytes / 1e6).toFixed(a.bytes < 1e7 ? 1 : 0)} MB${a.complete ? '' : ' until stopped'}`;
            const rate = a.bytesPerCpuSecond === undefined ? 'n/a' : (a.bytesPerCpuSecond / 1e6).toFixed(1);
            lines.push(`| ${label(c)} | ${time} | ${a.rssKiB ? mebibytes(a.rssKiB) : 'n/a'} | ${bytes} | ${rate} |`);
        }
    }
    const withStats = results.filter(r => r.workload.stats);
    if (withStats.length > 0) {
        lines.push('');
        lines.push('Size of the answer (counted independently of topo, see docs/bench.md):');
        lines.push('');
        lines.push('| case | (service, SPOF) pairs | nearest causes | mean / max per service | `causes` JSON alone | diagnostics | JSON output |');
        lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
        for (const c of withStats) {
            const st = c.workload.stats;
            const out = !c.diagnostics ? '—' : c.diagnostics.outputBytes === undefined ? `fails: ${c.diagnostics.outputError ?? 'n/a'}`
                : `${(c.diagnostics.outputBytes / 1e6).toFixed(0)} MB`;
            lines.push(`| ${label(c)} | ${st.spofPairs.toLocaleString('en')} | ${st.nearestPairs.toLocaleString('en')} | ${st.meanNearest.toFixed(0)} / ${st.maxNearest} | ${(st.causesJsonBytes / 1e6).toFixed(0)} MB | ${c.diagnostics ? c.diagnostics.count : '—'} | ${out} |`);
        }
    }
    return lines.join('\n') + '\n';
}

function targets(results) {
    const byId = new Map(results.map(r => [r.id, r]));
    const out = [];
    const ten = byId.get('10k');
    out.push({
        text: '`topo check` of 10k services within 2× the floor (about 3 s)',
        met: ten ? ten.ratio !== undefined && ten.ratio <= 2 : undefined,
        measured: ten ? (ten.ratio !== undefined ? `${seconds(ten.checkMs.value)}, ${ten.ratio.toFixed(1)}× the floor` : cell(ten.checkMs)) : undefined
    });
    const fifty = byId.get('50k');
    out.push({
        text: '50k in 100 files under 8 s and 1.5 GiB',
        met: fifty ? fifty.checkMs.value !== undefined && fifty.checkMs.value < 8000 && fifty.checkRss.value < 1.5 * 1024 * 1024 : undefined,
        measured: fifty ? `${cell(fifty.checkMs)}, ${cell(fifty.checkRss, mebibytes)}` : undefined
    });
    const one = byId.get('50k-1file');
    out.push({
        text: '50k in one file within 1.5× its own floor',
        met: one ? one.ratio !== undefined && one.ratio <= 1.5 : undefined,
        measured: one ? (one.ratio !== undefined ? `${one.ratio.toFixed(1)}×` : `${cell(one.checkMs)}, floor ${seconds(one.floorWallMs.value)}`) : undefined
    });
    const five = byId.get('5k');
    if (five && fifty) {
        const scale = (a, b) => a !== undefined && b !== undefined ? (b / a) / (fifty.n / five.n) : undefined;
        const load = scale(five.loadMs.value, fifty.loadMs.value);
        const check = scale(five.checkMs.value, fifty.checkMs.value);
        out.push({
            text: 'near-linear from 5k to 50k (time per service at 50k ÷ at 5k)',
            met: check !== undefined ? check < 1.5 : fifty.runs > 0 && fifty.checkMs.value === undefined ? false : undefined,
            measured: `parse+link+validation ${load !== undefined ? `${load.toFixed(2)}×` : 'n/a'}, topo check ${check !== undefined ? `${check.toFixed(2)}×` : 'n/a (does not finish)'}`
        });
    }
    return out;
}

function log(text) {
    process.stdout.write(text + '\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
    const reportFrom = option('--report', undefined);
    if (reportFrom) {
        // re-render the Markdown of a saved run: node scripts/bench/bench.mjs --report bench-results/latest.json
        const saved = JSON.parse(readFileSync(reportFrom, 'utf8'));
        process.stdout.write(markdown(saved.results, saved.meta) + `\nWhole benchmark: ${saved.meta.benchSeconds} s.\n`);
        return;
    }
    const only = option('--only', undefined)?.split(',');
    const options = {
        seed: Number(option('--seed', String(DEFAULT_SEED))),
        timeoutMs: Number(option('--timeout', '120')) * 1000,
        analyzeTimeoutMs: Number(option('--analyze-timeout', '60')) * 1000,
        runs: option('--runs', undefined) === undefined ? undefined : Number(option('--runs', '1')),
        dir: process.argv.includes('--dir'),
        minSites: Number(option('--min-sites', '1')),
        stats: !process.argv.includes('--no-stats'),
        analyze: !process.argv.includes('--no-analyze'),
        statsCache: new Map()
    };
    if (!existsSync(join(ROOT, 'out', 'cli.cjs'))) {
        process.stderr.write('bench: out/cli.cjs is missing: run `npm run build` first (`npm run bench` does)\n');
        process.exit(2);
    }
    const started = performance.now();
    const loadBefore = loadavg()[0];
    log(`topo bench: generator v${GENERATOR_VERSION}, seed 0x${options.seed.toString(16)} (mulberry32), runs stopped after ${options.timeoutMs / 1000} s of CPU, peak RSS from ${TIME ? '/usr/bin/time' : '/proc VmHWM polling'}`);
    await buildWorkers();
    const cliVersion = snapshotCli();
    const results = [];
    for (const spec of CASES) {
        if (only && !only.includes(spec.id)) continue;
        results.push(await runCase(spec, options));
    }
    const meta = {
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), node: process.version, topoVersion: cliVersion, cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30),
        seed: options.seed, generatorVersion: GENERATOR_VERSION, timeoutS: options.timeoutMs / 1000, dir: options.dir,
        minSites: options.minSites, loadAverage: { before: loadBefore, after: loadavg()[0] }, peakRssFrom: TIME ? '/usr/bin/time -f %M' : '/proc VmHWM', benchSeconds: 0
    };
    meta.benchSeconds = Math.round((performance.now() - started) / 1000);
    const md = markdown(results, meta) + `\nWhole benchmark: ${meta.benchSeconds} s.\n`;
    mkdirSync(OUT, { recursive: true });
    const name = option('--name', 'latest');
    writeFileSync(join(OUT, `${name}.md`), md);
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ meta, targets: targets(results), results }, null, 2) + '\n');
    log('\n' + md);
    log(`written: ${relative(ROOT, join(OUT, `${name}.md`))}, ${relative(ROOT, join(OUT, `${name}.json`))}`);
}

await main();
