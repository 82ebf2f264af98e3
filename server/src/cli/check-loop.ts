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
import { rootModel } from './load-models.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';

/** Called after each step of each root (for timing); `elements` is the root model's size. */
export interface CheckPhases {
    root?(root: LangiumDocument): void;
    modelBuilt?(elements: number): void;
    languageChecked?(): void;
    analysed?(): void;
    findingsPlaced?(): void;
}

/** Every diagnostic of the workspace, unsorted, each once; `today` (YYYY-MM-DD) is what `accept … until` is compared with. */
export function checkWorkspace(workspace: LoadedWorkspace, phases: CheckPhases = {}, today = localDate(new Date())): TopoDiagnostic[] {
    const found = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const key = `${d.uri}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.subject ?? d.message}`;
        if (!found.has(key)) found.set(key, d);
    };
    for (const file of workspace.unreadable) add(unreadableFileDiagnostic(file, 'checked'));
    for (const root of maximalRoots(workspace)) {
        phases.root?.(root);
        const model = rootModel(workspace, root);
        phases.modelBuilt?.(model.built.model.elements.length);
        model.language.forEach(add);
        phases.languageChecked?.();
        const cm = compileModel(model.built.model);
        // every drill of the closure run (drill-failed), then the model's `accept`s applied as of `today`
        const raw = [...analyzeFindings(cm), ...drillFindings(cm, model.built.model.drills ?? [])];
        const findings = applyAcceptances(raw, model.built.model, today);
        phases.analysed?.();
        findingDiagnostics(findings, model.built.sources, model.built.drills).forEach(add);
        phases.findingsPlaced?.();
    }
    return [...found.values()];
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
