/**
 * A language server on a folder of files, the set-up of the LSP suites: the files written to a
 * fresh folder, the bundled server started on it (test/lsp/lsp-client.ts), some of them opened
 * and their first publish awaited.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, type ClientOptions } from '../lsp/lsp-client.js';
import { tempFolder, writeFiles } from './temp-files.js';

export interface Workspace {
    folder: string;
    /** each file's URI by its path */
    uris: Record<string, string>;
}

/** `files` (path → text) written to a fresh folder. */
export function workspaceOf(files: Record<string, string>, prefix = 'topo-lsp-'): Workspace {
    const folder = tempFolder(prefix);
    return { folder, uris: writeFiles(folder, files) };
}

export interface ServerOptions extends Omit<ClientOptions, 'folder'> {
    /** the files to open (path → version), each with its text from `files` */
    open?: Record<string, number>;
    /** the name of the temporary folder starts so */
    prefix?: string;
}

export interface ServerOnWorkspace extends Workspace {
    client: TestClient;
    /** the first publish of each opened file with the version it was opened with */
    published: Record<string, PublishDiagnosticsParams>;
}

/**
 * Writes `files` to a fresh folder, starts a server on it, opens the files of `options.open` (all
 * of them, then waits) and waits for each one's first publish. The server is stopped if that fails.
 */
export async function startServer(files: Record<string, string>, options: ServerOptions = {}): Promise<ServerOnWorkspace> {
    const { open = {}, prefix, ...clientOptions } = options;
    for (const path of Object.keys(open)) if (!(path in files)) throw new Error(`cannot open ${path}: not among the files written`);
    const { folder, uris } = workspaceOf(files, prefix);
    const client = await TestClient.start({ ...clientOptions, folder });
    try {
        for (const [path, version] of Object.entries(open)) await client.open(uris[path], files[path], version);
        const published: Record<string, PublishDiagnosticsParams> = {};
        for (const [path, version] of Object.entries(open)) published[path] = await client.published(uris[path], p => p.version === version);
        return { client, folder, uris, published };
    } catch (error) {
        await client.stop();
        throw error;
    }
}
