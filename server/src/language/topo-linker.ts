/**
 * Unresolved references say what was looked for and, when the name exists in a file that is
 * not imported, which import would bring it in.
 */
import { AstUtils, DefaultLinker, UriUtils, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import type { TopoServices } from './topo-module.js';
import type { NameIndex } from './topo-scope.js';

export class TopoLinker extends DefaultLinker {
    private readonly index: NameIndex;

    constructor(services: TopoServices) {
        super(services);
        this.index = services.imports.NameIndex;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const name = refInfo.reference.$refText;
        const elsewhere = this.index.declarations(name)[0];
        let message = `\`${name}\` is not declared in this file or in anything it imports.`;
        if (elsewhere) {
            const here = AstUtils.getDocument(refInfo.container).uri;
            const path = UriUtils.relative(UriUtils.dirname(here), elsewhere.description.documentUri);
            message = `\`${name}\` is declared in ${path}, which this file does not import: add \`import "${path}"\`.`;
        }
        return { info: refInfo, message, targetDescription };
    }
}
