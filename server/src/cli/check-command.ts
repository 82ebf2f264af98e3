/**
 * `topo check FILE|DIR…`: every file checked with what it imports; each diagnostic reported once.
 * A file found in a folder that cannot be read is an `unreadable-file` error and the rest is
 * checked. Exit 1 when any diagnostic is an error.
 */
import { plural } from '../common/format.js';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { checkWorkspace } from './check-loop.js';
import { diagnosticLine, jsonDiagnosticText, sortDiagnostics, summarize } from './diagnostic-output.js';
import { loadFiles } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { expandPathsFound } from './paths.js';
import { UsageError } from './usage-error.js';

export interface CommandOutput {
    /** the text, or its pieces in order (a large answer is never built as one string) */
    stdout: string | Iterable<string>;
    stderr: string;
    exitCode: number;
}

export async function runCheck(paths: string[], format: 'text' | 'json', colors: OutputColors): Promise<CommandOutput> {
    const { files, found: inFolders } = await expandPathsFound(paths);
    if (files.length === 0) throw new UsageError(`no .topo files in ${paths.join(', ')}`);
    const workspace = await loadFiles(files, inFolders);
    const diagnostics = sortDiagnostics(checkWorkspace(workspace));
    const summary = summarize(diagnostics);
    const exitCode = summary.errors > 0 ? 1 : 0;
    if (format === 'json') {
        return { stdout: jsonChunks(diagnostics, summary), stderr: '', exitCode };
    }
    const lines = diagnostics.map(d => diagnosticLine(d, colors.out));
    const counts = [
        plural(summary.errors, 'error'), plural(summary.warnings, 'warning'),
        `${summary.information} information`, plural(summary.hints, 'hint')
    ].join(', ');
    const fileCount = plural(workspace.documents.length + workspace.unreadable.length, 'file');
    lines.push(diagnostics.length === 0
        ? colors.out.green(`No problems found in ${fileCount}.`)
        : `${counts} in ${fileCount}.`);
    return { stdout: lines.join('\n') + '\n', stderr: '', exitCode };
}

/**
 * The JSON of docs/cli.md (schemas/check.schema.json), one diagnostic per piece: the whole answer can be larger than the
 * longest string JavaScript can hold (a model where every service has hundreds of causes).
 */
export function* jsonChunks(diagnostics: TopoDiagnostic[], summary: ReturnType<typeof summarize>): Iterable<string> {
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
