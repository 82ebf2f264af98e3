/**
 * Quick fixes of `quorum`:
 * - `never-up` because the quorum exceeds the service's replicas: "Lower quorum to N" (N, its
 *   replica count). Offered only when that is all that keeps it down: its deployments are on
 *   domains that are up and its hard dependencies hold with nothing failed.
 * - `quorum-unplaced`: "Remove `quorum`" (with its line, or with the block when it is all the
 *   block holds).
 */
import { GrammarUtils, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { elementNode } from './quick-fix-spof.js';
import type { DocumentView } from './document-view.js';

export function neverUpFixes(document: LangiumDocument, view: DocumentView, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const analysis = view.analysis;
    const service = analysis.elements.get(subject);
    const node = elementNode(document, subject);
    if (!service || !node || service.quorum === undefined) return [];
    const total = service.deployments.reduce((sum, d) => sum + d.replicas, 0);
    if (total < 1 || service.quorum <= total) return [];
    const baseline = analysis.simulate([], { light: true });
    if (!baseline) return [];
    const down = new Set([...baseline.down, ...baseline.domainsDown]);
    if (service.deployments.some(d => down.has(d.domain))) return [];
    if (!service.dependsOn.every(t => t.members.filter(m => !down.has(m)).length >= t.k)) return [];
    const quorum = node.statements.filter(ast.isQuorum).at(-1);
    const value = quorum && GrammarUtils.findNodeForProperty(quorum.$cstNode, 'value');
    if (!value) return [];
    return [{
        title: `Lower quorum to ${total} (the replica count of ${subject})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: [{ range: value.range, newText: String(total) }] } }
    }];
}

export function quorumUnplacedFixes(document: LangiumDocument, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const node = elementNode(document, subject);
    if (!node) return [];
    const quorums = node.statements.filter(ast.isQuorum).filter(q => q.$cstNode);
    if (quorums.length === 0) return [];
    const text = document.textDocument.getText();
    let edits: TextEdit[];
    if (quorums.length === node.statements.length && blockHoldsOnly(node, text)) {
        edits = [removeBlock(document, node, text)].filter((e): e is TextEdit => e !== undefined);
    } else {
        edits = quorums.map(q => removeStatement(document, q.$cstNode!, text));
    }
    if (edits.length === 0) return [];
    return [{
        title: 'Remove `quorum`',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [document.uri.toString()]: edits } }
    }];
}

/** No comments inside the block: dropping it loses nothing. */
function blockHoldsOnly(node: ast.Element, text: string): boolean {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
    if (!open || !close) return false;
    return !/\/\/|\/\*/.test(text.slice(open.end, close.offset));
}

/** `service a { quorum 2 }` → `service a` */
function removeBlock(document: LangiumDocument, node: ast.Element, text: string): TextEdit | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
    if (!open || !close) return undefined;
    let start = open.offset;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { range: { start: document.textDocument.positionAt(start), end: close.range.end }, newText: '' };
}

/** The statement with its line when it stands alone on it, else with the spaces after it. */
export function removeStatement(document: LangiumDocument, cst: CstNode, text: string): TextEdit {
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    let lineEnd = text.indexOf('\n', cst.end);
    if (lineEnd < 0) lineEnd = text.length;
    const alone = text.slice(lineStart, cst.offset).trim() === '' && text.slice(cst.end, lineEnd).trim() === '';
    let start = cst.offset;
    let end = cst.end;
    if (alone) {
        start = lineStart;
        end = Math.min(text.length, lineEnd + 1);
    } else {
        while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    }
    const position = document.textDocument.positionAt.bind(document.textDocument);
    return { range: { start: position(start), end: position(end) }, newText: '' };
}
