/**
 * Diagnostics for people (`path:line:column: severity code: message`, one per line, the form
 * editors and terminals make clickable) and for machines (the JSON of docs/cli.md, schemas/check.schema.json).
 */
import type { RelatedPlace, TopoDiagnostic } from '../language/diagnostics.js';
import type { Colors } from './output-style.js';
import { displayPath } from './paths.js';

export interface JsonDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
    subject?: string;
    causes?: string[];
    causeCount?: number;
    related?: Array<{ file: string; line: number; column: number; message: string }>;
    accepted?: { reason: string; until?: string };
}

export function toJsonDiagnostic(d: TopoDiagnostic): JsonDiagnostic {
    const json: JsonDiagnostic = {
        file: displayPath(d.uri),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message
    };
    if (d.subject !== undefined) json.subject = d.subject;
    if (d.causes !== undefined) json.causes = d.causes;
    if (d.causeCount !== undefined) json.causeCount = d.causeCount;
    if (d.related.length > 0) {
        json.related = d.related.map(r => ({
            file: displayPath(r.uri), line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message
        }));
    }
    if (d.accepted !== undefined) json.accepted = d.accepted.until === undefined ? { reason: d.accepted.reason } : { reason: d.accepted.reason, until: d.accepted.until };
    return json;
}

/**
 * `JSON.stringify(toJsonDiagnostic(d))`, written directly: the same text (same keys, same order),
 * without building the object first (a large model's answer is hundreds of megabytes). Built as
 * pieces joined once, not by `+=` (which makes a string node per piece for the collector), and a
 * related entry's `{"file":…,"line":…,"column":…,"message":` is made once per place: the places
 * are elements' names, shared by many findings.
 */
export function jsonDiagnosticText(d: TopoDiagnostic, cwd = process.cwd()): string {
    const q = JSON.stringify;
    const { start, end } = d.range;
    const parts = [
        '{"file":', quotedPath(d.uri, cwd), ',"line":', String(start.line + 1), ',"column":', String(start.character + 1),
        ',"endLine":', String(end.line + 1), ',"endColumn":', String(end.character + 1), ',"severity":', q(d.severity),
        ',"code":', q(d.code), ',"message":'
    ];
    pushQuoted(parts, d.message);
    if (d.subject !== undefined) parts.push(',"subject":', q(d.subject));
    if (d.causes !== undefined) parts.push(',"causes":', q(d.causes));
    if (d.causeCount !== undefined) parts.push(',"causeCount":', String(d.causeCount));
    if (d.related.length > 0) {
        parts.push(',"related":[');
        d.related.forEach((r, i) => {
            if (i > 0) parts.push(',');
            parts.push(relatedHead(r, cwd));
            pushQuoted(parts, r.message);
            parts.push('}');
        });
        parts.push(']');
    }
    if (d.accepted !== undefined) {
        parts.push(`,"accepted":{"reason":${q(d.accepted.reason)}${d.accepted.until !== undefined ? `,"until":${q(d.accepted.until)}` : ''}}`);
    }
    parts.push('}');
    return parts.join('');
}

/** What `JSON.stringify` of a string escapes: quotes, backslashes, control characters and (lone) surrogates. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(text)` as pieces: a text with nothing to escape (nearly every message) is
 * written between quotes as it is, not copied.
 */
function pushQuoted(parts: string[], text: string): void {
    if (ESCAPED.test(text)) parts.push(JSON.stringify(text));
    else parts.push('"', text, '"');
}

/** The texts made once per file and per related place, for one working directory. */
let made = { cwd: '', paths: new Map<string, string>(), heads: new WeakMap<RelatedPlace['range'], { uri: string; text: string }>() };

function forCwd(cwd: string): typeof made {
    if (made.cwd !== cwd) made = { cwd, paths: new Map(), heads: new WeakMap() };
    return made;
}

/** The file's display path, as a JSON string. */
function quotedPath(uri: string, cwd: string): string {
    const { paths } = forCwd(cwd);
    let text = paths.get(uri);
    if (text === undefined) paths.set(uri, text = JSON.stringify(displayPath(uri, cwd)));
    return text;
}

/** `{"file":…,"line":…,"column":…,"message":` of a related place (kept per range object). */
function relatedHead(r: RelatedPlace, cwd: string): string {
    const { heads } = forCwd(cwd);
    const known = heads.get(r.range);
    if (known !== undefined && known.uri === r.uri) return known.text;
    const text = `{"file":${quotedPath(r.uri, cwd)},"line":${r.range.start.line + 1},"column":${r.range.start.character + 1},"message":`;
    heads.set(r.range, { uri: r.uri, text });
    return text;
}

export function diagnosticLine(d: TopoDiagnostic, c: Colors): string {
    const where = `${displayPath(d.uri)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const paint = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.cyan;
    return `${c.bold(where)}: ${paint(d.severity)} ${c.dim(d.code)}: ${d.message}`;
}

export function summarize(diagnostics: TopoDiagnostic[]): { errors: number; warnings: number; information: number; hints: number } {
    const summary = { errors: 0, warnings: 0, information: 0, hints: 0 };
    for (const d of diagnostics) {
        if (d.severity === 'error') summary.errors++;
        else if (d.severity === 'warning') summary.warnings++;
        else if (d.severity === 'information') summary.information++;
        else summary.hints++;
    }
    return summary;
}

/** Sorted by file, then position, so that output is stable. */
export function sortDiagnostics(diagnostics: TopoDiagnostic[]): TopoDiagnostic[] {
    return [...diagnostics].sort((a, b) =>
        displayPath(a.uri).localeCompare(displayPath(b.uri))
        || a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || a.code.localeCompare(b.code));
}
