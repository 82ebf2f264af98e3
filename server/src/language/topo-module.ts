/**
 * The table of contents of the language: which class plays which role.
 */
import {
    inject, type Module
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from '../generated/module.js';
import { TopoImports } from './topo-imports.js';
import { createTopoParser } from './topo-parser.js';
import { TopoSyntaxMessages } from './syntax-messages.js';
import { NameIndex, TopoScopeComputation, TopoScopeProvider } from './topo-scope.js';
import { TopoLinker } from './topo-linker.js';
import { registerTopoChecks } from './topo-validator.js';

export interface TopoAddedServices {
    imports: {
        Imports: TopoImports;
        NameIndex: NameIndex;
    };
}

export type TopoServices = LangiumServices & TopoAddedServices;

export const TopoModule: Module<TopoServices, PartialLangiumServices & TopoAddedServices> = {
    imports: {
        Imports: (services) => new TopoImports(services.shared),
        NameIndex: (services) => new NameIndex(services)
    },
    parser: {
        LangiumParser: (services) => createTopoParser(services),
        ParserErrorMessageProvider: () => new TopoSyntaxMessages()
    },
    references: {
        ScopeComputation: (services) => new TopoScopeComputation(services),
        ScopeProvider: (services) => new TopoScopeProvider(services),
        Linker: (services) => new TopoLinker(services)
    }
};

/**
 * The services. `batch`: for one-shot runs (the CLI, the benchmark), which never ask for the
 * references to an element: no reference index is built (it serves find-references and rename
 * in editors, and costs as much as linking on a large workspace).
 */
export function createTopoServices(
    context: DefaultSharedModuleContext, options: { batch?: boolean } = {}
): { shared: LangiumSharedServices; Topo: TopoServices } {
    const shared = inject(createDefaultSharedModule(context), TopoGeneratedSharedModule);
    const Topo = options.batch
        ? inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule, BatchModule)
        : inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule);
    shared.ServiceRegistry.register(Topo);
    registerTopoChecks(Topo);
    return { shared, Topo };
}

/** No reference index (see `createTopoServices`). */
const BatchModule: Module<TopoServices, PartialLangiumServices> = {
    workspace: {
        ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] })
    }
};
