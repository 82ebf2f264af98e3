/**
 * Reading one `.topo` file from disk, with a plain-words reason when it cannot be a model:
 * missing, a directory, unreadable, a symlink loop, binary, or not UTF-8.
 */
import { readFile, stat } from 'node:fs/promises';

/**
 * `problem` completes "the file …" ("is a binary file, not a .topo model"); `advice`, when
 * there is one, says what would make the file readable.
 */
export type ReadResult = { text: string } | { problem: string; advice?: string };

const REASONS: Record<string, string> = {
    ENOENT: 'does not exist',
    ENOTDIR: 'does not exist (a part of its path is not a folder)',
    EACCES: 'cannot be read (permission denied)',
    EPERM: 'cannot be read (permission denied)',
    ELOOP: 'is a symbolic link loop',
    EISDIR: 'is a directory, not a file',
    ENAMETOOLONG: 'has a name that is too long'
};

export async function readModelFile(path: string): Promise<ReadResult> {
    try {
        const info = await stat(path);
        if (info.isDirectory()) return { problem: 'is a directory, not a file' };
        if (!info.isFile()) return { problem: 'is not a regular file' };
        const bytes = await readFile(path);
        if (bytes.includes(0)) return { problem: 'is a binary file, not a .topo model', advice: 'if it is not a model, give it a name that does not end in .topo' };
        let text: string;
        try {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
            return { problem: 'is not UTF-8 text', advice: 'save it as UTF-8' };
        }
        return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        return { problem: REASONS[code] ?? `cannot be read (${(error as Error).message})` };
    }
}
