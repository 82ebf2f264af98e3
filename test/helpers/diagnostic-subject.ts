/** The element a finding's diagnostic is about, as the server puts it in the diagnostic's `data`. */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { FindingData } from '../../server/src/lsp/lsp-diagnostics.js';

export function subjectOf(d: Diagnostic): string | undefined {
    return (d.data as FindingData | undefined)?.subject;
}
