/**
 * A `.topo` file found in a folder that cannot be read (binary, not UTF-8, permission denied…)
 * is reported as an error on its first line, code `unreadable-file`, and the other files are
 * still checked or formatted. (A file named on the command line that cannot be read is bad
 * usage instead: exit 2.)
 */
import type { LanguageErrorCode } from '../language/error-codes.js';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import type { UnreadableFile } from '../node/load-workspace.js';

export const UNREADABLE_FILE: LanguageErrorCode = 'unreadable-file';

/** `skipped`: what was not done to it ("checked", "formatted"). */
export function unreadableFileDiagnostic(file: UnreadableFile, skipped: string): TopoDiagnostic {
    const start = { line: 0, character: 0 };
    const advice = file.advice ? `; ${file.advice}` : '';
    return {
        uri: file.uri.toString(),
        range: { start, end: start },
        severity: 'error',
        code: UNREADABLE_FILE,
        message: `This file ${file.problem}, so it was not ${skipped}${advice}.`,
        language: true,
        related: []
    };
}
