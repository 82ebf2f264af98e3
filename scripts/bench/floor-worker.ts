/**
 * The floor: the same text through the grammar alone — Langium's core services and the generated
 * module, validation off, no model, no analysis. The one change from Langium's defaults: elements
 * are not also registered as local symbols (the default local scope is a linear scan per lookup,
 * quadratic in a file's size), so every reference resolves through the default global scope, one
 * hash lookup in the index. Run in a fresh process by scripts/bench/bench.mjs (bundled with esbuild).
 *
 *   node floor-worker.cjs PATH…   (files or directories, expanded like `topo check`)
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
    DefaultScopeComputation, EmptyFileSystem, MultiMap, URI, createDefaultCoreModule, createDefaultSharedCoreModule,
    inject, type AstNodeDescription, type LangiumDocument, type LocalSymbols
} from 'langium';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from '../../server/src/generated/module.js';
import { expandPaths } from '../../server/src/cli/paths.js';
import { PhaseClock, report, timeParsing, type Timings } from './phases.js';

class NoLocalSymbols extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<never, AstNodeDescription>() as unknown as LocalSymbols;
    }
}

async function floor(paths: string[]): Promise<object> {
    const timings: Timings = {};
    const t0 = performance.now();
    const files = await expandPaths(paths);
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), TopoGeneratedSharedModule);
    const topo = inject(createDefaultCoreModule({ shared }), TopoGeneratedModule, {
        references: { ScopeComputation: (services) => new NoLocalSymbols(services) }
    });
    shared.ServiceRegistry.register(topo);
    const tInit = performance.now();
    void topo.parser.LangiumParser; // built lazily on first use: timed apart (a fixed cost: Chevrotain's grammar analysis)
    timings.parserInit = performance.now() - tInit;
    timeParsing(shared.workspace.LangiumDocumentFactory, timings);
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        const text = await readFile(file, 'utf8');
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(resolve(file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    const clock = new PhaseClock(timings);
    clock.watch(shared.workspace.DocumentBuilder);
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    timings.total = performance.now() - t0;
    let references = 0, errors = 0;
    for (const document of documents) {
        references += document.references.length;
        for (const ref of document.references) if (ref.error) errors++;
        errors += document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length;
    }
    return { mode: 'floor', files: files.length, references, errors, timings };
}

report('floor-worker', floor(process.argv.slice(2)));
