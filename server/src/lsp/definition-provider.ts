/**
 * Go to definition: on a reference, the element it names (Langium's default); on an `import`,
 * the imported file.
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import { LocationLink, type CancellationToken, type DefinitionParams } from 'vscode-languageserver';
import { atCursor } from './cst-position.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard } from './log.js';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class TopoDefinitionProvider extends DefaultDefinitionProvider {
    constructor(private readonly topo: TopoLspServices) {
        super(topo);
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): Promise<LocationLink[] | undefined> {
        return guard(`definition in ${document.uri.toString()}`, undefined, async () => {
            const at = atCursor(document, params.position);
            if (at?.kind === 'import' && typeof at.node.path === 'string') {
                const target = this.topo.imports.Imports.resolve(document.uri, at.node.path);
                if (!this.topo.shared.workspace.LangiumDocuments.hasDocument(target)) return undefined;
                const origin = GrammarUtils.findNodeForProperty(at.node.$cstNode, 'path')?.range ?? at.leaf.range;
                return [LocationLink.create(target.toString(), START, START, origin)];
            }
            return super.getDefinition(document, params, cancelToken);
        });
    }
}
