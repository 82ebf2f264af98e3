/**
 * Hovers: on a service or failure domain (its name or a reference to it) what the analysis says
 * about it; on an `import`, the file it loads; on an `accept`, what it accepts now. See hover-markdown.ts for the texts.
 */
import { URI, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { atCursor } from './cst-position.js';
import { elementMarkdown, importMarkdown } from './hover-markdown.js';
import { drillKeywordMarkdown, elementKindMarkdown, statementMarkdown } from './keyword-hover.js';
import { acceptMarkdown } from './accept-hover.js';
import type { ElementKind } from '../analysis/model.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard } from './log.js';

export class TopoHoverProvider implements HoverProvider {
    /** the client said it runs our commands from links in hovers (initialization option `commandLinks`) */
    private commandLinks = false;

    constructor(private readonly services: TopoLspServices) {
        services.shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as { commandLinks?: unknown } | undefined;
            this.commandLinks = options?.commandLinks === true;
        });
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return guard(`hover in ${document.uri.toString()}`, undefined, () => this.hover(document, params));
    }

    private hover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const at = atCursor(document, params.position);
        if (!at) return undefined;
        const from = document.uri.toString();
        let markdown: string | undefined;
        if (at.kind === 'import') {
            markdown = this.importHover(document, at.node);
        } else if (at.kind === 'keyword') {
            markdown = ast.isDrill(at.node) || ast.isFail(at.node) || ast.isExpect(at.node)
                ? drillKeywordMarkdown(at.node)
                : ast.isElement(at.node)
                ? elementKindMarkdown(at.node.kind as ElementKind)
                : ast.isAccept(at.node)
                    ? acceptMarkdown(this.services.topo.Analysis.viewOf(document), at.node)
                    : statementMarkdown(at.node.$type);
        } else {
            const view = this.services.topo.Analysis.viewOf(document);
            markdown = elementMarkdown(view, at.element.name, from, at.kind === 'reference', { commandLinks: this.commandLinks });
        }
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: at.leaf.range } : undefined;
    }

    private importHover(document: LangiumDocument, node: ast.Import): string | undefined {
        if (typeof node.path !== 'string') return undefined;
        const imports = this.services.imports.Imports;
        const target = imports.resolve(document.uri, node.path);
        const loaded = this.services.shared.workspace.LangiumDocuments.getDocument(target);
        const root = loaded?.parseResult.value;
        const info = loaded ? { elements: ast.isModel(root) ? root.elements.length : 0 } : undefined;
        return importMarkdown(node.path, URI.parse(target.toString()), document.uri.toString(), info, imports.problems.get(target.toString()));
    }
}
