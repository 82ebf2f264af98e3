/**
 * The full pipeline, as the CLI runs it, on generated files written to disk: load (with imports),
 * parse, link, validate, build the model of the root's closure, analyze, simulate. Times each phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, simulate, type AnalysisResult, type SimulationResult } from '../../server/src/analysis/index.js';
import { buildModel, type BuiltModel } from '../../server/src/language/build-model.js';
import { closureDocuments } from '../../server/src/language/closure-model.js';
import { findingDiagnostics, languageDiagnostics, type TopoDiagnostic } from '../../server/src/language/diagnostics.js';
import { loadWorkspace } from '../../server/src/node/load-workspace.js';
import { writeFiles } from '../helpers/temp-files.js';
import type { Generated } from './models.js';

export interface FullRun {
    built: BuiltModel;
    language: TopoDiagnostic[];
    analysis: AnalysisResult;
    simulation: SimulationResult;
    documents: number;
    bytes: number;
    /** milliseconds per phase */
    times: { load: number; model: number; analyze: number; simulate: number; total: number };
}

export async function runFull(generated: Generated, fail: string[], options: { roots?: 'root' | 'all' } = {}): Promise<FullRun> {
    const dir = mkdtempSync(join(tmpdir(), 'topo-pathological-'));
    const bytes = Object.values(generated.files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    try {
        writeFiles(dir, generated.files);
        const t0 = performance.now();
        const paths = options.roots === 'all' ? Object.keys(generated.files).map(p => join(dir, p)) : [join(dir, generated.root)];
        const workspace = await loadWorkspace(paths);
        const t1 = performance.now();
        const root = workspace.roots[0];
        const documents = closureDocuments(workspace.services, root);
        const language = documents.flatMap(languageDiagnostics);
        const built = buildModel(documents);
        const t2 = performance.now();
        const analysis = analyze(built.model);
        findingDiagnostics(analysis.findings, built.sources);
        const t3 = performance.now();
        const simulation = simulate(built.model, fail);
        const t4 = performance.now();
        return {
            built, language, analysis, simulation, documents: workspace.documents.length, bytes,
            times: { load: t1 - t0, model: t2 - t1, analyze: t3 - t2, simulate: t4 - t3, total: t4 - t0 }
        };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
