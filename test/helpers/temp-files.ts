/** Files a test writes: fresh folders under the system's temporary folder, and the files in them. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const made: string[] = [];
process.on('exit', () => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder (its real path), removed when the tests end. */
export function tempFolder(prefix = 'topo-test-'): string {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
    made.push(folder);
    return folder;
}

export function fileUri(path: string): string {
    return pathToFileURL(path).href;
}

/**
 * Writes `files` (path relative to `folder` → text) under `folder`, making sub-folders as
 * needed; returns each file's `file://` URI by its path.
 */
export function writeFiles(folder: string, files: Record<string, string>, encoding: BufferEncoding = 'utf8'): Record<string, string> {
    const uris: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) {
        const file = join(folder, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text, encoding);
        uris[path] = fileUri(file);
    }
    return uris;
}
