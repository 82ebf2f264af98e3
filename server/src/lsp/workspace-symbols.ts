/** Workspace symbols: every declared element, with its kind and container (`in`). */
import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

export class TopoWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const node = description.node;
        if (symbol && ast.isElement(node)) {
            const parts = [node.kind, node.label, node.container ? `in ${node.container.$refText}` : undefined].filter(Boolean);
            symbol.containerName = parts.join(' · ');
        }
        return symbol;
    }
}
