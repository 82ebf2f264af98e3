/**
 * Rename an element everywhere it is named, across files. Refused, with a message that says
 * why, when the new name is not a name, is a keyword, or is already declared where the element
 * is seen (it would become a duplicate).
 */
import { AstUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import type * as ast from '../generated/ast.js';
import { isReserved } from '../language/keywords.js';
import { atCursor } from './cst-position.js';
import { relative } from './hover-markdown.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard } from './log.js';

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

export class TopoRenameProvider extends DefaultRenameProvider {
    constructor(private readonly topo: TopoLspServices) {
        super(topo);
    }

    override rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        return guard(`rename in ${document.uri.toString()}`, undefined, async () => {
            const at = atCursor(document, params.position);
            if (!at || at.kind === 'import' || at.kind === 'keyword') return undefined;
            const oldName = at.element.name;
            const newName = params.newName;
            if (newName === oldName) return { changes: {} };
            this.refuseIfWrong(at.element, oldName, newName, document);
            return super.rename(document, params, cancelToken);
        });
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Promise<Range | undefined> {
        return guard(`prepare rename in ${document.uri.toString()}`, undefined, () => {
            const at = atCursor(document, params.position);
            return at && (at.kind === 'declaration' || at.kind === 'reference') ? at.leaf.range : undefined;
        });
    }

    private refuseIfWrong(element: ast.Element, oldName: string, newName: string, from: LangiumDocument): void {
        const refuse = (why: string) => {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `Cannot rename \`${oldName}\` to \`${newName}\`: ${why}`);
        };
        if (!NAME.test(newName)) refuse('a name starts with a letter and has only letters, digits, `-` and `_`.');
        if (isReserved(newName)) refuse(`\`${newName}\` is a keyword and cannot be used as a name.`);
        const declarations = this.topo.imports.NameIndex.declarations(newName);
        if (declarations.length === 0) return;
        // a clash matters where both are seen: in any file whose import closure holds both
        const home = AstUtils.getDocument(element).uri.toString();
        const imports = this.topo.imports.Imports;
        for (const document of this.topo.shared.workspace.LangiumDocuments.all) {
            const closure = imports.closure(document);
            if (!closure.has(home)) continue;
            const clash = declarations.find(d => closure.has(d.uri));
            if (!clash) continue;
            const where = `${relative(from.uri.toString(), clash.uri)}:${(clash.description.nameSegment?.range.start.line ?? 0) + 1}`;
            const seenBy = document.uri.toString() === home || document.uri.toString() === clash.uri ? '' : `, and ${relative(from.uri.toString(), document.uri.toString())} sees both`;
            refuse(`\`${newName}\` is already declared in ${where}${seenBy}. Names are unique across the model.`);
        }
    }
}

