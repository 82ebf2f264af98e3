// Editor latency and memory through a real LSP client (issues "Editing help", part 5, and 16, part 3).
//
// For each case (a workload and a size): generate the bench's pinned workspace
// (scripts/bench/generate.mjs, layout `files`, 101 files), start `node server.cjs --stdio` (a
// snapshot of out/server.cjs taken at start; the Node options the VS Code client gives it
// (server/src/common/server-node-args.ts), `--max-old-space-size` as given, `--expose-gc` and
// TOPO_DEBUG=1 for the `topo/debug/heap` request) with the folder as root, open services-099.topo
// (no other file imports it) and wait for its first publish; then waits until every file of the
// workspace is published (the server validates them all after the open one: the workspace is
// ready), then 100 one-line edits, the first right after that (full-text didChange, new version
// each, one at a time: didChange → the publishDiagnostics carrying that version; p50/p95/max and
// the first edit alone), and one edit of a site's label in sites.topo, which every file imports:
// the time until services-099's next publish, and whether `$/progress` notifications arrived (the
// client advertises window.workDoneProgress and answers window/workDoneProgress/create); then 20
// completions after `depends on ` and last 20 hovers on a service name (p50/p95; last, because a
// hover runs simulations synchronously and a slow one holds up everything after it).
// Memory: the server's RSS when every file is published and its peak RSS (/proc/PID/status VmRSS,
// VmHWM; Linux), and its live heap after a forced collection once the queries are done; with
// `--memory-edits N`, N more one-line edits (a hover every 50) and the live heap again: the growth
// over those edits (target: within 20 %).
// Each case has a hard time limit; the first edit loop stops starting edits at 50% of it.
//
// Usage: node scripts/bench/lsp-latency.mjs [--workload bench,min-sites-2] [--services 1000,10000]
//          [--only 1k,10k,10k-min2] [--max-old-space 3072] [--memory-edits 1000]
//          [--limit SECONDS] [--edits 100] [--queries 20]
//   --workload  the generator's variants: `bench` (the bench generator: every site a SPOF of nearly
//               every later service, an answer quadratic in the model) and `min-sites-2` (every
//               service on 2–3 sites, `generate.mjs --min-sites 2`: a linear answer)
//   --services  sizes (multiples of 100); with neither option: 1k and 10k of `bench`, 10k of `min-sites-2`
//   --only      case ids of those (`10k`, `10k-min2`, `50k`, …)
//   --max-old-space  the server's V8 heap cap in MB (default 3072)
//   --memory-edits   N edits after the queries, and the live heap before and after them
//   Prints Markdown tables; writes bench-results/lsp-latency.md and .json.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';
import { tsImport } from 'tsx/esm/api';
import { generateModel, writeWorkspace } from './generate.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : fallback; };
const list = (name) => option(name)?.split(',').map(x => x.trim()).filter(Boolean);
// the server's Node options, as the VS Code client starts it (one place: server/src/common/server-node-args.ts)
const { SERVER_NODE_ARGS } = await tsImport('../../server/src/common/server-node-args.ts', import.meta.url);
const EDITS = Number(option('--edits', '100'));
const QUERIES = Number(option('--queries', '20'));
const MEMORY_EDITS = Number(option('--memory-edits', '0'));
const MAX_OLD_SPACE_MB = Number(option('--max-old-space', '3072'));
const WORKLOADS = { bench: 1, 'min-sites-2': 2 };
for (const w of list('--workload') ?? []) if (!(w in WORKLOADS)) { console.error(`--workload: ${w} is not one of ${Object.keys(WORKLOADS).join(', ')}`); process.exit(2); }
const SIZES = (list('--services') ?? []).map(Number);
for (const n of SIZES) if (!Number.isInteger(n) || n < 100 || n % 100 !== 0) { console.error(`--services: ${n} is not a multiple of 100`); process.exit(2); }
const caseOf = (n, workload) => {
    const minSites = WORKLOADS[workload];
    const size = n % 1000 === 0 ? `${n / 1000}k` : String(n);
    return { id: minSites > 1 ? `${size}-min2` : size, n, minSites, label: `${size}, 101 files, ${minSites > 1 ? '`--min-sites 2`' : 'bench generator'}` };
};
const CASES = (SIZES.length || option('--workload')
    ? (SIZES.length ? SIZES : [10000]).flatMap(n => (list('--workload') ?? ['bench']).map(w => caseOf(n, w)))
    : [caseOf(1000, 'bench'), caseOf(10000, 'bench'), caseOf(10000, 'min-sites-2')]
).filter(c => !option('--only') || list('--only').includes(c.id));
// the time limit of a case: loading 50k takes minutes on a loaded machine, and each memory edit up to a second
const limitOf = (n) => Number(option('--limit', String(Math.max(240, n / 50) + MEMORY_EDITS)));

const work = mkdtempSync(join(tmpdir(), 'topo-lsp-latency-'));
const SERVER = join(work, 'server.cjs');
if (!existsSync(join(ROOT, 'out', 'server.cjs'))) throw new Error('out/server.cjs is missing: run `node scripts/build.mjs` first');
copyFileSync(join(ROOT, 'out', 'server.cjs'), SERVER);
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const now = () => performance.now();
const quantile = (xs, q) => {
    if (xs.length === 0) return undefined;
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
class Timeout extends Error {}
class ServerExit extends Error {}
/** rejects when the running case's server exits unasked (cases run one at a time) */
let serverGone = new Promise(() => undefined);
/** `promise`, or a Timeout at `deadline` (a request the server is still working on is left pending). */
const until = (promise, deadline) => {
    let timer;
    return Promise.race([promise, serverGone, new Promise((_, reject) => { timer = setTimeout(() => reject(new Timeout('time limit')), Math.max(0, deadline - now())); })])
        .finally(() => clearTimeout(timer));
};

/** Values pushed over time; `next` waits for the first one from index `from` that passes `test`. */
class Stream {
    all = []; waiters = []; failure = undefined;
    /** the server is gone: every waiter, now and later, gets `error` */
    fail(error) {
        this.failure = error;
        for (const w of this.waiters.splice(0)) w.reject(error);
    }
    push(v) {
        this.all.push({ v, t: now() });
        for (const w of [...this.waiters]) if (w.test(v)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve({ v, t: now() }); }
    }
    next(test, from, deadline) {
        const found = this.all.slice(from).find(e => test(e.v));
        if (found) return Promise.resolve(found);
        if (this.failure) return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            const w = { test, resolve: (e) => { clearTimeout(timer); resolve(e); }, reject: (e) => { clearTimeout(timer); reject(e); } };
            const timer = setTimeout(() => { this.waiters = this.waiters.filter(x => x !== w); reject(new Timeout('time limit')); }, Math.max(0, deadline - now()));
            timer.unref(); // a waiter that lost a race (Promise.any) must not keep the process alive until the deadline
            this.waiters.push(w);
        });
    }
}

async function startServer(folder) {
    // TOPO_LSP_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=bench-results/profiles"
    const extra = (process.env.TOPO_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, `--max-old-space-size=${MAX_OLD_SPACE_MB}`, '--expose-gc', ...extra, SERVER, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TOPO_DEBUG: '1' }
    });
    let stderr = '', stopping = false, failGone;
    serverGone = new Promise((_, reject) => { failGone = reject; });
    serverGone.catch(() => undefined);
    child.stderr.on('data', c => { stderr = (stderr + c).slice(-4000); });
    const publishes = new Stream(), progress = new Stream(), changed = new Stream();
    const closed = new Promise(resolve => child.on('close', (code, signal) => {
        if (!stopping) {
            const oom = /heap out of memory|Reached heap limit/i.test(stderr);
            const error = new ServerExit(`the server exited (${signal ?? `code ${code}`})${oom ? `: out of heap (--max-old-space-size=${MAX_OLD_SPACE_MB})` : ''}`);
            for (const s of [publishes, progress, changed]) s.fail(error);
            failGone(error);
        }
        resolve(code);
    }));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let progressCreated = 0;
    connection.onNotification('textDocument/publishDiagnostics', p => publishes.push(p));
    connection.onNotification('$/progress', p => progress.push(p));
    const logs = [];
    connection.onNotification('window/logMessage', m => { if (/analysed/.test(m.message)) logs.push(`${Math.round(performance.now())} ${m.message}`); });
    connection.onNotification('topo/modelChanged', p => changed.push(p));
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => { progressCreated++; return null; });
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: basename(folder) }],
        capabilities: {
            window: { workDoneProgress: true },
            workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { didSave: true, dynamicRegistration: false },
                publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                completion: { completionItem: { snippetSupport: true } }
            }
        }
    });
    await connection.sendNotification('initialized', {});
    const kill = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
    return {
        connection, publishes, progress, changed, logs, get progressCreated() { return progressCreated; }, get stderr() { return stderr; },
        /** RSS now and its peak so far (VmRSS, VmHWM), in bytes; undefined where /proc is missing */
        rss() {
            try {
                const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
                const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
                return { now: kb('VmRSS'), peak: kb('VmHWM') };
            } catch { return undefined; }
        },
        /** CPU time the server used so far (user + system, every thread), in ms; undefined where /proc is missing */
        cpu() {
            try {
                const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
                return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
            } catch { return undefined; }
        },
        /** the live heap after a forced full collection (`topo/debug/heap`), with the rest of process.memoryUsage() */
        heap(deadline) { return until(connection.sendRequest('topo/debug/heap'), deadline); },
        async stop(graceful) {
            stopping = true;
            if (graceful) {
                const t = setTimeout(kill, 5000);
                try { await connection.sendRequest('shutdown'); await connection.sendNotification('exit'); } catch { kill(); }
                await closed; clearTimeout(t);
            } else { kill(); await closed; }
            connection.dispose();
        }
    };
}

async function runCase(spec) {
    const folder = join(work, spec.id);
    writeWorkspace(generateModel(spec.n, undefined, { minSites: spec.minSites }), 'files', folder);
    const r = {
        case: spec.label, id: spec.id, n: spec.n, minSites: spec.minSites, maxOldSpaceMb: MAX_OLD_SPACE_MB, load: { before: loadavg()[0] },
        edits: [], editsCpu: [], hovers: [], hoversAfterEdit: [], completions: [], memoryEdits: [], memory: {}, done: [], notFinished: undefined
    };
    const LIMIT_S = limitOf(spec.n);
    r.limitS = LIMIT_S;
    const start = now(), deadline = start + LIMIT_S * 1000;
    const server = await startServer(folder);
    // VmHWM is the peak itself; read it now and then so that a server that died still has one
    const sampler = setInterval(() => { const m = server.rss(); if (m) r.memory.peakRss = m.peak; }, 500);
    const path099 = join(folder, 'services-099.topo'), pathSites = join(folder, 'sites.topo');
    const uri099 = pathToFileURL(path099).href, uriSites = pathToFileURL(pathSites).href;
    const text0 = readFileSync(path099, 'utf8');
    const lines = text0.split('\n');
    try {
        // open and first publish
        const t0 = now();
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri099, languageId: 'topo', version: 1, text: text0 } });
        const first = await server.publishes.next(p => p.uri === uri099 && p.version === 1, 0, deadline);
        r.firstPublishMs = first.t - t0; r.startToFirstPublishMs = first.t - start;
        r.firstDiagnostics = first.v.diagnostics.length;
        r.progressAtStart = server.progress.all.length;
        r.done.push('open');
        // the rest of the workspace: the server validates (and publishes) every file after the open
        // one; edits measured before that would wait for it. The time until every file is published:
        const files = readdirSync(folder).filter(f => f.endsWith('.topo')).map(f => pathToFileURL(join(folder, f)).href);
        for (const uri of files) await server.publishes.next(p => p.uri === uri, 0, deadline);
        r.workspaceReadyMs = now() - t0;
        r.memory.ready = server.rss();
        r.done.push('every file published');
        note(`every file published in ${ms(r.workspaceReadyMs)}, RSS ${mb(r.memory.ready?.now)}`);

        // hovers on a service name (the first service's declaration) and completions after `depends on `
        const serviceLine = lines.findIndex(l => l.startsWith('service '));
        const hoverPos = { line: serviceLine, character: 'service '.length + 2 };
        const dependsLine = lines.findIndex(l => l.trimStart().startsWith('depends on '));
        const completionPos = { line: dependsLine, character: lines[dependsLine].indexOf('depends on ') + 'depends on '.length };
        // one-line edits: the first service's `users` value
        const usersLine = lines.findIndex(l => l.trimStart().startsWith('users '));
        const editDeadline = now() + (deadline - now()) / 2;
        let version = 1;
        /** One edit of that line to `users N` (full-text didChange), waited for until its publish: when it was sent, and the publish. */
        const editUsers = async (users) => {
            const edited = [...lines];
            edited[usersLine] = `    users ${users}`;
            version++;
            const from = server.publishes.all.length;
            const sentAt = now();
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri099, version }, contentChanges: [{ text: edited.join('\n') }] });
            const publish = await server.publishes.next(p => p.uri === uri099 && p.version === version, from, deadline);
            return { sentAt, publish };
        };
        for (let i = 0; i < EDITS; i++) {
            if (now() > editDeadline) { r.notFinished = `edits: ${i} of ${EDITS} done when half of the time left had passed`; break; }
            const cpu = server.cpu();
            const { sentAt, publish } = await editUsers(1000 + i);
            r.edits.push(publish.t - sentAt);
            if (cpu !== undefined) r.editsCpu.push(server.cpu() - cpu);
        }
        if (!r.notFinished) r.done.push('edits');
        note(`${r.edits.length} edits: first ${ms(r.edits[0])}, p50 / p95 / max ${trio(r.edits)}; the server's CPU per edit: first ${ms(r.editsCpu[0])}, p50 / p95 ${duo(r.editsCpu)}`);

        for (let i = 0; i < QUERIES; i++) {
            if (now() > deadline) throw new Timeout('time limit');
            const t = now();
            const c = await until(server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri099 }, position: completionPos }), deadline);
            r.completions.push(now() - t);
            if (i === 0) r.completionItems = Array.isArray(c) ? c.length : c?.items?.length ?? 0;
        }
        r.done.push('completions');

        // sites.topo: open, then change a site's label; services-099 (open) imports it
        const sitesText = readFileSync(pathSites, 'utf8');
        // the server does not publish again a file whose diagnostics did not change, so the importer
        // is done when it publishes or when `topo/modelChanged` (sent after the Validated phase) names it
        const settled = (uri, version, from, changedFrom, limit) => Promise.any([
            server.publishes.next(p => p.uri === uri && (version === undefined || p.version === version), from, limit),
            server.changed.next(c => c.uris.includes(uri), changedFrom, limit)
        ]).catch(() => { throw new Timeout('time limit'); });
        const fromOpen = server.publishes.all.length, changedOpen = server.changed.all.length;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriSites, languageId: 'topo', version: 1, text: sitesText } });
        await settled(uriSites, 1, fromOpen, changedOpen, deadline);
        await settled(uri099, undefined, fromOpen, changedOpen, Math.min(deadline, now() + 5000)).catch(() => undefined); // the importer, if the open rebuilt it
        const newSites = sitesText.replace(/^(site site-0+ )"Site 0"/m, '$1"Site 0 (edited)"');
        if (newSites === sitesText) throw new Error('no site label to edit in sites.topo');
        const from = server.publishes.all.length, changedFrom = server.changed.all.length, progressFrom = server.progress.all.length, createdBefore = server.progressCreated;
        const t = now();
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriSites, version: 2 }, contentChanges: [{ text: newSites }] });
        const own = settled(uriSites, 2, from, changedFrom, deadline);
        own.catch(() => undefined); // awaited below; not an unhandled rejection when the importer's wait fails first
        const importer = await settled(uri099, undefined, from, changedFrom, deadline);
        r.sitesImporterMs = importer.t - t;
        r.sitesImporterPublished = server.publishes.all.slice(from).some(e => e.v.uri === uri099);
        r.sitesOwnMs = (await own).t - t;
        // a re-analysis that reported progress has begun by now: wait for its end
        const begun = server.progress.all.slice(progressFrom).find(e => e.v.value?.kind === 'begin');
        if (begun) await server.progress.next(p => p.token === begun.v.token && p.value?.kind === 'end', progressFrom, deadline);
        r.sitesProgress = server.progress.all.length - progressFrom;
        r.sitesProgressCreated = server.progressCreated - createdBefore;
        r.done.push('sites');
        note(`sites.topo label edit → importer ${ms(r.sitesImporterMs)}`);
        for (let i = 0; i < QUERIES; i++) {
            if (now() > deadline) throw new Timeout('time limit');
            const t = now();
            const h = await until(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri099 }, position: hoverPos }), deadline);
            r.hovers.push(now() - t);
            if (i === 0) r.hoverChars = h ? JSON.stringify(h.contents).length : 0;
        }
        r.done.push('hovers');
        // a hover right after each edit (the user types, then points at the name): the first
        // question to a new analysis
        for (let i = 0; i < QUERIES; i++) {
            if (now() > deadline) throw new Timeout('time limit');
            await editUsers(5000 + i);
            const t = now();
            await until(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri099 }, position: hoverPos }), deadline);
            r.hoversAfterEdit.push(now() - t);
        }
        r.done.push('hovers after edits');
        r.memory.afterQueries = { ...await server.heap(deadline), ...server.rss() };
        note(`hovers ${duo(r.hovers)} (after an edit ${duo(r.hoversAfterEdit)}), completions ${duo(r.completions)}; live heap ${mb(r.memory.afterQueries.heapUsed)}, peak RSS ${mb(r.memory.afterQueries.peak)}`);
        // memory over time: more one-line edits (a hover every 50: its caches and carried-over
        // results are part of what must not grow), then the live heap again
        for (let i = 0; i < MEMORY_EDITS; i++) {
            if (now() > deadline) throw new Timeout('time limit');
            const { sentAt, publish } = await editUsers(20000 + i);
            r.memoryEdits.push(publish.t - sentAt);
            if (i % 100 === 99) note(`${i + 1} more edits: ${duo(r.memoryEdits)}`);
            if (i % 50 === 49) await until(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri099 }, position: hoverPos }), deadline);
        }
        if (MEMORY_EDITS > 0) {
            r.memory.afterMemoryEdits = { ...await server.heap(deadline), ...server.rss() };
            r.memory.growth = r.memory.afterMemoryEdits.heapUsed / r.memory.afterQueries.heapUsed - 1;
            r.done.push(`${MEMORY_EDITS} more edits`);
        }
    } catch (error) {
        if (!(error instanceof Timeout) && !(error instanceof ServerExit)) { r.error = String(error?.stack ?? error); }
        const why = error instanceof Timeout ? `stopped at the ${LIMIT_S} s limit` : error instanceof ServerExit ? error.message : 'failed';
        r.notFinished = `${r.notFinished ? r.notFinished + '; ' : ''}${why} after: ${r.done.join(', ') || 'nothing'} (${r.edits.length} edits)`;
        if (server.stderr) r.stderr = server.stderr;
    }
    clearInterval(sampler);
    r.memory.end = server.rss();
    if (r.memory.end) r.memory.peakRss = r.memory.end.peak;
    r.progressTotal = server.progress.all.length;
    r.serverLog = server.logs;
    r.seconds = (now() - start) / 1000;
    await server.stop(!r.notFinished || r.done.includes('sites'));
    r.load.after = loadavg()[0];
    rmSync(folder, { recursive: true, force: true });
    return r;
}

const note = (line) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`);
const ms = x => x === undefined ? '—' : x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`;
const trio = xs => xs.length ? `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.95))} / ${ms(Math.max(...xs))}` : '—';
const duo = xs => xs.length ? `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.95))}` : '—';

function table(results) {
    const rows = ['| case | open → first publish / every file published | first edit → publish (server CPU) | edit → publish, p50 / p95 / max (n) | server CPU per edit, p50 / p95 | hover p50 / p95 (right after an edit) | completion p50 / p95 | `sites.topo` label edit → importer publish | `$/progress` (sites edit / whole run) | load avg before → after | finished |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
    for (const r of results) {
        rows.push(`| ${r.case} | ${ms(r.firstPublishMs)} / ${ms(r.workspaceReadyMs)} | ${ms(r.edits[0])} (${ms(r.editsCpu[0])}) | ${trio(r.edits)} (${r.edits.length}) | ${duo(r.editsCpu)} | ${duo(r.hovers)} (${duo(r.hoversAfterEdit)}) | ${duo(r.completions)} | ${ms(r.sitesImporterMs)}${r.sitesImporterMs === undefined ? '' : r.sitesImporterPublished ? ' (published)' : ' (re-validated; same diagnostics, so no publish)'} | ${r.sitesProgress === undefined ? '—' : r.sitesProgress ? `yes (${r.sitesProgress})` : 'none'} / ${r.progressTotal} | ${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)} | ${r.notFinished ? `did not finish: ${r.notFinished}` : `yes, ${r.seconds.toFixed(0)} s`} |`);
    }
    return rows.join('\n');
}

const mb = x => x === undefined || Number.isNaN(x) ? '—' : `${Math.round(x / 2 ** 20).toLocaleString('en')} MB`;
function memoryTable(results) {
    const rows = ['| case | server heap cap | RSS when every file is published | live heap after the edits and queries (forced GC) / outside the heap | after N more edits (edit → publish p50 / p95) | growth | peak RSS |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
    for (const r of results) {
        const q = r.memory.afterQueries, m = r.memory.afterMemoryEdits;
        rows.push(`| ${r.case} | ${r.maxOldSpaceMb.toLocaleString('en')} MB | ${mb(r.memory.ready?.now)} | ${q ? `${mb(q.heapUsed)} / ${mb(q.external)}` : '—'} | ${m ? `${mb(m.heapUsed)} / ${mb(m.external)} after ${r.memoryEdits.length} (${duo(r.memoryEdits)})` : r.memoryEdits.length ? `stopped after ${r.memoryEdits.length}` : '—'} | ${r.memory.growth === undefined ? '—' : `${r.memory.growth >= 0 ? '+' : ''}${(100 * r.memory.growth).toFixed(1)} %`} | ${mb(r.memory.peakRss)} |`);
    }
    return rows.join('\n');
}

function verdicts(results) {
    const out = [];
    for (const r of results) {
        const p95e = quantile(r.edits, 0.95), p95h = quantile([...r.hovers, ...r.hoversAfterEdit], 0.95), p95c = quantile(r.completions, 0.95);
        const v = (x, target, complete) => x === undefined ? 'MISSED (not measured: did not finish)' : x < target ? (complete ? 'MET' : 'MET on the edits done') : 'MISSED';
        const opened = r.workspaceReadyMs !== undefined ? `MET (every file published in ${ms(r.workspaceReadyMs)}, peak RSS ${mb(r.memory.peakRss)})` : `MISSED (${r.notFinished})`;
        const growth = r.memory.growth === undefined ? '' : `; heap after ${r.memoryEdits.length} more edits within 20 % of before them: ${r.memory.growth <= 0.2 ? 'MET' : 'MISSED'} (${(100 * r.memory.growth).toFixed(1)} %)`;
        out.push(`- ${r.case}: opens within a ${r.maxOldSpaceMb} MB heap: ${opened}; publish after a one-line edit < 250 ms p95, the first edit after opening included: ${v(p95e, 250, r.edits.length === EDITS)} (${ms(p95e)}${r.edits.length < EDITS ? `, ${r.edits.length} of ${EDITS} edits` : ''}); hover < 100 ms (right after an edit too): ${v(p95h, 100, true)} (${ms(p95h)}); completion < 100 ms: ${v(p95c, 100, true)} (${ms(p95c)})${growth}`);
    }
    return out.join('\n');
}

const loadBefore = loadavg();
const results = [];
for (const spec of CASES) {
    process.stderr.write(`${spec.id}: running (limit ${limitOf(spec.n)} s)…\n`);
    const r = await runCase(spec);
    process.stderr.write(`${spec.id}: ${r.notFinished ? 'did not finish: ' + r.notFinished : 'done'} in ${r.seconds.toFixed(1)} s${r.error ? '\n' + r.error : ''}\n`);
    results.push(r);
}
const meta = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadBefore, loadAfter: loadavg(), edits: EDITS, queries: QUERIES, memoryEdits: MEMORY_EDITS, maxOldSpaceMb: MAX_OLD_SPACE_MB };
const md = `LSP latency, ${meta.date}, Node ${meta.node}, ${meta.cpus} vCPUs; load average before ${loadBefore.map(x => x.toFixed(2)).join(' ')}, after ${meta.loadAfter.map(x => x.toFixed(2)).join(' ')}; the server started with ${[...SERVER_NODE_ARGS, `--max-old-space-size=${MAX_OLD_SPACE_MB}`].join(' ')}.\n\n${table(results)}\n\nMemory of the server:\n\n${memoryTable(results)}\n\nTargets:\n\n${verdicts(results)}\n`;
process.stdout.write(md);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'lsp-latency.md'), md);
writeFileSync(join(ROOT, 'bench-results', 'lsp-latency.json'), JSON.stringify({ meta, results }, null, 2));
