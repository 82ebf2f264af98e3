/**
 * From topo's diagnostics to the LSP's: `code`, `source: "topo"`, a `codeDescription` link to
 * the page that explains the finding and how to fix it (a file URI into the installed `docs/`,
 * so it works offline), related information for each cause and path step, and the severity the
 * user chose.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../analysis/results.js';
import { languageErrorCode, type TopoDiagnostic } from '../language/diagnostics.js';
import type { SeveritySetting } from './configuration.js';
import { docsFolder } from '../node/docs-folder.js';

export const SOURCE = 'topo';

/**
 * What the server attaches to a finding's diagnostic (`data`): only what a code action needs
 * to find the finding again in the current analysis. Not its causes, which can be thousands of
 * names per diagnostic on a deep model (the related information names the nearest ones).
 */
export interface FindingData {
    finding: true;
    subject?: string;
    /** an `accept` statement accepts it */
    accepted?: true;
}

export function isFinding(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as FindingData | undefined)?.finding === true;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/** A finding as the editor shows it; undefined when the user turned its code off. */
export function findingDiagnostic(d: TopoDiagnostic, override?: SeveritySetting): Diagnostic | undefined {
    if (override === 'off') return undefined;
    const data: FindingData = { finding: true, subject: d.subject };
    if (d.accepted) data.accepted = true;
    return {
        range: d.range,
        // an accepted finding stays a hint whatever its code's setting
        severity: SEVERITY[d.accepted ? 'hint' : override ?? d.severity] ?? DiagnosticSeverity.Warning,
        code: d.code,
        codeDescription: { href: findingPage(d.code) },
        source: SOURCE,
        message: d.message,
        relatedInformation: d.related.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
        data
    };
}

/** A language error from Langium or the validator, with topo's code and a link to the reference. */
export function languageDiagnostic(d: Diagnostic): Diagnostic {
    return { ...d, code: languageErrorCode(d), source: SOURCE, codeDescription: { href: languageErrorsPage() } };
}

// ------------------------------------------------------------------ links into docs/

const pages = new Map<string, string>();

export function findingPage(code: string): string {
    let page = pages.get(code);
    if (page === undefined) {
        const file = join(docsFolder(), 'findings', `${code}.md`);
        page = URI.file(existsSync(file) ? file : join(docsFolder(), 'findings', 'README.md')).toString();
        pages.set(code, page);
    }
    return page;
}

export function languageErrorsPage(): string {
    return URI.file(join(docsFolder(), 'language.md')).with({ fragment: 'language-errors' }).toString();
}
