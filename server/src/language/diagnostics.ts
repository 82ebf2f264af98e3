/**
 * One shape for everything the user is told about a model: the language's own errors and the
 * analysis findings, placed in the source. The CLI prints these; the language server publishes
 * them.
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../analysis/results.js';
import type { DrillSource } from './build-drills.js';
import type { ElementSource, Sources } from './build-model.js';
import type { LanguageErrorCode } from './error-codes.js';

export interface RelatedPlace {
    uri: string;
    range: Range;
    message: string;
}

export interface TopoDiagnostic {
    uri: string;
    range: Range;
    severity: Severity;
    code: string;
    message: string;
    /** true for the language's own errors (syntax, references, values, imports) */
    language: boolean;
    subject?: string;
    /** at most 20 (the first in name order) */
    causes?: string[];
    /** how many causes there are in all */
    causeCount?: number;
    related: RelatedPlace[];
    /** the element the part it sits on names (the entry of `monitors` or `depends on`), when it sits on one */
    target?: string;
    /** the finding was accepted in the model (then severity is 'hint') */
    accepted?: { reason: string; until?: string };
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const LANGIUM_CODES: Record<string, LanguageErrorCode> = {
    'lexing-error': 'syntax',
    'parsing-error': 'syntax',
    'linking-error': 'unresolved-reference'
};

/** topo's code of a diagnostic Langium or the validator made: the validator's own, or Langium's lexing, parsing and linking errors renamed. */
export function languageErrorCode(d: Pick<Diagnostic, 'code' | 'data'>): string {
    const raw = typeof d.code === 'string' ? d.code : (d.data as { code?: string } | undefined)?.code ?? 'syntax';
    return LANGIUM_CODES[raw] ?? raw;
}

/** The language errors (and warnings) Langium and the validator attached to a document. */
export function languageDiagnostics(document: LangiumDocument): TopoDiagnostic[] {
    const uri = document.uri.toString();
    return (document.diagnostics ?? []).map(d => ({
        uri, range: d.range, severity: SEVERITIES[d.severity ?? 1] ?? 'error', code: languageErrorCode(d),
        message: d.message, language: true, related: []
    }));
}

/** Places each finding on its anchor and each related element on its name. */
export function findingDiagnostics(findings: readonly Finding[], sources: Sources, drills?: Map<string, DrillSource>): TopoDiagnostic[] {
    const result: TopoDiagnostic[] = [];
    for (const finding of findings) {
        if (finding.anchor.part === 'expect') {
            const drill = drills?.get(finding.anchor.element);
            if (drill) result.push(drillDiagnostic(finding, drill));
            continue;
        }
        const source = sources.get(finding.anchor.element);
        if (!source) continue;
        const related: RelatedPlace[] = [];
        for (const r of finding.related) {
            const place = sources.get(r.element);
            if (place) related.push({ uri: place.uri, range: place.name, message: r.message });
        }
        // the fields of findingFields written out: no intermediate object and no spread per finding
        const diagnostic: TopoDiagnostic = {
            severity: finding.severity, code: finding.code, message: finding.message, language: false,
            subject: finding.subject, causes: finding.causes, causeCount: finding.causeCount,
            uri: source.uri,
            range: anchorRange(finding, source),
            related
        };
        if (finding.accepted) diagnostic.accepted = finding.accepted;
        if (finding.anchor.target !== undefined) diagnostic.target = finding.anchor.target;
        result.push(diagnostic);
    }
    return result;
}

/** A finding about a drill, on its `expect`; the drill's name related. */
function drillDiagnostic(finding: Finding, drill: DrillSource): TopoDiagnostic {
    return {
        ...findingFields(finding),
        uri: drill.uri,
        range: drill.expects[Number(finding.anchor.target)] ?? drill.name,
        related: [{ uri: drill.uri, range: drill.name, message: `the drill "${finding.anchor.element}"` }]
    };
}

/** What a diagnostic takes from its finding wherever it is placed. */
function findingFields(finding: Finding): Pick<TopoDiagnostic, 'severity' | 'code' | 'message' | 'language' | 'subject' | 'causes' | 'causeCount'> {
    return {
        severity: finding.severity, code: finding.code, message: finding.message, language: false,
        subject: finding.subject, causes: finding.causes, causeCount: finding.causeCount
    };
}

function anchorRange(finding: Finding, source: ElementSource): Range {
    const { part, target } = finding.anchor;
    switch (part) {
        case 'name': return source.name;
        case 'monitors': return (target && source.monitors.get(target)) || source.name;
        case 'dependsOn': return (target && source.dependsOn.get(target)) || source.name;
        case 'accept': return source.accepts[Number(target)] ?? source.name;
        case 'expect': return source.name;
        default: return source.statements[part] ?? source.name;
    }
}
