/**
 * Remembers which version of the editor's text each document was parsed from, so that every
 * publish of diagnostics can say which version it describes (the text document itself moves on
 * while a build is running).
 */
import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type Mutable } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

export class TopoDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly versions = new WeakMap<LangiumDocument, number>();

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // read before parsing: the text document may change while the parse is awaited
        const version = this.textDocuments?.get(document.uri.toString())?.version;
        const result = await super.update(document, cancellationToken);
        if (version === undefined) this.versions.delete(document);
        else this.versions.set(document, version);
        return result;
    }

    /** The editor version the document was last parsed from; undefined when it was read from disk. */
    parsedVersion(document: LangiumDocument): number | undefined {
        return this.versions.get(document);
    }
}
