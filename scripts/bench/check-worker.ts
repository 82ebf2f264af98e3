/**
 * What `topo check PATH… --format json` does, phase by phase, in one fresh process: load (read,
 * parse, index, link, validate) with topo's own services, then for every root file its closure
 * model, its language diagnostics, `analyzeFindings()`, placing the findings, and the JSON output — the
 * same calls, in the same order, as server/src/cli/check-command.ts (keep the two in step: only
 * the roots whose import closure is not inside another root's are analysed). Run by
 * scripts/bench/bench.mjs.
 *
 *   node check-worker.cjs [--once] PATH…
 *   --once   also time the engine once on the whole model (all documents together)
 */
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from 'langium/node';
import { createTopoServices } from '../../server/src/language/topo-module.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';
import { closureDocuments } from '../../server/src/language/closure-model.js';
import { buildModel } from '../../server/src/language/build-model.js';
import { findingDiagnostics, languageDiagnostics, type TopoDiagnostic } from '../../server/src/language/diagnostics.js';
import { analyze, analyzeFindings, compileModel } from '../../server/src/analysis/index.js';
import { expandPaths } from '../../server/src/cli/paths.js';
import { jsonChunks, maximalRoots } from '../../server/src/cli/check-command.js';
import { sortDiagnostics, summarize } from '../../server/src/cli/diagnostic-output.js';
import { PhaseClock, report, timeParsing, type Timings } from './phases.js';

async function check(paths: string[], once: boolean): Promise<object> {
    const timings: Timings = {};
    const t0 = performance.now();
    const files = await expandPaths(paths);
    // the services only in this function's scope: nothing here keeps the documents after the models are built
    let workspace: Awaited<ReturnType<typeof loadWorkspace>> | undefined = await (async () => {
        const services = createTopoServices(NodeFileSystem, { batch: true }).Topo;
        const tInit = performance.now();
        void services.parser.LangiumParser; // built lazily on first use: timed apart (a fixed cost: Chevrotain's grammar analysis)
        timings.parserInit = performance.now() - tInit;
        timeParsing(services.shared.workspace.LangiumDocumentFactory, timings);
        const clock = new PhaseClock(timings);
        clock.watch(services.shared.workspace.DocumentBuilder);
        return loadWorkspace(files, services);
    })();
    const t1 = performance.now();
    timings.load = t1 - t0;
    // a partial result, in case the rest runs past the benchmark's time limit (stdout to a pipe is synchronous)
    process.stdout.write(JSON.stringify({ mode: 'ours', partial: 'loaded', timings, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');

    let model = 0, language = 0, engine = 0, place = 0, elements = 0, analyzedRoots = 0;
    const found = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const key = `${d.uri}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.subject ?? d.message}`;
        if (!found.has(key)) found.set(key, d);
    };
    const models: (ReturnType<typeof buildModel> | undefined)[] = [];
    for (const root of maximalRoots(workspace)) {
        let t = performance.now();
        analyzedRoots++;
        const documents = closureDocuments(workspace.services, root);
        const built = buildModel(documents);
        elements += built.model.elements.length;
        let u = performance.now(); model += u - t; t = u;
        documents.flatMap(languageDiagnostics).forEach(add);
        u = performance.now(); language += u - t; t = u;
        models.push(built);
    }
    // as check-command.ts: the documents are let go before the analysis (kept with --once)
    const documentsCount = workspace.documents.length;
    const rootsCount = workspace.roots.length;
    const kept = once ? workspace : undefined;
    workspace = undefined;
    await new Promise(resolve => setImmediate(resolve));
    for (let i = 0; i < models.length; i++) {
        const built = models[i]!;
        models[i] = undefined;
        let t = performance.now();
        const findings = analyzeFindings(compileModel(built.model));
        let u = performance.now(); engine += u - t; t = u;
        findingDiagnostics(findings, built.sources).forEach(add);
        u = performance.now(); place += u - t;
    }
    const t2 = performance.now();
    Object.assign(timings, { model, languageDiagnostics: language, analysis: engine, placeFindings: place, perRoot: t2 - t1 });
    process.stdout.write(JSON.stringify({ mode: 'ours', partial: 'analysed', timings, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
    const diagnostics = sortDiagnostics([...found.values()]);
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
    if (once) {
        const t = performance.now();
        const built = buildModel(kept!.documents);
        const u = performance.now();
        analyze(built.model);
        Object.assign(timings, { onceModel: u - t, onceAnalysis: performance.now() - u });
    }
    const codes: Record<string, number> = {};
    for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
    return {
        mode: 'ours', files: files.length, roots: rootsCount, analyzedRoots, documents: documentsCount,
        elementsAnalyzed: elements, diagnostics: diagnostics.length, codes, summary, outputBytes, outputError, timings
    };
}

const args = process.argv.slice(2);
report('check-worker', check(args.filter(a => a !== '--once'), args.includes('--once')));
