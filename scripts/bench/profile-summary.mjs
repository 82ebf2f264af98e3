// Summarizes a CPU profile: self time and inclusive time per function, with bundle positions
// mapped back to the TypeScript sources through the bundle's source map (FILE.cjs.map).
// Reads either a V8 .cpuprofile (`node --cpu-prof`) or a V8 tick log (`node --prof`, which a
// run that is stopped before it ends still leaves behind; read through `node --prof-process
// --preprocess`). In a tick log, time in natives and builtins is charged to the nearest
// JavaScript caller, as in a .cpuprofile; garbage collection is "(garbage collector)".
//
// Usage: node scripts/bench/profile-summary.mjs FILE.cpuprofile|FILE.log [--top 25] [--json] [--from S] [--to S]
//        (--from/--to: only samples taken that many seconds after the profile's start)
//        node scripts/bench/profile-summary.mjs FILE --callers FUNCTION [DEPTH]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Lazily loads the source map of each bundle (path → SourceMap | null). */
function sourceMapper() {
    const maps = new Map();
    return (url) => {
        if (!url) return null;
        if (maps.has(url)) return maps.get(url);
        let map = null;
        try {
            const path = url.startsWith('file:') ? fileURLToPath(url) : url;
            if (/\.(c|m)?js$/.test(path) && existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
        } catch {
            map = null;
        }
        maps.set(url, map);
        return map;
    };
}

function shortPath(path) {
    const i = path.lastIndexOf('/server/src/');
    if (i >= 0) return path.slice(i + 1);
    const n = path.lastIndexOf('node_modules/');
    if (n >= 0) return path.slice(n + 'node_modules/'.length);
    return path.replace(/^.*\//, '');
}

/** A frame key: function name and source position, mapped through the source map (0-based line and column in). */
function framer() {
    const mapFor = sourceMapper();
    const cache = new Map();
    return (name, url, line, column) => {
        const cacheKey = `${name}|${url}|${line}|${column}`;
        const hit = cache.get(cacheKey);
        if (hit) return hit;
        let fn = name || '(anonymous)';
        let where = url ? `${shortPath(url)}:${line + 1}` : '';
        const map = mapFor(url);
        if (map && line >= 0) {
            const entry = map.findEntry(line, Math.max(0, column));
            if (entry && entry.originalSource) {
                where = `${shortPath(entry.originalSource)}:${entry.originalLine + 1}`;
                if (entry.name && fn === '(anonymous)') fn = entry.name;
            }
        }
        const frame = { key: `${fn} ${where}`, name: fn, where };
        cache.set(cacheKey, frame);
        return frame;
    };
}

/** Samples of a .cpuprofile: { stack (top first), us }. */
function* cpuprofileSamples(profile) {
    const frame = framer();
    const byId = new Map(profile.nodes.map(n => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stacks = new Map();
    const stackOf = (id) => {
        let s = stacks.get(id);
        if (s) return s;
        s = [];
        for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
            const f = byId.get(cur).callFrame;
            if (f.functionName === '(root)') continue;
            s.push(frame(f.functionName, f.url, f.lineNumber, f.columnNumber));
        }
        stacks.set(id, s);
        return s;
    };
    const { samples, timeDeltas } = profile;
    let at = 0;
    for (let i = 0; i < samples.length; i++) {
        at += timeDeltas[i] ?? 0;
        yield { stack: stackOf(samples[i]), us: Math.max(0, timeDeltas[i + 1] ?? 0), atMs: at / 1000 };
    }
}

const VM_STATES = ['JS', 'GC', 'PARSER', 'BYTECODE_COMPILER', 'COMPILER', 'OTHER', 'EXTERNAL', 'ATOMICS_WAIT', 'IDLE'];

/** Samples of a `node --prof` tick log, through `node --prof-process --preprocess`. */
function* tickLogSamples(file) {
    const pre = spawnSync(process.execPath, ['--prof-process', '--preprocess', file], { encoding: 'utf8', maxBuffer: 2 ** 30 });
    if (pre.status !== 0) throw new Error(`node --prof-process failed: ${pre.stderr}`);
    const log = JSON.parse(pre.stdout);
    const frame = framer();
    const frames = log.code.map(c => {
        if (c.type !== 'JS') return null;
        // "name /path/file.cjs:LINE:COLUMN" (1-based)
        const m = /^(.*?)\s*(\S+):(\d+):(\d+)$/.exec(c.name);
        if (!m) return frame(c.name.trim(), '', -1, -1);
        return frame(m[1].replace(/^[*~^]/, ''), m[2], Number(m[3]) - 1, Number(m[4]) - 1);
    });
    const gc = { key: '(garbage collector)', name: '(garbage collector)', where: '' };
    const ticks = log.ticks;
    for (let i = 0; i < ticks.length; i++) {
        const t = ticks[i];
        const us = i + 1 < ticks.length ? Math.max(0, ticks[i + 1].tm - t.tm) : 0;
        if (VM_STATES[t.vm] === 'GC') { yield { stack: [gc], us }; continue; }
        const stack = [];
        for (let j = 0; j < t.s.length; j += 2) {
            const f = t.s[j] >= 0 ? frames[t.s[j]] : null;
            if (f) stack.push(f);
        }
        if (stack.length === 0) stack.push({ key: `(${(VM_STATES[t.vm] ?? 'other').toLowerCase()})`, name: `(${(VM_STATES[t.vm] ?? 'other').toLowerCase()})`, where: '' });
        yield { stack, us, atMs: (t.tm - ticks[0].tm) / 1000 };
    }
}

/** `window`: only the samples taken from `fromMs` to `toMs` after the profile's start. */
export function summarize(file, window = {}) {
    const { fromMs = 0, toMs = Infinity } = window;
    const samples = [...(file.endsWith('.log') ? tickLogSamples(file) : cpuprofileSamples(JSON.parse(readFileSync(file, 'utf8'))))]
        .filter(s => s.atMs >= fromMs && s.atMs <= toMs);
    const self = new Map();
    const total = new Map();
    let all = 0;
    for (const { stack, us } of samples) {
        all += us;
        const top = stack[0];
        const s = self.get(top.key) ?? { name: top.name, where: top.where, us: 0 };
        s.us += us;
        self.set(top.key, s);
        const seen = new Set();
        for (const f of stack) {
            if (seen.has(f.key)) continue;
            seen.add(f.key);
            const t = total.get(f.key) ?? { name: f.name, where: f.where, us: 0 };
            t.us += us;
            total.set(f.key, t);
        }
    }
    const sorted = (m) => [...m.values()].sort((a, b) => b.us - a.us);
    /** Time under function `name`, by the chain of its callers (up to `depth`). */
    const callersOf = (name, depth = 4) => {
        const chains = new Map();
        for (const { stack, us } of samples) {
            const at = stack.findIndex(f => f.name === name);
            if (at < 0) continue;
            const chain = stack.slice(at, at + 1 + depth).map(f => `${f.name} ${f.where}`).join(' ← ');
            chains.set(chain, (chains.get(chain) ?? 0) + us);
        }
        return [...chains].map(([chain, us]) => ({ chain, us })).sort((a, b) => b.us - a.us);
    };
    return { totalMs: all / 1000, self: sorted(self), total: sorted(total), callersOf };
}

function table(rows, allMs, top) {
    const lines = ['| ms | % | function | where |', '| ---: | ---: | --- | --- |'];
    for (const r of rows.slice(0, top)) {
        lines.push(`| ${(r.us / 1000).toFixed(0)} | ${(100 * r.us / 1000 / allMs).toFixed(1)} | \`${r.name}\` | ${r.where} |`);
    }
    return lines.join('\n');
}

export function summaryMarkdown(file, top = 20, window = {}) {
    const s = summarize(file, window);
    const interesting = s.total.filter(r => !r.name.startsWith('(') && r.where !== '');
    return `Profile ${file}: ${(s.totalMs / 1000).toFixed(2)} s sampled\n\nTop self time:\n\n${table(s.self, s.totalMs, top)}\n\n`
        + `Top inclusive time:\n\n${table(interesting, s.totalMs, top)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const file = process.argv[2];
    if (!file) {
        process.stderr.write('usage: node scripts/bench/profile-summary.mjs FILE.cpuprofile|FILE.log [--top N] [--json] [--callers FUNCTION [DEPTH]] [--from S] [--to S]\n');
        process.exit(2);
    }
    const callersIndex = process.argv.indexOf('--callers');
    const topIndex = process.argv.indexOf('--top');
    const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 20;
    const flag = (name) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) * 1000 : undefined; };
    const window = { fromMs: flag('--from'), toMs: flag('--to') };
    if (callersIndex > 0) {
        const s = summarize(file, window);
        for (const c of s.callersOf(process.argv[callersIndex + 1], Number(process.argv[callersIndex + 2] ?? 4)).slice(0, top)) {
            process.stdout.write(`${(c.us / 1000).toFixed(0)} ms  ${c.chain}\n`);
        }
    } else if (process.argv.includes('--json')) {
        const s = summarize(file, window);
        process.stdout.write(JSON.stringify({ totalMs: s.totalMs, self: s.self.slice(0, top), total: s.total.slice(0, top) }, null, 2) + '\n');
    } else {
        process.stdout.write(summaryMarkdown(file, top, window));
    }
}
