/**
 * Test helpers for the language: services without a file system, and a way to build several
 * in-memory files (for imports) together.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createTopoServices, type TopoServices } from '../../server/src/language/topo-module.js';

export function freshServices(): TopoServices {
    return createTopoServices(EmptyFileSystem).Topo;
}

let counter = 0;

/** Builds `files` (path → text, paths relative to a fresh root) together; returns the documents by path. */
export async function buildFiles(files: Record<string, string>, services = freshServices()): Promise<{ services: TopoServices; docs: Record<string, LangiumDocument> }> {
    const root = `file:///work-${++counter}`;
    const docs: Record<string, LangiumDocument> = {};
    const factory = services.shared.workspace.LangiumDocumentFactory;
    for (const [path, text] of Object.entries(files)) {
        const doc = factory.fromString(text, URI.parse(`${root}/${path}`));
        services.shared.workspace.LangiumDocuments.addDocument(doc);
        docs[path] = doc;
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(docs), { validation: true });
    return { services, docs };
}

/** Builds one file and returns its diagnostics. */
export async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    const { docs } = await buildFiles({ 'main.topo': text });
    return docs['main.topo'].diagnostics ?? [];
}

export function messages(diagnostics: Diagnostic[], severity = 1): string[] {
    return diagnostics.filter(d => d.severity === severity).map(d => d.message);
}
