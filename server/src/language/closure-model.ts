/**
 * The model one file sees: the file plus everything it imports, transitively. The file's own
 * declarations come first (so they win over a duplicate elsewhere; the duplicate is an error).
 */
import { URI, type LangiumDocument } from 'langium';
import type { TopoServices } from './topo-module.js';
import { buildModel, type BuiltModel } from './build-model.js';

export function closureDocuments(services: TopoServices, root: LangiumDocument): LangiumDocument[] {
    const documents = services.shared.workspace.LangiumDocuments;
    const result: LangiumDocument[] = [root];
    for (const uri of services.imports.Imports.closure(root)) {
        if (uri === root.uri.toString()) continue;
        const doc = documents.getDocument(URI.parse(uri));
        if (doc) result.push(doc);
    }
    return result;
}

export function closureModel(services: TopoServices, root: LangiumDocument): BuiltModel {
    return buildModel(closureDocuments(services, root));
}
