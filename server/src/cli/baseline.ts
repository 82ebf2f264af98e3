/**
 * Baselines: the findings a team knew of when it switched topo on, so that CI reports only new
 * ones. A baseline is JSON (schemas/baseline.schema.json), one finding a line, sorted, so that a
 * change to it reads well in a diff. Findings are matched by fingerprint (fingerprint.ts): code,
 * subject and causes, not lines. Language errors are never baselined; accepted findings are
 * left out (when an acceptance expires, the finding is reported again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { displayPath } from './paths.js';
import { UsageError } from './usage-error.js';

export interface BaselineEntry {
    code: string;
    subject: string;
    causes: string[];
    file: string;
    fingerprint: string;
}

/** Whether a diagnostic may be in a baseline. */
export function baselinable(d: TopoDiagnostic): boolean {
    return !d.language && d.subject !== undefined && !d.accepted;
}

export function baselineText(diagnostics: readonly TopoDiagnostic[], prints: readonly string[]): string {
    const entries: BaselineEntry[] = [];
    diagnostics.forEach((d, i) => {
        if (!baselinable(d)) return;
        entries.push({ code: d.code, subject: d.subject!, causes: d.causes ?? [], file: displayPath(d.uri).split('\\').join('/'), fingerprint: prints[i] });
    });
    entries.sort((a, b) => cmp(a.file, b.file) || cmp(a.code, b.code) || cmp(a.subject, b.subject) || cmp(a.fingerprint, b.fingerprint));
    const lines = entries.map(e => '    ' + JSON.stringify(e));
    return `{\n  "schemaVersion": 1,\n  "findings": [${lines.length ? '\n' + lines.join(',\n') + '\n  ' : ''}]\n}\n`;
}

function cmp(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function writeBaseline(file: string, text: string): void {
    try {
        writeFileSync(file, text);
    } catch (error) {
        throw new UsageError(`cannot write the baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
}

/** The fingerprints of a baseline file. */
export function readBaseline(file: string): Set<string> {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot read the baseline ${file}: ${code === 'ENOENT' ? 'it does not exist (write one with --write-baseline)' : (error as Error).message.split('\n')[0]}`);
    }
    let value: unknown;
    try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
        throw new UsageError(`the baseline ${file} is not valid JSON (write it again with --write-baseline)`);
    }
    const findings = (value as { findings?: unknown })?.findings;
    if ((value as { schemaVersion?: unknown })?.schemaVersion !== 1 || !Array.isArray(findings)
        || findings.some(f => typeof (f as { fingerprint?: unknown })?.fingerprint !== 'string')) {
        throw new UsageError(`the baseline ${file} is not a topo baseline (schemaVersion 1, findings with fingerprints)`);
    }
    return new Set(findings.map(f => (f as BaselineEntry).fingerprint));
}
