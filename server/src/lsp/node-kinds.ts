/** Symbol and completion kinds per element kind, so outlines and symbol lists tell them apart. */
import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

const SYMBOLS: Record<string, SymbolKind> = {
    region: SymbolKind.Namespace,
    site: SymbolKind.Module,
    infra: SymbolKind.Package,
    service: SymbolKind.Class,
    datastore: SymbolKind.Struct
};

const COMPLETIONS: Record<string, CompletionItemKind> = {
    region: CompletionItemKind.Folder,
    site: CompletionItemKind.Module,
    infra: CompletionItemKind.Interface,
    service: CompletionItemKind.Class,
    datastore: CompletionItemKind.Struct
};

export function symbolKindOf(kind: string | undefined): SymbolKind {
    return SYMBOLS[kind ?? ''] ?? SymbolKind.Object;
}

function elementOf(node: AstNode | AstNodeDescription): ast.Element | undefined {
    const candidate = 'documentUri' in node ? node.node : node;
    return ast.isElement(candidate) ? candidate : undefined;
}

export class TopoNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKindOf(elementOf(node)?.kind);
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETIONS[elementOf(node)?.kind ?? ''] ?? CompletionItemKind.Reference;
    }
}
