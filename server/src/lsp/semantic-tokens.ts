/**
 * Semantic tokens: every declared name and every reference coloured by the kind of element it
 * names (region, site, infra, service, datastore), declarations marked as such; `tier`,
 * `replication` and infra `kind` values as enum members.
 */
import type { AstNode, Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** The token type of each element kind (standard types, so every theme colours them). */
export const KIND_TOKEN: Record<string, string> = {
    region: SemanticTokenTypes.namespace,
    site: SemanticTokenTypes.type,
    infra: SemanticTokenTypes.interface,
    service: SemanticTokenTypes.class,
    datastore: SemanticTokenTypes.struct
};

export class TopoSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        try {
            this.highlight(node, acceptor);
        } catch {
            // a half-typed node: leave it to the TextMate grammar
        }
    }

    private highlight(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isElement(node)) {
            const type = KIND_TOKEN[node.kind];
            if (node.name && type) acceptor({ node, property: 'name', type, modifier: SemanticTokenModifiers.declaration });
            if (node.container) reference(acceptor, node, 'container', node.container);
        } else if (ast.isDeployment(node)) {
            reference(acceptor, node, 'domain', node.domain);
        } else if (ast.isSingleTerm(node)) {
            reference(acceptor, node, 'target', node.target);
        } else if (ast.isAnyTerm(node) || ast.isCountTerm(node)) {
            node.members.forEach((member, index) => reference(acceptor, node, 'members', member, index));
        } else if (ast.isUses(node) || ast.isMonitors(node) || ast.isBackupOn(node)) {
            node.targets.forEach((target, index) => reference(acceptor, node, 'targets', target, index));
        } else if (ast.isTier(node) || ast.isInfraKind(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.enumMember });
        } else if (ast.isReplication(node)) {
            acceptor({ node, property: 'mode', type: SemanticTokenTypes.enumMember });
        } else if (ast.isPolicy(node) && node.tier) {
            acceptor({ node, property: 'tier', type: SemanticTokenTypes.enumMember });
        }
    }
}

function reference<N extends AstNode>(acceptor: SemanticTokenAcceptor, node: N, property: string, ref: Reference<ast.Element>, index?: number): void {
    const type = ref.ref ? KIND_TOKEN[ref.ref.kind] : undefined;
    if (type) acceptor({ node, property: property as never, index, type });
}
