/**
 * CPU time (user + system) of each phase of `topo check --format json`, in one process: the CLI's
 * own check loop (check-loop.ts) through its phase hooks, then sorting and writing the JSON to a
 * file; and, for the whole run, the time in garbage collection and the peak RSS. On a shared
 * machine CPU time is steadier than wall time. (Garbage collection is given for the whole run
 * only: V8 reports collections to an observer at the next turn of the event loop, so a phase
 * without one would be charged with the collections of the phases before it.)
 *
 *   npx tsx scripts/bench/phase-cpu.ts OUT.json PATH…
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { checkFiles } from '../../server/src/cli/check-loop.js';
import { jsonChunks } from '../../server/src/cli/check-command.js';
import { sortDiagnostics, summarize } from '../../server/src/cli/diagnostic-output.js';
import { expandPathsFound } from '../../server/src/cli/paths.js';
import { loadFiles } from '../../server/src/cli/load-models.js';

let gcMs = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });

const rows: Array<{ phase: string; cpuMs: number }> = [];
let lastCpu = process.cpuUsage();
function lap(phase: string): void {
    const cpu = process.cpuUsage();
    rows.push({ phase, cpuMs: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 });
    lastCpu = cpu;
}

async function main(): Promise<void> {
    const [out, ...paths] = process.argv.slice(2);
    const { files, found } = await expandPathsFound(paths);
    const checked = await checkFiles(async () => { const w = await loadFiles(files, found); lap('load'); return w; }, {
        modelBuilt: () => lap('model'),
        languageChecked: () => lap('language diagnostics'),
        released: () => lap('release'),
        analysed: () => lap('analysis'),
        findingsPlaced: () => lap('place findings')
    });
    const diagnostics = sortDiagnostics(checked.diagnostics);
    lap('sort');
    const fd = openSync(out, 'w');
    for (const chunk of jsonChunks(diagnostics, summarize(diagnostics))) writeSync(fd, chunk);
    closeSync(fd);
    await new Promise(resolve => setImmediate(resolve));
    lap('JSON output');
    const total = rows.reduce((a, r) => a + r.cpuMs, 0);
    for (const r of rows) console.log(`${r.phase.padEnd(22)} CPU ${(r.cpuMs / 1000).toFixed(2).padStart(6)} s`);
    console.log(`${'total'.padEnd(22)} CPU ${(total / 1000).toFixed(2).padStart(6)} s, of which garbage collection ${(gcMs / 1000).toFixed(2)} s; peak RSS ${(process.resourceUsage().maxRSS / 1048576).toFixed(2)} GiB`);
}

void main();
