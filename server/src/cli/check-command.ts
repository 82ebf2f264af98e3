/**
 * `topo check FILE|DIR…`: every file checked with what it imports; each diagnostic reported once.
 * A file found in a folder that cannot be read is an `unreadable-file` error and the rest is
 * checked. With topo.json (config.ts): severities per code, the files, the baseline, failOn.
 * Exit 1 when a diagnostic reported is at or above --fail-on (default error).
 */
import { plural } from '../common/format.js';
import { analyzeFindings, compileModel } from '../analysis/index.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import { diagnosticLine, jsonDiagnosticText, sortDiagnostics, summarize } from './diagnostic-output.js';
import type { LangiumDocument } from 'langium';
import type { LoadedWorkspace } from '../node/load-workspace.js';
import { loadFiles, rootModel } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { expandPathsFound } from './paths.js';
import { sarifLog } from './sarif-output.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';
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
}

export async function runCheck(paths: string[], options: CheckOptions, colors: OutputColors): Promise<CommandOutput> {
    const config = loadConfig(options.config);
    const named = paths.length > 0 ? paths : config?.files?.map(f => relativeToCwd(f));
    if (named === undefined) {
        throw new UsageError(config
            ? `no files to check: name files or folders, or list them in "files" of ${relativeToCwd(config.file)}`
            : 'no files to check: name files or folders (or list them in "files" of a topo.json)');
    }
    const checked = await checkDiagnostics(named);
    const diagnostics = sortDiagnostics(applySeverities(checked.diagnostics, config?.severity ?? new Map()));
    const prints = fingerprints(diagnostics);
    let known: Set<string> | undefined;
    if (options.writeBaseline !== undefined) {
        writeBaseline(options.writeBaseline, baselineText(diagnostics, prints));
        known = new Set(prints);
    } else {
        const baseline = options.baseline ?? config?.baseline;
        if (baseline !== undefined) known = readBaseline(baseline);
    }
    const shown: TopoDiagnostic[] = [];
    const shownPrints: string[] = [];
    diagnostics.forEach((d, i) => {
        if (known?.has(prints[i]) && baselinable(d)) return;
        shown.push(d);
        shownPrints.push(prints[i]);
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
export async function checkDiagnostics(paths: string[]): Promise<{ diagnostics: TopoDiagnostic[]; fileCount: number }> {
    const { files, found: inFolders } = await expandPathsFound(paths);
    if (files.length === 0) throw new UsageError(`no .topo files in ${paths.join(', ')}`);
    const workspace = await loadFiles(files, inFolders);
    const found = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const key = `${d.uri}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.subject ?? d.message}`;
        if (!found.has(key)) found.set(key, d);
    };
    for (const file of workspace.unreadable) add(unreadableFileDiagnostic(file, 'checked'));
    for (const root of maximalRoots(workspace)) {
        const model = rootModel(workspace, root);
        model.language.forEach(add);
        const findings = analyzeFindings(compileModel(model.built.model));
        findingDiagnostics(findings, model.built.sources).forEach(add);
    }
    return { diagnostics: [...found.values()], fileCount: workspace.documents.length + workspace.unreadable.length };
}

function relativeToCwd(path: string): string {
    return relative(process.cwd(), path) || '.';
}

/**
 * The JSON of docs/cli.md (schemas/check.schema.json), one diagnostic per piece: the whole answer can be larger than the
 * longest string JavaScript can hold (a model where every service has hundreds of causes).
 */
export function* jsonChunks(diagnostics: TopoDiagnostic[], summary: ReturnType<typeof summarize> & { baselined?: number }): Iterable<string> {
    let chunk = '{\n  "schemaVersion": 1,\n  "diagnostics": [';
    let first = true;
    const cwd = process.cwd();
    for (const d of diagnostics) {
        chunk += (first ? '\n    ' : ',\n    ') + jsonDiagnosticText(d, cwd);
        first = false;
        if (chunk.length >= CHUNK) {
            yield chunk;
            chunk = '';
        }
    }
    yield `${chunk}${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)}\n}\n`;
}

/** Pieces of about 1 MB: few writes, none too large. */
const CHUNK = 1 << 20;

/**
 * The roots whose closures are not inside another root's closure. A finding about an element
 * depends only on what that element depends on, which lies in the closure of its own file, so
 * analysing the larger closure gives the same findings for the smaller one: each is analysed once.
 */
export function maximalRoots(workspace: LoadedWorkspace): LangiumDocument[] {
    const imports = workspace.services.imports.Imports;
    const bySize = [...new Set(workspace.roots)]
        .map(root => ({ root, closure: imports.closure(root) }))
        .sort((a, b) => b.closure.size - a.closure.size);
    const covered = new Set<string>();
    const result: LangiumDocument[] = [];
    for (const { root, closure } of bySize) {
        if (covered.has(root.uri.toString())) continue;
        result.push(root);
        for (const uri of closure) covered.add(uri);
    }
    return result;
}
