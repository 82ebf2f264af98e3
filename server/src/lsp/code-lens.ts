/**
 * Code lenses over each service and datastore: one per nearest single point of failure —
 * "down if pangyo fails · 43.2M users" (the users of that domain's blast radius, as the file sees
 * it) — or "no single point of failure" (or "never up"). Clicking a SPOF lens runs the command
 * `topo.simulateFailure` with the file's URI and that domain; the VS Code extension implements it
 * (it shows the simulation in the preview), other editors may ignore it. The other lenses carry
 * no command (an empty one: shown, not clickable).
 *
 * An analysis of another file of the closure changes the lenses too, so after each analysed batch
 * the server asks the client to refresh them (when it says it can).
 */
import { DocumentState, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { formatUsers } from '../common/format.js';
import * as ast from '../generated/ast.js';
import { SERVICE_KINDS } from '../language/element-rules.js';
import type { ElementKind } from '../analysis/model.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard, logger } from './log.js';

export const SIMULATE_COMMAND = 'topo.simulateFailure';

export class TopoCodeLensProvider implements CodeLensProvider {
    private refreshSupported = false;

    constructor(private readonly services: TopoLspServices) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            this.refreshSupported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            if (!this.refreshSupported) return;
            shared.lsp.Connection?.sendRequest('workspace/codeLens/refresh')
                .catch(error => logger.error('asking the client to refresh code lenses', error));
        });
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[] | undefined> {
        return guard(`code lens in ${document.uri.toString()}`, undefined, () => this.lenses(document));
    }

    private lenses(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!ast.isModel(root)) return [];
        const uri = document.uri.toString();
        const view = this.services.topo.Analysis.viewOf(document);
        const analysis = view.analysis;
        const lenses: CodeLens[] = [];
        for (const element of root.elements) {
            if (!element.name || !SERVICE_KINDS.includes(element.kind as ElementKind)) continue;
            if (analysis.uriOf(element.name) !== uri) continue; // a duplicate: the first declaration is analysed
            const report = analysis.services.get(element.name);
            const nameNode = GrammarUtils.findNodeForProperty(element.$cstNode, 'name');
            if (!report || !nameNode) continue;
            const range = nameNode.range;
            if (report.neverUp) {
                lenses.push({ range, command: { title: 'never up: down even with nothing failed', command: '' } });
            } else if (report.spofs.length === 0) {
                lenses.push({ range, command: { title: 'no single point of failure', command: '' } });
            } else {
                for (const domain of report.nearest) {
                    const blast = analysis.domains.get(domain);
                    const users = blast ? view.users([...view.only(blast.down), ...view.only(blast.degraded)]) : 0;
                    lenses.push({
                        range,
                        command: {
                            title: `down if ${domain} fails · ${formatUsers(users)} users`,
                            command: SIMULATE_COMMAND,
                            arguments: [uri, domain]
                        }
                    });
                }
            }
        }
        return lenses;
    }
}
