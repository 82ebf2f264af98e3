// CPU profiles of the CLI on the benchmark's workloads:
//   node --cpu-prof CLI check ENTRY --format json     (runs that end: 1k, 5k, 10k)
//   node --prof CLI check ENTRY --format json         (runs stopped at --seconds: the 50k cases)
// CLI is a development bundle of server/src/cli.ts built here (bench-results/.build/cli.cjs, the
// same esbuild options as scripts/build.mjs, with its source map), so that positions map back to
// the TypeScript sources even when out/ holds a minified build. `--cpu-prof` writes its profile
// only when the process ends normally, so a run stopped at --seconds (or dying of memory) is
// profiled with `--prof`, whose tick log profile-summary.mjs reads the same way.
// Writes bench-results/profiles/<case>.cpuprofile or <case>.log, <case>.md (the summary) and
// <case>.bundle/ (the bundle that ran, so that the profile can be read again later).
//
// Usage: node scripts/bench/profile.mjs [--only 10k,50k,50k-1file] [--seconds 90] [--min-sites 1] [--tool cpu-prof|prof]
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DEFAULT_SEED, GROUPS, generateModel, groupFile, writeWorkspace } from './generate.mjs';
import { summaryMarkdown } from './profile-summary.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROFILES = join(ROOT, 'bench-results', 'profiles');
const BUILD = join(ROOT, 'bench-results', '.build');
// tool: `--cpu-prof` for runs that end; `--prof` (a tick log, usable when the run is stopped) for those that do not
const CASES = {
    '1k': { n: 1000, layout: 'files', tool: 'cpu-prof' },
    '5k': { n: 5000, layout: 'files', tool: 'cpu-prof' },
    '10k': { n: 10000, layout: 'files', tool: 'cpu-prof' },
    '50k': { n: 50000, layout: 'files', tool: 'prof' },
    '50k-1file': { n: 50000, layout: 'one', tool: 'prof' }
};

function option(name, fallback) {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Runs node with a hard stop after `limitMs` (SIGKILL to this child only). */
function run(args, stdoutFile, limitMs) {
    return new Promise(resolvePromise => {
        const fd = openSync(stdoutFile, 'w');
        const start = performance.now();
        const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
        let stderr = '';
        let stopped = false;
        child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-2000); });
        const timer = setTimeout(() => { stopped = true; child.kill('SIGKILL'); }, limitMs);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            closeSync(fd);
            resolvePromise({ code, signal, stopped, stderr, wallMs: performance.now() - start });
        });
    });
}

async function main() {
    const ids = option('--only', '10k,50k,50k-1file').split(',');
    const limit = Number(option('--seconds', '90'));
    const minSites = Number(option('--min-sites', '1'));
    mkdirSync(PROFILES, { recursive: true });
    mkdirSync(BUILD, { recursive: true });
    const cli = join(BUILD, 'cli.cjs');
    await esbuild.build({
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked', logLevel: 'warning',
        define: { 'import.meta.url': 'undefined' }, absWorkingDir: ROOT,
        entryPoints: ['server/src/cli.ts'], outfile: cli
    });
    for (const id of ids) {
        const spec = CASES[id];
        if (!spec) throw new Error(`unknown case ${id}; known: ${Object.keys(CASES).join(', ')}`);
        const variant = minSites > 1 ? `-min${minSites}sites` : '';
        const dir = join(ROOT, 'bench-results', 'workspaces', `n${spec.n}-${spec.layout === 'one' ? '1file' : `${GROUPS}files`}${variant}`);
        writeWorkspace(generateModel(spec.n, DEFAULT_SEED, { minSites }), spec.layout, dir);
        const entry = spec.layout === 'one' ? join(dir, 'model.topo') : join(dir, groupFile(GROUPS - 1));
        const name = `${id}${variant}`;
        const tmp = join(PROFILES, `${name}.tmp`);
        rmSync(tmp, { recursive: true, force: true });
        mkdirSync(tmp, { recursive: true });
        process.stdout.write(`profiling ${name}: topo check ${relative(ROOT, entry)} (stopped after ${limit} s)… `);
        // the profile names the script it ran: keep a copy of the bundle (and its map) with it
        const bundle = join(PROFILES, `${name}.bundle`);
        rmSync(bundle, { recursive: true, force: true });
        mkdirSync(bundle, { recursive: true });
        copyFileSync(cli, join(bundle, 'cli.cjs'));
        copyFileSync(`${cli}.map`, join(bundle, 'cli.cjs.map'));
        const tool = option('--tool', spec.tool);
        const flags = tool === 'prof'
            ? ['--prof', `--logfile=${join(tmp, 'v8.log')}`, '--no-logfile-per-isolate']
            : ['--cpu-prof', '--cpu-prof-dir', tmp];
        const result = await run([...flags, join(bundle, 'cli.cjs'), 'check', entry, '--format', 'json'], join(tmp, 'check.json'), limit * 1000);
        const how = result.stopped ? `stopped after ${limit} s`
            : result.signal ? `died (${result.signal}${/heap out of memory/.test(result.stderr) ? ', JavaScript heap out of memory' : ''}) after ${(result.wallMs / 1000).toFixed(1)} s`
            : `finished (exit ${result.code}) after ${(result.wallMs / 1000).toFixed(1)} s`;
        process.stdout.write(`${how}\n`);
        // --cpu-prof names files CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread
        const cpuprofile = readdirSync(tmp).find(f => f.endsWith('.cpuprofile') && f.split('.')[4] === '0');
        for (const old of [`${name}.cpuprofile`, `${name}.log`]) rmSync(join(PROFILES, old), { force: true });
        let target;
        if (cpuprofile) {
            target = join(PROFILES, `${name}.cpuprofile`);
            renameSync(join(tmp, cpuprofile), target);
        } else if (existsSync(join(tmp, 'v8.log'))) {
            target = join(PROFILES, `${name}.log`);
            renameSync(join(tmp, 'v8.log'), target);
        }
        rmSync(tmp, { recursive: true, force: true });
        if (!target) {
            process.stdout.write('  no profile was written\n');
            continue;
        }
        const header = `# CPU profile: ${name} — \`topo check ${relative(ROOT, entry)} --format json\`\n\n`
            + `The run ${how}; ${cpuprofile ? 'from `--cpu-prof`' : 'from the `--prof` tick log (the run did not end normally)'}.\n\n`;
        writeFileSync(join(PROFILES, `${name}.md`), header + summaryMarkdown(relative(ROOT, target), 25));
        process.stdout.write(`  ${relative(ROOT, target)}, summary in ${relative(ROOT, join(PROFILES, `${name}.md`))}\n`);
    }
}

await main();
