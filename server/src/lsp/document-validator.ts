/**
 * A document's diagnostics in the editor: the language's own errors (with topo's codes and a link
 * to the reference) plus the analysis findings anchored in it, taken from the workspace analysis
 * that is computed once per build (see workspace-analysis.ts), with the user's severities.
 */
import { DefaultDocumentValidator, OperationCancelled, UriUtils, isOperationCancelled, type LangiumDocument, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TopoConfigurationProvider } from './configuration.js';
import { findingDiagnostic, languageDiagnostic } from './lsp-diagnostics.js';
import type { TopoLspServices } from './lsp-module.js';
import { debugThrow, PROGRESS_AFTER_MS } from './debug.js';
import { logger } from './log.js';
import { dirname } from 'node:path';

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
            const overrides = await config.severityOverrides(document.uri.scheme === 'file' ? dirname(document.uri.fsPath) : undefined);
            // a newer edit may have arrived meanwhile: its build replaces this one
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            const analysis = this.services.topo.Analysis;
            const progress = await this.progressFor(document);
            if (cancelToken.isCancellationRequested) {
                progress?.done();
                throw OperationCancelled;
            }
            try {
                for (const finding of analysis.findingsFor(document)) {
                    const diagnostic = findingDiagnostic(finding, overrides.get(finding.code));
                    if (diagnostic) diagnostics.push(diagnostic);
                }
            } finally {
                progress?.done();
            }
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            logger.error(`findings for ${document.uri.toString()}`, error);
        }
        return diagnostics;
    }

    /**
     * Work-done progress ("Analysing 101 files…") when the analysis this document needs is
     * expected to take a while (`PROGRESS_AFTER_MS`): the client shows it while the server is busy.
     */
    private async progressFor(document: LangiumDocument): Promise<WorkDoneProgressServerReporter | undefined> {
        const analysis = this.services.topo.Analysis;
        const expected = analysis.expectedMs(document);
        if (expected <= 0 || expected < PROGRESS_AFTER_MS) return undefined;
        const connection = this.services.shared.lsp.Connection;
        if (!connection) return undefined;
        const files = this.services.imports.Imports.closure(document).size;
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin('topo', undefined, `analysing ${UriUtils.basename(document.uri)} with its imports (${files} file${files === 1 ? '' : 's'})…`, false);
        return progress;
    }
}
