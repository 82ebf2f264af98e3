/** Reading the linked AST: what a reference resolves to, and where a node (or one of its properties) is written. */
import { GrammarUtils, type AstNode, type Reference } from 'langium';
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
    if (property) {
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (cst) return cst.range;
    }
    return node.$cstNode?.range ?? EMPTY_RANGE;
}
