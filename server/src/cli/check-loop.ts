/**
 * The heart of `topo check`: for every root whose import closure is not inside another's, its
 * model, its language diagnostics and its findings, each diagnostic kept once. The CLI calls it;
 * so does the benchmark (scripts/bench/check-worker.ts), through `phases`, to time each step of
 * exactly the same work.
 */
import type { LangiumDocument } from 'langium';
import { analyzeFindings, applyAcceptances, compileModel, drillFindings } from '../analysis/index.js';
import { localDate } from '../common/format.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import type { LoadedWorkspace } from '../node/load-workspace.js';
import type { BuiltModel } from '../language/build-model.js';
import { rootModel } from './load-models.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';

/** Called after each step of each root (for timing); `elements` is the root model's size. Models are built for every root first, then analysed. */
export interface CheckPhases {
    root?(root: LangiumDocument): void;
    modelBuilt?(elements: number): void;
    languageChecked?(): void;
    /** every model is built and the documents are let go */
    released?(): void;
    analysed?(): void;
    findingsPlaced?(): void;
}

/**
 * Every diagnostic of the files `load` reads, unsorted, each once, and how many files were read;
 * `today` (YYYY-MM-DD) is what `accept … until` is compared with.
 *
 * In two passes, for memory: first the model of every root, with its positions and language
 * diagnostics; then, with the Langium documents let go (most of the memory of loading:
 * docs/bench.md), the analysis of each model, each model let go once its findings are placed.
 * The workspace is taken from `load` so that no caller's variable keeps it.
 */
export async function checkFiles(load: () => Promise<LoadedWorkspace>, phases: CheckPhases = {}, today = localDate(new Date())): Promise<CheckedFiles> {
    const found = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const key = `${d.uri}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.subject ?? d.message}`;
        if (!found.has(key)) found.set(key, d);
    };
    let workspace: LoadedWorkspace | undefined = await load();
    for (const file of workspace.unreadable) add(unreadableFileDiagnostic(file, 'checked'));
    const fileCount = workspace.documents.length + workspace.unreadable.length;
    const models: (BuiltModel | undefined)[] = rootModels(workspace, add, phases);
    workspace = undefined;
    // Langium's build holds the documents until its last callbacks have run: one turn of the event loop
    await new Promise(resolve => setImmediate(resolve));
    phases.released?.();
    for (let i = 0; i < models.length; i++) {
        const built = models[i]!;
        models[i] = undefined; // let go of each model once its findings are placed
        const cm = compileModel(built.model);
        // every drill of the closure run (drill-failed), then the model's `accept`s applied as of `today`
        const raw = [...analyzeFindings(cm), ...drillFindings(cm, built.model.drills ?? [])];
        const findings = applyAcceptances(raw, built.model, today);
        phases.analysed?.();
        findingDiagnostics(findings, built.sources, built.drills).forEach(add);
        phases.findingsPlaced?.();
    }
    return { diagnostics: [...found.values()], fileCount };
}

export interface CheckedFiles {
    /** unsorted, each once */
    diagnostics: TopoDiagnostic[];
    /** the files read, and those that could not be */
    fileCount: number;
}

/**
 * The model of every maximal root, its language diagnostics passed to `add`. A function of its
 * own, so that no variable of the suspended `checkFiles` keeps a document.
 */
function rootModels(workspace: LoadedWorkspace, add: (d: TopoDiagnostic) => void, phases: CheckPhases): BuiltModel[] {
    const models: BuiltModel[] = [];
    for (const root of maximalRoots(workspace)) {
        phases.root?.(root);
        const model = rootModel(workspace, root);
        phases.modelBuilt?.(model.built.model.elements.length);
        model.language.forEach(add);
        phases.languageChecked?.();
        models.push(model.built);
    }
    return models;
}

/**
 * The roots whose closures are not inside another root's closure. A finding about an element
 * depends only on what that element depends on, which lies in the closure of its own file, so
 * analysing the larger closure gives the same findings for the smaller one: each is analysed once.
 */
export function maximalRoots(workspace: LoadedWorkspace): LangiumDocument[] {
    const imports = workspace.services.imports.Imports;
    const bySize = [...new Set(workspace.roots)]
        .map(root => ({ root, closure: imports.closure(root) }))
        .sort((a, b) => b.closure.size - a.closure.size);
    const covered = new Set<string>();
    const result: LangiumDocument[] = [];
    for (const { root, closure } of bySize) {
        if (covered.has(root.uri.toString())) continue;
        result.push(root);
        for (const uri of closure) covered.add(uri);
    }
    return result;
}
