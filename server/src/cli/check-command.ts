/**
 * `topo check FILE|DIR…`: every file checked with what it imports; each diagnostic reported once.
 * A file found in a folder that cannot be read is an `unreadable-file` error and the rest is
 * checked. Exit 1 when any diagnostic is an error.
 */
import { plural } from '../common/format.js';
import { analyzeFindings, compileModel } from '../analysis/index.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import { diagnosticLine, jsonDiagnosticText, sortDiagnostics, summarize } from './diagnostic-output.js';
import type { LangiumDocument } from 'langium';
import type { BuiltModel } from '../language/build-model.js';
import type { LoadedWorkspace } from '../node/load-workspace.js';
import { loadFiles, rootModel } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { expandPathsFound } from './paths.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';
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
    let workspace: LoadedWorkspace | undefined = await loadFiles(files, inFolders);
    const found = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const key = `${d.uri}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.subject ?? d.message}`;
        if (!found.has(key)) found.set(key, d);
    };
    for (const file of workspace.unreadable) add(unreadableFileDiagnostic(file, 'checked'));
    const fileCount = plural(workspace.documents.length + workspace.unreadable.length, 'file');
    const models: (BuiltModel | undefined)[] = rootModels(workspace, add);
    // The models are plain data with their positions: the Langium documents (most of the memory
    // of loading, docs/bench.md) are not needed for the analysis and are let go before it.
    workspace = undefined;
    // Langium's build holds them until its last callbacks have run: one turn of the event loop
    await new Promise(resolve => setImmediate(resolve));
    for (let i = 0; i < models.length; i++) {
        const built = models[i]!;
        models[i] = undefined; // let go of each model once its findings are placed
        const findings = analyzeFindings(compileModel(built.model));
        findingDiagnostics(findings, built.sources).forEach(add);
    }
    const diagnostics = sortDiagnostics([...found.values()]);
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
    lines.push(diagnostics.length === 0
        ? colors.out.green(`No problems found in ${fileCount}.`)
        : `${counts} in ${fileCount}.`);
    return { stdout: lines.join('\n') + '\n', stderr: '', exitCode };
}

/**
 * The model of every maximal root, its language diagnostics passed to `add`. A function of its
 * own so that no variable of `runCheck` still refers to a document: a suspended async function
 * keeps its variables, and one document reaches them all.
 */
function rootModels(workspace: LoadedWorkspace, add: (d: TopoDiagnostic) => void): BuiltModel[] {
    const models: BuiltModel[] = [];
    for (const root of maximalRoots(workspace)) {
        const model = rootModel(workspace, root);
        model.language.forEach(add);
        models.push(model.built);
    }
    return models;
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
