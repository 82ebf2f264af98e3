/**
 * The outline of a file: regions ▸ sites ▸ infra, nested by `in` when the container is declared
 * in the same file, and services and datastores; each with its kind and label as detail.
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { guard } from './log.js';
import { symbolKindOf } from './node-kinds.js';

export class TopoDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): Promise<DocumentSymbol[]> {
        return guard(`outline of ${document.uri.toString()}`, [], () => symbolsOf(document));
    }
}

function symbolsOf(document: LangiumDocument): DocumentSymbol[] {
    const model = document.parseResult.value;
    if (!ast.isModel(model)) return [];
    const symbols = new Map<ast.Element, DocumentSymbol>();
    for (const element of model.elements) {
        const cst = element.$cstNode;
        if (!element.name || !cst) continue;
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
        symbols.set(element, {
            name: element.name,
            detail: element.label ? `${element.kind} · ${element.label}` : element.kind,
            kind: symbolKindOf(element.kind),
            range: cst.range,
            selectionRange: nameNode?.range ?? cst.range,
            children: []
        });
    }
    const roots: DocumentSymbol[] = [];
    for (const [element, symbol] of symbols) {
        const parent = containerInFile(element, symbols);
        if (parent) parent.children!.push(symbol);
        else roots.push(symbol);
    }
    return roots;
}

/** The symbol of the element's container when it is in this file and `in` does not loop. */
function containerInFile(element: ast.Element, symbols: Map<ast.Element, DocumentSymbol>): DocumentSymbol | undefined {
    const container = element.container?.ref;
    if (!container || !symbols.has(container)) return undefined;
    const seen = new Set<ast.Element>([element]);
    for (let up: ast.Element | undefined = container; up; up = up.container?.ref) {
        if (seen.has(up)) return undefined; // a containment cycle (an error): keep both at the top
        seen.add(up);
        if (!symbols.has(up)) break;
    }
    return symbols.get(container);
}
