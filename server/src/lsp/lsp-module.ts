/**
 * The language server's services: the language's own (language/topo-module.ts) plus what only
 * an editor needs — the workspace analysis behind diagnostics, hovers and the custom requests,
 * import loading in the editor, and the LSP providers. The CLI keeps using `createTopoServices`,
 * so none of this changes what `topo check` reports.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from '../generated/module.js';
import { TopoModule, type TopoServices } from '../language/topo-module.js';
import { TopoFormatter } from '../language/topo-formatter.js';
import { registerTopoChecks } from '../language/topo-validator.js';
import { TopoCodeActionProvider } from './code-actions.js';
import { TopoCodeLensProvider } from './code-lens.js';
import { TopoCompletionProvider } from './completion-provider.js';
import { TopoConfigurationProvider } from './configuration.js';
import { TopoDefinitionProvider } from './definition-provider.js';
import { TopoDocumentBuilder } from './document-builder.js';
import { TopoDocumentFactory } from './document-factory.js';
import { TopoDocumentSymbolProvider } from './document-symbols.js';
import { TopoDocumentUpdateHandler } from './document-update-handler.js';
import { TopoDocumentValidator } from './document-validator.js';
import { TopoHoverProvider } from './hover-provider.js';
import { TopoNodeKindProvider } from './node-kinds.js';
import { TopoRenameProvider } from './rename-provider.js';
import { TopoSemanticTokenProvider } from './semantic-tokens.js';
import { WorkspaceAnalysis } from './workspace-analysis.js';
import { TopoLanguageServer } from './language-server.js';
import { TopoWorkspaceManager } from './workspace-manager.js';
import { TopoWorkspaceSymbolProvider } from './workspace-symbols.js';

export interface TopoLspAddedServices {
    topo: {
        Analysis: WorkspaceAnalysis;
    };
}

export type TopoLspServices = TopoServices & TopoLspAddedServices;

export const TopoLspModule: Module<TopoLspServices, PartialLangiumServices & TopoLspAddedServices> = {
    topo: {
        Analysis: services => new WorkspaceAnalysis(services)
    },
    validation: {
        DocumentValidator: services => new TopoDocumentValidator(services)
    },
    lsp: {
        HoverProvider: services => new TopoHoverProvider(services),
        DefinitionProvider: services => new TopoDefinitionProvider(services),
        RenameProvider: services => new TopoRenameProvider(services),
        DocumentSymbolProvider: () => new TopoDocumentSymbolProvider(),
        SemanticTokenProvider: services => new TopoSemanticTokenProvider(services),
        // editing help: docs/editing.md
        CompletionProvider: services => new TopoCompletionProvider(services),
        Formatter: () => new TopoFormatter(),
        CodeActionProvider: services => new TopoCodeActionProvider(services),
        CodeLensProvider: services => new TopoCodeLensProvider(services)
    }
};

export const TopoLspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: shared => new TopoDocumentBuilder(shared),
        WorkspaceManager: shared => new TopoWorkspaceManager(shared),
        LangiumDocumentFactory: shared => new TopoDocumentFactory(shared),
        ConfigurationProvider: shared => new TopoConfigurationProvider(shared)
    },
    lsp: {
        LanguageServer: shared => new TopoLanguageServer(shared),
        DocumentUpdateHandler: shared => new TopoDocumentUpdateHandler(shared),
        NodeKindProvider: () => new TopoNodeKindProvider(),
        WorkspaceSymbolProvider: shared => new TopoWorkspaceSymbolProvider(shared)
    }
};

/** Mirrors `createTopoServices` (language/topo-module.ts), with the modules above added last. */
export function createTopoLanguageServerServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Topo: TopoLspServices } {
    const shared = inject(createDefaultSharedModule(context), TopoGeneratedSharedModule, TopoLspSharedModule);
    const Topo = inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule, TopoLspModule) as TopoLspServices;
    shared.ServiceRegistry.register(Topo);
    registerTopoChecks(Topo);
    return { shared, Topo };
}
