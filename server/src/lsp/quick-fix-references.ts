/**
 * Quick fixes of references:
 * - `unresolved-reference`: "Add import of <file>" for each file that declares the name and that
 *   this file does not import (the preferred fix), then the closest names the file sees of the kind
 *   the position accepts ("Change to `pangyo`");
 * - `wrong-kind`: the elements of the kind the position accepts, closest to what is written first
 *   ("Change to `pangyo` (site)"), at most MAX_REPLACEMENTS.
 */
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TopoServices } from '../language/topo-module.js';
import { byCloseness, candidates, closestNames, importEdit, importPath, referenceAt, type ReferenceAt } from './quick-fix-edits.js';

export const MAX_CLOSEST = 3;
export const MAX_REPLACEMENTS = 10;

export function unresolvedReferenceFixes(services: TopoServices, document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const at = referenceOf(document, diagnostic);
    if (!at) return [];
    const name = at.reference.$refText;
    const actions: CodeAction[] = [];
    const closure = services.imports.Imports.closure(document);
    const files = new Map<string, string>();
    for (const d of services.imports.NameIndex.declarations(name)) {
        if (closure.has(d.uri) || files.has(d.uri)) continue;
        files.set(d.uri, importPath(document.uri, d.description.documentUri));
    }
    for (const path of [...files.values()].sort()) {
        actions.push(fix(`Add import of ${path}`, document, diagnostic, importEdit(document, path), actions.length === 0));
    }
    const seen = candidates(services, document, at.kinds, false).filter(c => c.name !== at.element?.name);
    for (const c of closestNames(name, seen, MAX_CLOSEST)) {
        actions.push(fix(`Change to \`${c.name}\``, document, diagnostic, replace(document, at, c.name), actions.length === 0));
    }
    return actions;
}

export function wrongKindFixes(services: TopoServices, document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const at = referenceOf(document, diagnostic);
    if (!at || at.kinds.length === 0) return [];
    const written = at.reference.$refText;
    const right = candidates(services, document, at.kinds, false).filter(c => c.name !== at.element?.name && c.name !== written);
    return byCloseness(written, right).slice(0, MAX_REPLACEMENTS).map((c, i) =>
        fix(`Change to \`${c.name}\` (${c.kind})`, document, diagnostic, replace(document, at, c.name), i === 0));
}

function referenceOf(document: LangiumDocument, diagnostic: Diagnostic): ReferenceAt | undefined {
    return referenceAt(document, document.textDocument.offsetAt(diagnostic.range.start));
}

function replace(document: LangiumDocument, at: ReferenceAt, name: string): TextEdit {
    return { range: at.node.range, newText: name };
}

function fix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edit: TextEdit, preferred: boolean): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [document.uri.toString()]: [edit] } }
    };
}
