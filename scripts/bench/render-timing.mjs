// `npm run bench` (its last step; alone: `npm run bench:render`): how long `topo render` takes on
// the benchmark generator's 1,000-service model (one file, the fixed seed) — the real CLI, each
// picture in a fresh process, wall time from start to exit (Node start-up, loading and analysing
// the model, the layout with elkjs in the process, drawing, writing the SVG):
//   overview   `--collapse all`: every region and site closed, as the preview first shows it;
//   focus      `--focus svc-0500`: one service's neighbourhood (1 hop);
//   open       everything open (the preview's "Expand all"), stopped after --timeout seconds.
// The CLI runs from a snapshot of out/cli.cjs taken at the start (a rebuild meanwhile cannot
// change what is measured). Writes bench-results/render.md and render.json, and each picture to
// bench-results/render-<case>.svg.
// Usage: node scripts/bench/render-timing.mjs [--runs N] [--timeout 300] [--only overview,focus]
//        (after `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateModel, writeWorkspace } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '1'));
const timeoutS = Number(option('timeout', '300'));
const N = 1000;
const FOCUS = 'svc-0500';
const CASES = { overview: ['--collapse', 'all'], focus: ['--focus', FOCUS], open: [] };
const only = option('only', Object.keys(CASES).join(',')).split(',');
for (const name of only) {
    if (!Object.hasOwn(CASES, name)) {
        process.stderr.write(`render-timing: unknown case '${name}' (the cases: ${Object.keys(CASES).join(', ')})\n`);
        process.exit(2);
    }
}
if (!Number.isInteger(runs) || runs < 1 || !(timeoutS > 0)) {
    process.stderr.write('render-timing: --runs takes a whole number from 1, --timeout a number of seconds\n');
    process.exit(2);
}
if (!existsSync(join(ROOT, 'out', 'cli.cjs'))) {
    process.stderr.write('render-timing: out/cli.cjs is missing: run `npm run build` first (`npm run bench:render` does)\n');
    process.exit(2);
}

const out = join(ROOT, 'bench-results');
const dir = join(out, 'render-model');
mkdirSync(out, { recursive: true });
writeWorkspace(generateModel(N, DEFAULT_SEED), 'one', dir);
// a snapshot of the CLI bundle, so that a rebuild meanwhile cannot change what is measured
const snapshot = join(out, '.build', 'render-cli');
rmSync(snapshot, { recursive: true, force: true });
mkdirSync(snapshot, { recursive: true });
const cli = join(snapshot, 'cli.cjs');
copyFileSync(join(ROOT, 'out', 'cli.cjs'), cli);
const probe = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
if (probe.status !== 0) {
    process.stderr.write(`render-timing: the CLI snapshot does not run: ${probe.stderr.trim().split('\n').slice(-3).join(' ')}\n`);
    process.exit(1);
}

/** Wall milliseconds of one `topo render` into `file`, or null when it ran past the timeout. */
function timeRender(extra, file) {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(process.execPath, [cli, 'render', join(dir, 'model.topo'), '--format', 'svg', ...extra, '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
            clearTimeout(timer);
            if (signal === 'SIGKILL') resolve(null);
            else if (code === 0) resolve(performance.now() - started);
            else reject(new Error(`topo render ${extra.join(' ')} exited ${code ?? signal}: ${stderr.trim()}`));
        });
    });
}

/** The median, or null when a run did not finish. */
const median = values => {
    const done = values.filter(v => v !== null).sort((a, b) => a - b);
    return done.length < values.length ? null : done[Math.floor(done.length / 2)];
};
const s = ms => (ms === undefined ? '—' : ms === null ? `> ${timeoutS} s` : `${(ms / 1000).toFixed(1)} s`);
const kib = bytes => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;

const loadBefore = loadavg()[0];
const row = { services: N, runs };
const sizes = {};
for (const name of only) {
    const file = join(out, `render-${name}.svg`);
    rmSync(file, { force: true });
    const times = [];
    for (let i = 0; i < runs; i++) {
        const ms = await timeRender(CASES[name], file);
        times.push(ms);
        if (ms === null) break; // one that does not finish is not repeated
    }
    row[`${name}Ms`] = median(times);
    if (row[`${name}Ms`] !== null && existsSync(file)) sizes[name] = statSync(file).size;
    console.log(`topo render, ${N.toLocaleString('en')} services, ${name}: ${s(row[`${name}Ms`])}${sizes[name] ? ` (${kib(sizes[name])} of SVG)` : ''}`);
}
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`;
const cell = name => `${s(row[`${name}Ms`])}${sizes[name] ? ` (${kib(sizes[name])})` : ''}`;
const md = [
    `\`topo render --format svg\` on the bench generator's ${N.toLocaleString('en')}-service model (the real CLI, wall time of the process), ${when} UTC, Node ${process.versions.node}, ${load}, median of ${runs}:`, '',
    `| services | overview (\`--collapse all\`) | one service's neighbourhood (\`--focus ${FOCUS}\`) | everything open |`,
    '| ---: | ---: | ---: | ---: |',
    `| ${N.toLocaleString('en')} | ${cell('overview')} | ${cell('focus')} | ${cell('open')} |`, ''
].join('\n');
writeFileSync(join(out, 'render.md'), md);
writeFileSync(join(out, 'render.json'), JSON.stringify({ when, node: process.versions.node, loadBefore, loadAfter: loadavg()[0], timeoutS, row, svgBytes: sizes }, null, 2) + '\n');
console.log(md);
