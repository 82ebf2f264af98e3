/**
 * What `topo check PATH… --format json` does, phase by phase, in one fresh process: load (read,
 * parse, index, link, validate) with topo's own services, then the CLI's own check loop
 * (server/src/cli/check-loop.ts: for every root file its closure model, its language
 * diagnostics, the findings, placing them), timed through its phase hooks, and the JSON output.
 * Run by scripts/bench/bench.mjs.
 *
 *   node check-worker.cjs [--once] PATH…
 *   --once   also time the engine once on the whole model (all documents together)
 */
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from 'langium/node';
import { createTopoServices } from '../../server/src/language/topo-module.js';
import { loadWorkspace, type LoadedWorkspace } from '../../server/src/node/load-workspace.js';
import { buildModel } from '../../server/src/language/build-model.js';
import { analyze } from '../../server/src/analysis/index.js';
import { expandPaths } from '../../server/src/cli/paths.js';
import { jsonChunks } from '../../server/src/cli/check-command.js';
import { checkFiles } from '../../server/src/cli/check-loop.js';
import { sortDiagnostics, summarize } from '../../server/src/cli/diagnostic-output.js';
import { PhaseClock, report, timeParsing, type Timings } from './phases.js';

async function check(paths: string[], once: boolean): Promise<object> {
    const timings: Timings = {};
    const t0 = performance.now();
    const files = await expandPaths(paths);
    let t1 = 0;
    let model = 0, language = 0, engine = 0, place = 0, elements = 0, analyzedRoots = 0;
    let documents = 0, roots = 0;
    // the documents are let go before the analysis, as in topo check; kept only for --once
    let kept: LoadedWorkspace | undefined;
    let t = 0;
    const lap = () => { const u = performance.now(); const d = u - t; t = u; return d; };
    const checked = await checkFiles(async () => {
        const services = createTopoServices(NodeFileSystem, { batch: true }).Topo;
        const tInit = performance.now();
        void services.parser.LangiumParser; // built lazily on first use: timed apart (a fixed cost: Chevrotain's grammar analysis)
        timings.parserInit = performance.now() - tInit;
        timeParsing(services.shared.workspace.LangiumDocumentFactory, timings);
        const clock = new PhaseClock(timings);
        clock.watch(services.shared.workspace.DocumentBuilder);
        const workspace = await loadWorkspace(files, services);
        t1 = t = performance.now();
        timings.load = t1 - t0;
        documents = workspace.documents.length;
        roots = workspace.roots.length;
        if (once) kept = workspace;
        // a partial result, in case the rest runs past the benchmark's time limit (stdout to a pipe is synchronous)
        process.stdout.write(JSON.stringify({ mode: 'ours', partial: 'loaded', timings, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
        return workspace;
    }, {
        root: () => { analyzedRoots++; lap(); },
        modelBuilt: size => { elements += size; model += lap(); },
        languageChecked: () => { language += lap(); },
        released: () => { lap(); },
        analysed: () => { engine += lap(); },
        findingsPlaced: () => { place += lap(); }
    });
    const t2 = performance.now();
    Object.assign(timings, { model, languageDiagnostics: language, analysis: engine, placeFindings: place, perRoot: t2 - t1 });
    process.stdout.write(JSON.stringify({ mode: 'ours', partial: 'analysed', timings, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
    const diagnostics = sortDiagnostics(checked.diagnostics);
    const summary = summarize(diagnostics);
    let outputBytes: number | undefined;
    let outputError: string | undefined;
    try {
        outputBytes = 0;
        for (const chunk of jsonChunks(diagnostics, summary)) outputBytes += Buffer.byteLength(chunk);
    } catch (error) {
        outputError = String(error); // the CLI fails the same way (one string larger than V8 allows)
    }
    const t3 = performance.now();
    Object.assign(timings, { output: t3 - t2, total: t3 - t0 });
    if (kept) {
        const t = performance.now();
        const built = buildModel(kept.documents);
        const u = performance.now();
        analyze(built.model);
        Object.assign(timings, { onceModel: u - t, onceAnalysis: performance.now() - u });
    }
    const codes: Record<string, number> = {};
    for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
    return {
        mode: 'ours', files: files.length, roots, analyzedRoots, documents,
        elementsAnalyzed: elements, diagnostics: diagnostics.length, codes, summary, outputBytes, outputError, timings
    };
}

const args = process.argv.slice(2);
report('check-worker', check(args.filter(a => a !== '--once'), args.includes('--once')));
