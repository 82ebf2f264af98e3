/**
 * Paths as the user sees them: relative to the working directory; directories expanded to the
 * `.topo` files below them.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { URI } from 'langium';

/** per working directory: URI → path shown */
const displayed = new Map<string, Map<string, string>>();

/** A file URI as the user names it: relative to the working directory (remembered per URI). */
export function displayPath(uri: string, cwd = process.cwd()): string {
    let paths = displayed.get(cwd);
    if (paths === undefined) displayed.set(cwd, paths = new Map());
    let path = paths.get(uri);
    if (path === undefined) {
        const fsPath = URI.parse(uri).fsPath;
        const rel = relative(cwd, fsPath);
        path = rel === '' ? fsPath : rel;
        paths.set(uri, path);
    }
    return path;
}

/** Files stay as given; a directory becomes its `.topo` files, recursively, sorted. */
export async function expandPaths(paths: string[]): Promise<string[]> {
    return (await expandPathsFound(paths)).files;
}

export interface ExpandedPaths {
    /** the files named and the files found in the directories named, in that order */
    files: string[];
    /**
     * the files found in a directory and not named themselves: one of these that cannot be read
     * is reported for itself, and the others are checked (a file named that cannot be read is
     * bad usage)
     */
    found: Set<string>;
}

/** As `expandPaths`, saying which files were found in a directory rather than named. */
export async function expandPathsFound(paths: string[]): Promise<ExpandedPaths> {
    const files: string[] = [];
    const found = new Set<string>();
    const named = new Set<string>();
    for (const path of paths) {
        let isDirectory = false;
        try {
            isDirectory = (await stat(path)).isDirectory();
        } catch {
            // left as given: the loader reports what is wrong with it
        }
        if (isDirectory) {
            for (const file of await topoFilesUnder(path)) {
                files.push(file);
                found.add(file);
            }
        } else {
            files.push(path);
            named.add(resolve(path));
        }
    }
    for (const file of found) if (named.has(resolve(file))) found.delete(file);
    return { files, found };
}

async function topoFilesUnder(root: string): Promise<string[]> {
    const found: string[] = [];
    const pending = [root];
    while (pending.length > 0) {
        const dir = pending.pop()!;
        let entries;
        try {
            entries = await readdir(dir, { withFileTypes: true });
        } catch {
            continue;
        }
        for (const entry of entries) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
            const path = join(dir, entry.name);
            if (entry.isDirectory()) pending.push(path);
            else if (entry.name.endsWith('.topo')) found.push(path);
        }
    }
    return found.sort();
}
