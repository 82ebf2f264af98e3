/**
 * Quick fixes of accepted risks:
 * - any finding that an `accept` may name: "Accept this risk…" inserts `accept CODE [from
 *   CAUSES] "REASON: …"` as the last statement of the element's block (a block is opened when
 *   the element has none), indented like the block's statements; the reason is a placeholder to
 *   replace (the validator rejects nothing in it, so the finding turns into a hint at once, and
 *   the placeholder stays visible in the hint's message).
 * - `unused-acceptance`: "Remove this `accept`" (with its line).
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { isAcceptableCode } from '../analysis/acceptances.js';
import * as ast from '../generated/ast.js';
import type { DocumentView } from './document-view.js';
import type { FindingData } from './lsp-diagnostics.js';
import { removeStatement } from './quick-fix-quorum.js';
import { elementNode } from './quick-fix-spof.js';

/** The reason the fix writes, for the user to replace. */
export const PLACEHOLDER_REASON = 'REASON: why this risk is accepted, e.g. a ticket and a plan';

export function acceptFixes(document: LangiumDocument, view: DocumentView, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const code = String(diagnostic.code);
    if (!isAcceptableCode(code) || (diagnostic.data as FindingData | undefined)?.accepted) return [];
    const node = elementNode(document, subject);
    if (!node?.$cstNode) return [];
    // the causes of the element's findings of this code, when every one of them is known
    const findings = view.analysis.findings.filter(f => f.code === code && f.anchor.element === subject);
    const complete = findings.length > 0 && findings.every(f => f.causeCount === f.causes.length && f.causes.length > 0);
    const causes = complete ? [...new Set(findings.flatMap(f => f.causes))].sort() : [];
    const statement = `accept ${code}${causes.length > 0 ? ` from ${causes.join(', ')}` : ''} ${JSON.stringify(PLACEHOLDER_REASON)}`;
    const edit = insertStatement(document, node, statement);
    if (!edit) return [];
    return [{
        title: 'Accept this risk…',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri.toString()]: [edit] } }
    }];
}

export function unusedAcceptanceFixes(document: LangiumDocument, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const node = elementNode(document, subject);
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const statement = node?.statements.find(s => ast.isAccept(s) && s.$cstNode && s.$cstNode.offset === offset);
    if (!statement?.$cstNode) return [];
    return [{
        title: 'Remove this `accept`',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [removeStatement(document, statement.$cstNode, document.textDocument.getText())] } }
    }];
}

/** `statement` as the last line of the element's block, or in a new block after its header. */
function insertStatement(document: LangiumDocument, node: ast.Element, statement: string): TextEdit | undefined {
    const text = document.textDocument.getText();
    const cst = node.$cstNode!;
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const elementIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const position = (offset: number) => document.textDocument.positionAt(offset);
    if (!open || !close) {
        return { range: { start: position(cst.end), end: position(cst.end) }, newText: ` {\n${elementIndent}  ${statement}\n${elementIndent}}` };
    }
    const last = node.statements.filter(s => s.$cstNode).at(-1)?.$cstNode;
    const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
    const closeLineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    const closeAlone = closeLineStart > open.end && text.slice(closeLineStart, close.offset).trim() === '';
    if (last && closeAlone && text.slice(last.end, closeLineStart).trim() === '') {
        // a block written one statement a line: a new line before the `}`
        const indent = indentOf(last.offset);
        return { range: { start: position(closeLineStart), end: position(closeLineStart) }, newText: `${indent}${statement}\n` };
    }
    if (!last && closeAlone) {
        return { range: { start: position(closeLineStart), end: position(closeLineStart) }, newText: `${elementIndent}  ${statement}\n` };
    }
    // `service a { runs on b }` on one line: the block written out, one statement a line
    const inner = node.statements.filter(s => s.$cstNode).map(s => `${elementIndent}  ${s.$cstNode!.text}\n`).join('');
    return {
        range: { start: position(open.offset), end: position(close.end) },
        newText: `{\n${inner}${elementIndent}  ${statement}\n${elementIndent}}`
    };
}
