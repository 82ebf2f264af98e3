/**
 * Closing a file in the editor without saving leaves the model with text that is not on disk:
 * rebuild it from disk then (Langium's default only reacts to opens, changes and saves).
 */
import { URI, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

export class TopoDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }
}
