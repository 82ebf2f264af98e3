// `npm run bench` step: beyond single failures. On the pinned 1k workload of generate.mjs (1,000
// services, 100 sites, 5 regions, 10 infra: 115 failure domains, one file), and on the same model
// with an availability on every site and infra (110 of them, the harder case for importance):
//   worker  in one fresh process: load, compile, down sets, order-2 cut sets, importance (ms each)
//   cli     the real `topo analyze FILE --order 2 --format json` and `--importance`, wall and CPU
//           time (CPU from /usr/bin/time when present: on a loaded machine wall time says little)
// Targets (the "Beyond single failures" issue): order-2 cut sets < 5 s, importance < 10 s, judged
// on CPU time.
// Writes bench-results/beyond.md and beyond.json.
//
// Usage: node scripts/bench/beyond.mjs [--n 1000] [--order 2]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generateModel, writeWorkspace } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'bench-results');
const BUILD = join(OUT, '.build');
const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
};
const N = Number(option('--n', 1000));
const ORDER = Number(option('--order', 2));
// the issue's targets; its cut-set target is for order 2 (other orders are reported, not judged)
const TARGETS = { cutSets: ORDER === 2 ? 5000 : Infinity, importance: 10000 };
const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { encoding: 'utf8' }).status === 0;

await esbuild.build({
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning',
    define: { 'import.meta.url': 'undefined' }, absWorkingDir: ROOT,
    entryPoints: { 'beyond-worker': 'scripts/bench/beyond-worker.ts' }, outdir: BUILD, outExtension: { '.js': '.cjs' }
});

const cases = [
    { id: `${N / 1000}k`, what: 'the pinned workload (10% of sites and infra declare an availability)', everyDomain: false },
    { id: `${N / 1000}k, every domain`, what: 'every site and infra declares an availability (99.9%, 99.95%, 99.99%)', everyDomain: true }
];

const results = [];
for (const c of cases) {
    const model = generateModel(N);
    if (c.everyDomain) {
        const values = ['99.9%', '99.95%', '99.99%'];
        model.sites.forEach((s, i) => { s.availability ??= values[i % 3]; });
        model.infra.forEach((f, i) => { f.availability ??= values[i % 3]; });
    }
    const dir = join(OUT, 'workspaces', `beyond-${N}${c.everyDomain ? '-every' : ''}`);
    const { entry } = writeWorkspace(model, 'one', dir);
    const worker = spawnSync(process.execPath, [join(BUILD, 'beyond-worker.cjs'), entry, String(ORDER)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (worker.status !== 0) throw new Error(`worker failed: ${worker.stderr}`);
    const inProcess = JSON.parse(worker.stdout.trim().split('\n').pop());
    const cli = {};
    for (const [key, flags] of [['cutSets', ['--order', String(ORDER)]], ['importance', ['--importance']]]) {
        const argv = [process.execPath, join(ROOT, 'bin', 'topo.cjs'), 'analyze', entry, ...flags, '--format', 'json'];
        const timeFile = join(BUILD, `beyond-time-${process.pid}.txt`);
        const command = TIME ? ['/usr/bin/time', '-f', '%U %S', '-o', timeFile, ...argv] : argv;
        const start = performance.now();
        const run = spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
        const wallMs = performance.now() - start;
        let cpuMs;
        if (TIME && existsSync(timeFile)) {
            const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
            cpuMs = (user + system) * 1000;
            rmSync(timeFile, { force: true });
        }
        cli[key] = { wallMs, cpuMs, exit: run.status, bytes: run.stdout.length };
        if (run.status !== 0) throw new Error(`topo analyze ${flags.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
    results.push({ ...c, ...inProcess, cli });
    console.log(`${c.id}: ${JSON.stringify({ ...inProcess, cli })}`);
}

const s = (ms) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mark = (ms, target) => (ms === undefined || ms < target ? s(ms) : `**${s(ms)}**`);
const cliTime = (run, target) => `${mark(run.cpuMs ?? run.wallMs, target)} (${s(run.wallMs)})`;
const lines = [
    `# Beyond single failures (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`,
    '',
    `Order-${ORDER} cut sets and importance; targets: ${ORDER === 2 ? `cut sets < ${s(TARGETS.cutSets)}` : 'none for cut sets of this order'}, importance < ${s(TARGETS.importance)} (CPU time; bold: over).`,
    '',
    `| case | services | domains (with availability) | cut sets (by size) | services left out of importance | down sets | cut sets | importance | \`analyze --order ${ORDER}\` CPU (wall) | \`analyze --importance\` CPU (wall) | peak RSS (worker) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
];
for (const r of results) {
    lines.push(`| ${r.id} | ${r.services} | ${r.domains} (${r.measuredDomains}) | ${r.cutSets} (${r.cutSetsBySize.slice(0, ORDER).join(' + ')}) | ${r.leftOut} | ` +
        `${s(r.cpuMs.downSets)} | ${mark(r.cpuMs.cutSets, TARGETS.cutSets)} | ${mark(r.cpuMs.importance, TARGETS.importance)} | ` +
        `${cliTime(r.cli.cutSets, TARGETS.cutSets)} | ${cliTime(r.cli.importance, TARGETS.importance)} | ${Math.round(r.maxRssKiB / 1024)} MiB |`);
}
lines.push('', 'Analysis phases in one process (CPU time); the CLI columns are whole processes (load, parse, link, the whole analysis, JSON).');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'beyond.md'), lines.join('\n') + '\n');
writeFileSync(join(OUT, 'beyond.json'), JSON.stringify({ n: N, order: ORDER, targets: TARGETS, results }, null, 2) + '\n');
console.log('\n' + lines.join('\n'));
const over = (run, target) => (run.cpuMs ?? run.wallMs) >= target;
const pinned = results.filter(r => !r.everyDomain);
const missed = pinned.some(r => r.cpuMs.cutSets >= TARGETS.cutSets || r.cpuMs.importance >= TARGETS.importance ||
    over(r.cli.cutSets, TARGETS.cutSets) || over(r.cli.importance, TARGETS.importance));
console.log(missed ? '\nA target was missed on the pinned workload (marked in bold).' : '\nThe targets are met on the pinned workload.');
