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
        LangiumParser: (services) => createTopoParser(services)
    },
    references: {
        ScopeComputation: (services) => new TopoScopeComputation(services),
        ScopeProvider: (services) => new TopoScopeProvider(services),
        Linker: (services) => new TopoLinker(services)
    }
};

export function createTopoServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Topo: TopoServices } {
    const shared = inject(createDefaultSharedModule(context), TopoGeneratedSharedModule);
    const Topo = inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule);
    shared.ServiceRegistry.register(Topo);
    registerTopoChecks(Topo);
    return { shared, Topo };
}



