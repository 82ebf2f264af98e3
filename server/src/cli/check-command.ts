/**
 * `topo check FILE|DIR…`: every file checked with what it imports; each diagnostic reported once.
 * A file found in a folder that cannot be read is an `unreadable-file` error and the rest is
 * checked. With topo.json (config.ts): severities per code, the files, the baseline, failOn.
 * Exit 1 when a diagnostic reported is at or above --fail-on (default error).
 */
import { plural } from '../common/format.js';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { checkFiles, type CheckedFiles } from './check-loop.js';
import { diagnosticLine, jsonDiagnosticText, sortDiagnostics, summarize } from './diagnostic-output.js';
import { loadFiles } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { expandPathsFound } from './paths.js';
import { sarifLog } from './sarif-output.js';
import { UsageError } from './usage-error.js';
import { relative } from 'node:path';
import { baselinable, baselineText, readBaseline, writeBaseline } from './baseline.js';
import { loadConfig } from './config.js';
import { DEFAULT_FAIL_ON, failsOn, type FailOn } from './fail-on.js';
import { fingerprints } from './fingerprint.js';
import { applySeverities } from './severity-overrides.js';

export interface CommandOutput {
    /** the text, or its pieces in order (a large answer is never built as one string) */
    stdout: string | Iterable<string>;
    stderr: string;
    exitCode: number;
}

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
    format: CheckFormat;
    /** default: the config's, else error */
    failOn?: FailOn;
    /** report only the findings not in this baseline (default: the config's) */
    baseline?: string;
    /** write every current finding to this baseline, then report against it */
    writeBaseline?: string;
    /** the config file (default: topo.json from the working directory upwards) */
    config?: string;
    /** today's date, YYYY-MM-DD: an `accept` whose `until` is before it has expired (default: the date where topo runs) */
    today?: string;
}

export async function runCheck(paths: string[], options: CheckOptions, colors: OutputColors): Promise<CommandOutput> {
    const config = loadConfig(options.config);
    const named = paths.length > 0 ? paths : config?.files?.map(f => relativeToCwd(f));
    if (named === undefined) {
        throw new UsageError(config
            ? `no files to check: name files or folders, or list them in "files" of ${relativeToCwd(config.file)}`
            : 'no files to check: name files or folders (or list them in "files" of a topo.json)');
    }
    const checked = await checkDiagnostics(named, options.today);
    const diagnostics = sortDiagnostics(applySeverities(checked.diagnostics, config?.severity ?? new Map()));
    const baseline = options.writeBaseline === undefined ? options.baseline ?? config?.baseline : undefined;
    // fingerprints (a SHA-256 each) only where they are used: baselines and SARIF
    const prints = options.writeBaseline !== undefined || baseline !== undefined || options.format === 'sarif'
        ? fingerprints(diagnostics) : undefined;
    let known: Set<string> | undefined;
    if (options.writeBaseline !== undefined) {
        writeBaseline(options.writeBaseline, baselineText(diagnostics, prints!));
        known = new Set(prints);
    } else if (baseline !== undefined) {
        known = readBaseline(baseline);
    }
    const shown: TopoDiagnostic[] = [];
    const shownPrints: string[] = [];
    diagnostics.forEach((d, i) => {
        if (known?.has(prints![i]) && baselinable(d)) return;
        shown.push(d);
        if (prints) shownPrints.push(prints[i]);
    });
    const baselined = known === undefined ? undefined : diagnostics.length - shown.length;
    const summary = { ...summarize(shown), ...(baselined === undefined ? {} : { baselined }) };
    const failOn = options.failOn ?? config?.failOn ?? DEFAULT_FAIL_ON;
    const exitCode = failsOn(shown, failOn) ? 1 : 0;
    if (options.format === 'json') {
        return { stdout: jsonChunks(shown, summary), stderr: '', exitCode };
    }
    if (options.format === 'sarif') {
        return { stdout: JSON.stringify(sarifLog(shown, process.cwd(), shownPrints), null, 2) + '\n', stderr: '', exitCode };
    }
    const lines = shown.map(d => diagnosticLine(d, colors.out));
    const counts = [
        plural(summary.errors, 'error'), plural(summary.warnings, 'warning'),
        `${summary.information} information`, plural(summary.hints, 'hint')
    ].join(', ');
    const fileCount = plural(checked.fileCount, 'file');
    const hidden = baselined ? ` ${plural(baselined, 'finding')} of the baseline not shown.` : '';
    lines.push(shown.length === 0
        ? colors.out.green(`No problems found in ${fileCount}.`) + hidden
        : `${counts} in ${fileCount}.${hidden}`);
    return { stdout: lines.join('\n') + '\n', stderr: '', exitCode };
}

/**
 * Every diagnostic of the files named or found, with what they import, each once (unsorted);
 * and how many files were read.
 */
export async function checkDiagnostics(paths: string[], today?: string): Promise<CheckedFiles> {
    const { files, found: inFolders } = await expandPathsFound(paths);
    if (files.length === 0) throw new UsageError(`no .topo files in ${paths.join(', ')}`);
    return checkFiles(() => loadFiles(files, inFolders), {}, today);
}

function relativeToCwd(path: string): string {
    return relative(process.cwd(), path) || '.';
}

/**
 * The JSON of docs/cli.md (schemas/check.schema.json), one diagnostic per piece: the whole answer can be larger than the
 * longest string JavaScript can hold (a model where every service has hundreds of causes).
 */
export function* jsonChunks(diagnostics: TopoDiagnostic[], summary: ReturnType<typeof summarize> & { baselined?: number }): Iterable<string> {
    // each piece joined once from its diagnostics' texts
    let pieces = ['{\n  "schemaVersion": 1,\n  "diagnostics": ['];
    let length = 0;
    let first = true;
    const cwd = process.cwd();
    for (const d of diagnostics) {
        const text = jsonDiagnosticText(d, cwd);
        pieces.push(first ? '\n    ' : ',\n    ', text);
        length += text.length;
        first = false;
        if (length >= CHUNK) {
            yield pieces.join('');
            pieces = [];
            length = 0;
        }
    }
    pieces.push(`${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
    yield pieces.join('');
}

/** Pieces of about 1 MB: few writes, none too large. */
const CHUNK = 1 << 20;
