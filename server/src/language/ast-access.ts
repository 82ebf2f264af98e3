/** Reading the linked AST: what a reference resolves to, and where a node (or one of its properties) is written. */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode, type Reference } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type * as ast from '../generated/ast.js';

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The element a reference resolves to, when it resolves to a named one. */
export function target(ref: Reference<ast.Element> | undefined): ast.Element | undefined {
    const t = ref?.ref;
    return t && t.name ? t : undefined;
}

/** Where `property` of `node` is written, else the whole node (an empty range at the start when it has no text). */
export function rangeOf(node: AstNode, property?: string): Range {
    if (property && node.$cstNode) {
        const cst = firstNodeForProperty(node.$cstNode, property, node, true);
        if (cst) return cst.range;
    }
    return node.$cstNode?.range ?? EMPTY_RANGE;
}

/**
 * Langium's `GrammarUtils.findNodeForProperty` (the first CST node assigned to `property` within
 * the node's own text), stopping at the first: Langium's collects every match first, which
 * building a large model's positions (one name per element) paid for.
 */
function firstNodeForProperty(cst: CstNode, property: string, element: AstNode, top: boolean): CstNode | undefined {
    if (!top && AstUtils.getContainerOfType(cst.grammarSource, GrammarAST.isAssignment)?.feature === property) return cst;
    if (isCompositeCstNode(cst) && cst.astNode === element) {
        for (const child of cst.content) {
            const found = firstNodeForProperty(child, property, element, false);
            if (found) return found;
        }
    }
    return undefined;
}
