/**
 * From file names to checked models: load the files and their imports, then for each file
 * named, the language diagnostics of its import closure and the model it sees.
 */
import type { LangiumDocument } from 'langium';
import { buildModel, type BuiltModel } from '../language/build-model.js';
import { closureDocuments } from '../language/closure-model.js';
import { languageDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import { NodeFileSystem } from 'langium/node';
import { createTopoServices } from '../language/topo-module.js';
import { loadWorkspace, UnreadableFileError, type LoadedWorkspace } from '../node/load-workspace.js';
import { UsageError } from './usage-error.js';

export interface RootModel {
    root: LangiumDocument;
    built: BuiltModel;
    /** the language's own diagnostics in every file of the closure */
    language: TopoDiagnostic[];
}

/** `tolerated`: files found in a folder, reported in `unreadable` when they cannot be read. */
export async function loadFiles(paths: string[], tolerated?: ReadonlySet<string>): Promise<LoadedWorkspace> {
    try {
        return await loadWorkspace(paths, createTopoServices(NodeFileSystem, { batch: true }).Topo, tolerated);
    } catch (error) {
        if (error instanceof UnreadableFileError) throw new UsageError(`cannot read ${error.path}: it ${error.problem}`);
        throw error;
    }
}

export function rootModel(workspace: LoadedWorkspace, root: LangiumDocument): RootModel {
    const documents = closureDocuments(workspace.services, root);
    return {
        root,
        built: buildModel(documents),
        language: documents.flatMap(languageDiagnostics)
    };
}

export function hasLanguageErrors(model: RootModel): boolean {
    return model.language.some(d => d.severity === 'error');
}
