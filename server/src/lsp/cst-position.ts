/**
 * What the cursor is on: an element's declared name, a reference to an element, or an import.
 */
import { CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

export type AtCursor =
    | { kind: 'declaration'; element: ast.Element; leaf: CstNode }
    | { kind: 'reference'; element: ast.Element; leaf: CstNode }
    | { kind: 'import'; node: ast.Import; leaf: CstNode }
    /** a keyword of a statement, the kind that starts an element's declaration, or `drill`, `fail`, `expect` */
    | { kind: 'keyword'; node: ast.Statement | ast.Element | ast.Drill | ast.DrillStep; leaf: CstNode };

/** Names may contain `-`; any character of an identifier counts as part of the name. */
export const NAME_CHARACTER = /^[a-zA-Z0-9_-]$/;

export function atCursor(document: LangiumDocument, position: Position): AtCursor | undefined {
    const root = document.parseResult?.value?.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, NAME_CHARACTER);
    if (!leaf || leaf.hidden) return undefined;
    const node = leaf.astNode;
    if (ast.isImport(node)) return { kind: 'import', node, leaf };
    if (GrammarAST.isKeyword(leaf.grammarSource) && (ast.isStatement(node) || (ast.isElement(node) && leaf.text === node.kind))) {
        return { kind: 'keyword', node, leaf };
    }
    if (GrammarAST.isKeyword(leaf.grammarSource) && (ast.isDrill(node) || ast.isFail(node) || ast.isExpect(node))) {
        return { kind: 'keyword', node, leaf };
    }
    if (ast.isElement(node)) {
        const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (nameNode && contains(nameNode, leaf)) return { kind: 'declaration', element: node, leaf: nameNode };
    }
    const target = referenceTarget(node, leaf);
    if (target) return { kind: 'reference', element: target, leaf };
    // the code, reason or date of an `accept`: the statement's hover
    return ast.isAccept(node) ? { kind: 'keyword', node, leaf } : undefined;
}

function contains(outer: CstNode, inner: CstNode): boolean {
    return outer.offset <= inner.offset && inner.end <= outer.end;
}

/** The element a reference leaf points at (undefined when unresolved or not a reference). */
function referenceTarget(node: AstNode, leaf: CstNode): ast.Element | undefined {
    const refs: Array<{ $refNode?: CstNode; ref?: ast.Element }> = [];
    if (ast.isElement(node) && node.container) refs.push(node.container);
    else if (ast.isDeployment(node)) refs.push(node.domain);
    else if (ast.isSingleTerm(node)) refs.push(node.target);
    else if (ast.isAnyTerm(node) || ast.isCountTerm(node)) refs.push(...node.members);
    else if (ast.isUses(node) || ast.isMonitors(node) || ast.isBackupOn(node)) refs.push(...node.targets);
    else if (ast.isAccept(node)) refs.push(...node.causes);
    for (const ref of refs) {
        if (ref.$refNode && contains(ref.$refNode, leaf)) return ref.ref;
    }
    return undefined;
}
