/**
 * Beyond single failures, timed in one fresh process on one model file: load it as the CLI does,
 * then the analysis phases `topo analyze --order 2 --importance` adds — compile and baseline, the
 * down sets (what `check` computes anyway), the order-2 cut sets, and the importance of the failure
 * domains, wall and CPU milliseconds. Prints one line of JSON. Run by scripts/bench/beyond.mjs.
 *
 *   node beyond-worker.cjs FILE [ORDER]
 */
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from 'langium/node';
import { createTopoServices } from '../../server/src/language/topo-module.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { compileModel } from '../../server/src/analysis/compile.js';
import { prepare } from '../../server/src/analysis/prepared.js';
import { computeDownSets } from '../../server/src/analysis/down-sets.js';
import { computeCutSets } from '../../server/src/analysis/cut-sets.js';
import { computeImportance } from '../../server/src/analysis/importance.js';

async function main(file: string, order: number): Promise<object> {
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const c0 = cpu();
    const t0 = performance.now();
    const workspace = await loadWorkspace([file], createTopoServices(NodeFileSystem, { batch: true }).Topo);
    const model = closureModel(workspace.services, workspace.roots[0]).model;
    const t1 = performance.now();
    const cm = compileModel(model);
    const { engine } = prepare(cm);
    const t2 = performance.now();
    const c2 = cpu();
    const downSets = computeDownSets(engine);
    const t3 = performance.now();
    const c3 = cpu();
    const cuts = computeCutSets(engine, order, downSets);
    const t4 = performance.now();
    const c4 = cpu();
    const importance = computeImportance(engine);
    const t5 = performance.now();
    const c5 = cpu();
    let sets = 0, largest = 0;
    const bySize = [0, 0, 0, 0];
    for (const s of cm.services) {
        for (const set of cuts.sets[s] ?? []) { sets++; bySize[set.length]++; largest = Math.max(largest, set.length); }
    }
    return {
        services: cm.services.length, domains: cm.domains.length,
        measuredDomains: importance.domains.length, leftOut: importance.leftOut.length,
        cutSets: sets, cutSetsBySize: bySize.slice(1),
        ms: { load: t1 - t0, compile: t2 - t1, downSets: t3 - t2, cutSets: t4 - t3, importance: t5 - t4 },
        cpuMs: { loadAndCompile: c2 - c0, downSets: c3 - c2, cutSets: c4 - c3, importance: c5 - c4 },
        maxRssKiB: process.resourceUsage().maxRSS
    };
}

main(process.argv[2], Number(process.argv[3] ?? 2)).then(
    result => process.stdout.write(JSON.stringify(result) + '\n'),
    error => { process.stderr.write(String(error?.stack ?? error) + '\n'); process.exit(1); }
);
