/**
 * `topo diff OLD NEW` or `topo diff --git REF PATH…`: what a change does to resilience — findings
 * added and removed, services whose SPOFs, availability or worst outage changed, failure domains
 * whose failure affects a different number of users. Exit 1 when the change adds a finding at or
 * above --fail-on (default error, or failOn of topo.json).
 */
import { relative } from 'node:path';
import type { CommandOutput } from './check-command.js';
import { loadConfig } from './config.js';
import { compareSnapshots } from './diff-compare.js';
import { checkoutModels } from './diff-git.js';
import { diffJson, diffMarkdown, diffText } from './diff-output.js';
import { takeSnapshot, type Snapshot } from './diff-snapshot.js';
import { DEFAULT_FAIL_ON, failsOn, type FailOn } from './fail-on.js';
import type { OutputColors } from './output-style.js';
import { UsageError } from './usage-error.js';

export type DiffFormat = 'text' | 'json' | 'markdown';

export interface DiffOptions {
    format: DiffFormat;
    git?: string;
    failOn?: FailOn;
    config?: string;
}

const EMPTY: Snapshot = { diagnostics: [], prints: [], services: new Map(), domains: new Map() };

export async function runDiff(paths: string[], options: DiffOptions, colors: OutputColors): Promise<CommandOutput> {
    const config = loadConfig(options.config);
    let before: Snapshot;
    let after: Snapshot;
    if (options.git !== undefined) {
        // without paths: the files of topo.json
        if (paths.length === 0 && config?.files) paths = config.files.map(f => relative(process.cwd(), f) || '.');
        if (paths.length === 0) throw new UsageError('topo diff --git REF needs the files or folders to compare (as they are now and as they were at REF), or "files" in topo.json');
        const revision = checkoutModels(options.git, paths);
        try {
            before = revision.paths.length === 0 ? EMPTY : await takeSnapshot(revision.paths, config, revision.rewriteUri);
        } finally {
            revision.dispose();
        }
        after = await takeSnapshot(paths, config);
    } else {
        if (paths.length !== 2) throw new UsageError('topo diff needs OLD and NEW (two files or two folders), or --git REF and the paths to compare');
        before = await takeSnapshot([paths[0]], config);
        after = await takeSnapshot([paths[1]], config);
    }
    const diff = compareSnapshots(before, after);
    const failOn = options.failOn ?? config?.failOn ?? DEFAULT_FAIL_ON;
    // a finding no longer accepted counts again, as one added does
    const exitCode = failsOn([...diff.added, ...diff.unaccepted], failOn) ? 1 : 0;
    const stdout = options.format === 'json' ? JSON.stringify(diffJson(diff), null, 2) + '\n'
        : options.format === 'markdown' ? diffMarkdown(diff)
            : diffText(diff, colors.out);
    return { stdout, stderr: '', exitCode };
}
