/**
 * `topo fmt [--check] FILE|DIR…`: the formatter of the language server (language/topo-formatter.ts)
 * on files. Without `--check` each file that would change is rewritten in place and named
 * ("reformatted a.topo", relative to the working directory); with `--check` nothing is written,
 * each file that would change is named ("would reformat a.topo") and the exit code is 1 when
 * there is one (for CI). A file with a
 * syntax error is left as it is and reported in the diagnostic form (exit 1), and so is a file
 * found in a folder that cannot be read (`unreadable-file`). Imports are not followed: each file
 * is formatted on its own.
 */
import { plural } from '../common/format.js';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { formatTopo } from '../language/topo-formatter.js';
import { createTopoServices } from '../language/topo-module.js';
import { readModelFile } from '../node/read-model-file.js';
import type { CommandOutput } from './check-command.js';
import type { OutputColors } from './output-style.js';
import { diagnosticLine } from './diagnostic-output.js';
import { displayPath, expandPathsFound } from './paths.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';
import { UsageError } from './usage-error.js';

const BOM = '\uFEFF';

export async function runFmt(paths: string[], check: boolean, colors: OutputColors): Promise<CommandOutput> {
    const expanded = await expandPathsFound(paths);
    if (expanded.files.length === 0) throw new UsageError(`no .topo files in ${paths.join(', ')}`);

    // read everything first: an unreadable file named on the command line changes nothing;
    // one found in a folder is reported, and the others are formatted
    const files: string[] = [];
    const texts: string[] = [];
    const err: string[] = [];
    let failed = 0, unreadable = 0;
    for (const file of new Set(expanded.files)) {
        const read = await readModelFile(file);
        if ('problem' in read) {
            if (!expanded.found.has(file)) throw new UsageError(`cannot read ${file}: it ${read.problem}`);
            unreadable++;
            err.push(diagnosticLine(unreadableFileDiagnostic({ path: file, uri: URI.file(resolve(file)), ...read }, 'formatted'), colors.err));
            continue;
        }
        files.push(file);
        texts.push(read.text);
    }

    const factory = createTopoServices(NodeFileSystem).Topo.shared.workspace.LangiumDocumentFactory;
    const out: string[] = [];
    let changed = 0, unchanged = 0;
    for (let i = 0; i < files.length; i++) {
        const file = files[i];
        const uri = URI.file(resolve(file));
        const shown = displayPath(uri.toString());
        const document = factory.fromString(texts[i], uri);
        const outcome = formatTopo(document);
        if ('error' in outcome) {
            failed++;
            err.push(`${shown}:${outcome.line}:${outcome.column}: ${colors.err.red('error')} syntax: ${outcome.error} (not formatted)`);
            continue;
        }
        if (outcome.text === texts[i]) {
            unchanged++;
            continue;
        }
        changed++;
        if (check) {
            out.push(`would reformat ${shown}`);
            continue;
        }
        const bom = (await readFile(file)).subarray(0, 3).toString('utf8') === BOM ? BOM : '';
        try {
            await writeFile(file, bom + outcome.text);
        } catch (error) {
            throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
        }
        out.push(`reformatted ${shown}`);
    }

    const summary = [
        changed > 0 ? `${plural(changed, 'file')} ${check ? 'would be reformatted' : 'reformatted'}` : '',
        unchanged > 0 ? `${plural(unchanged, 'file')} already formatted` : '',
        failed > 0 ? `${plural(failed, 'file')} not formatted (syntax errors)` : '',
        unreadable > 0 ? `${plural(unreadable, 'file')} not formatted (unreadable)` : ''
    ].filter(part => part.length > 0).join(', ') + '.';
    out.push(changed === 0 && failed === 0 && unreadable === 0 ? colors.out.green(summary) : summary);
    const exitCode = failed > 0 || unreadable > 0 || (check && changed > 0) ? 1 : 0;
    return { stdout: out.join('\n') + '\n', stderr: err.length > 0 ? err.join('\n') + '\n' : '', exitCode };
}
