/**
 * A document's diagnostics in the editor: the language's own errors (with topo's codes and a link
 * to the reference) plus the analysis findings anchored in it, taken from the workspace analysis
 * that is computed once per build (see workspace-analysis.ts), with the user's severities.
 */
import { DefaultDocumentValidator, OperationCancelled, isOperationCancelled, type LangiumDocument, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import type { TopoConfigurationProvider } from './configuration.js';
import { findingDiagnostic, languageDiagnostic } from './lsp-diagnostics.js';
import type { TopoLspServices } from './lsp-module.js';
import { debugThrow } from './debug.js';
import { logger } from './log.js';

export class TopoDocumentValidator extends DefaultDocumentValidator {
    constructor(private readonly services: TopoLspServices) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const diagnostics = (await super.validateDocument(document, options, cancelToken)).map(languageDiagnostic);
        // findings belong to the default pass; a later pass for other categories must not add them twice
        if (options.categories && !options.categories.includes('fast')) return diagnostics;
        try {
            debugThrow(`findings for ${document.uri.toString()}`);
            const config = this.services.shared.workspace.ConfigurationProvider as TopoConfigurationProvider;
            const overrides = await config.severityOverrides();
            // a newer edit may have arrived meanwhile: its build replaces this one
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            for (const finding of this.services.topo.Analysis.findingsFor(document)) {
                const diagnostic = findingDiagnostic(finding, overrides.get(finding.code));
                if (diagnostic) diagnostics.push(diagnostic);
            }
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            logger.error(`findings for ${document.uri.toString()}`, error);
        }
        return diagnostics;
    }
}
