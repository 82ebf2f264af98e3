/**
 * Loading a set of `.topo` files and everything they import, transitively, each file once,
 * then parsing, linking and validating them together. Used by the CLI and the benchmarks.
 */
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { resolve } from 'node:path';
import { createTopoServices, type TopoServices } from '../language/topo-module.js';
import { readModelFile } from './read-model-file.js';

export interface LoadedWorkspace {
    services: TopoServices;
    /** the files asked for, in the order given */
    roots: LangiumDocument[];
    /** every loaded document */
    documents: LangiumDocument[];
    /** the files that may be unreadable (`tolerated`) and were: not loaded, in the order given */
    unreadable: UnreadableFile[];
}

/** A file that was not loaded, and why (see `ReadResult`). */
export interface UnreadableFile {
    path: string;
    uri: URI;
    problem: string;
    advice?: string;
}

/** A file named by the user that cannot be read: the caller reports it (the CLI exits 2). */
export class UnreadableFileError extends Error {
    constructor(readonly path: string, readonly problem: string) {
        super(`${path} ${problem}`);
    }
}

/**
 * Loads the files of `paths` and what they import. A file of `paths` that cannot be read throws
 * `UnreadableFileError`, unless it is in `tolerated` (a file found in a folder rather than named):
 * then it is listed in `unreadable` and the rest is loaded.
 */
export async function loadWorkspace(
    paths: string[],
    services = createTopoServices(NodeFileSystem).Topo,
    tolerated: ReadonlySet<string> = new Set()
): Promise<LoadedWorkspace> {
    const shared = services.shared;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const imports = services.imports.Imports;
    const roots: LangiumDocument[] = [];
    const queue: LangiumDocument[] = [];
    const unreadable: UnreadableFile[] = [];

    for (const path of paths) {
        const uri = URI.file(resolve(path));
        const existing = langiumDocuments.getDocument(uri);
        if (existing) { roots.push(existing); continue; }
        const read = await readModelFile(uri.fsPath);
        if ('problem' in read) {
            if (!tolerated.has(path)) throw new UnreadableFileError(path, read.problem);
            if (!unreadable.some(u => u.uri.toString() === uri.toString())) unreadable.push({ path, uri, ...read });
            continue;
        }
        const document = factory.fromString(read.text, uri);
        langiumDocuments.addDocument(document);
        roots.push(document);
        queue.push(document);
    }

    for (let next = 0; next < queue.length; next++) {
        const document = queue[next];
        for (const { uri } of imports.importsOf(document)) {
            const key = uri.toString();
            if (langiumDocuments.hasDocument(uri) || imports.problems.has(key)) continue;
            const read = await readModelFile(uri.fsPath);
            if ('problem' in read) {
                imports.problems.set(key, read.problem);
                continue;
            }
            const imported = factory.fromString(read.text, uri);
            langiumDocuments.addDocument(imported);
            queue.push(imported);
        }
    }

    const documents = langiumDocuments.all.toArray();
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, roots, documents, unreadable };
}
