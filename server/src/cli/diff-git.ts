/**
 * `topo diff --git REF PATH…`: the models as they were at a git revision. Every `.topo` file of
 * the revision is written (`git show REF:path`) to a temporary folder laid out as the repository,
 * so that imports resolve as they did; what is reported there is placed back at the working
 * tree's paths.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './usage-error.js';

export interface Revision {
    /** the paths named, in the temporary folder; those that did not exist at the revision left out */
    paths: string[];
    /** a URI in the temporary folder → the same file's URI in the working tree */
    rewriteUri: (uri: string) => string;
    /** removes the temporary folder */
    dispose: () => void;
}

function git(args: string[], cwd: string): Buffer {
    try {
        return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    } catch (error) {
        const e = error as { code?: string; stderr?: Buffer };
        if (e.code === 'ENOENT') throw new UsageError('--git needs git, which is not installed (or not on the PATH)');
        const said = e.stderr?.toString().trim().split('\n')[0] ?? '';
        throw new UsageError(`git ${args[0]} failed${said ? `: ${said}` : ''}`);
    }
}

export function checkoutModels(ref: string, paths: string[], cwd = process.cwd()): Revision {
    const root = realpathSync(git(['rev-parse', '--show-toplevel'], cwd).toString().trim());
    try {
        git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
    } catch {
        throw new UsageError(`--git ${ref}: not a revision of this repository`);
    }
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'topo-diff-')));
    const dispose = () => rmSync(folder, { recursive: true, force: true });
    try {
        const listed = git(['ls-tree', '-r', '-z', '--name-only', ref], root).toString().split('\0').filter(p => p.endsWith('.topo'));
        for (const path of listed) {
            const target = join(folder, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, git(['show', `${ref}:${path}`], root));
        }
        const old: string[] = [];
        for (const path of paths) {
            const inRepo = relative(root, realOrResolved(resolve(cwd, path)));
            if (inRepo.startsWith('..') || isAbsolute(inRepo)) throw new UsageError(`--git: ${path} is not inside the git repository ${root}`);
            const there = join(folder, inRepo);
            if (existsSync(there)) old.push(there);
        }
        const from = pathToFileURL(folder).href + '/';
        const to = pathToFileURL(root).href + '/';
        return { paths: old, rewriteUri: uri => uri.startsWith(from) ? to + uri.slice(from.length) : uri, dispose };
    } catch (error) {
        dispose();
        throw error;
    }
}

function realOrResolved(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}
