/**
 * Code lenses over each service and datastore: one per nearest single point of failure —
 * "down if pangyo fails · 43.2M users" (the users of that domain's blast radius, as the file sees
 * it) — or "no single point of failure" (or "never up"). Clicking a SPOF lens runs the command
 * `topo.simulateFailure` with the file's URI and that domain; the VS Code extension implements it
 * (it shows the simulation in the preview), other editors may ignore it. The other lenses carry
 * no command (an empty one: shown, not clickable). Over each drill, "Run drill" runs the same
 * command with the drill's failure set.
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
import type { ClosureAnalysis } from './closure-analysis.js';
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
        lenses.push(...drillLenses(root, uri, view.analysis));
        return lenses;
    }
}

/**
 * "Run drill" over each drill of the file (not one that does not read): the same command as a
 * SPOF lens, with the drill's failure set, so the editor shows its simulation in the preview. The
 * title says whether its `expect`s hold.
 */
function drillLenses(root: ast.Model, uri: string, analysis: ClosureAnalysis): CodeLens[] {
    const lenses: CodeLens[] = [];
    for (const node of root.drills) {
        const drill = node.name ? analysis.built.model.drills?.find(d => d.name === node.name) : undefined;
        const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!drill || drill.incomplete || !nameNode || analysis.built.drills?.get(drill.name)?.uri !== uri) continue;
        const failing = analysis.findings.filter(f => f.code === 'drill-failed' && f.anchor.element === drill.name).length;
        lenses.push({
            range: nameNode.range,
            command: {
                title: `Run drill · ${failing === 0 ? 'every expect holds' : `${failing} of ${drill.expects.length} expects fail`}`,
                command: SIMULATE_COMMAND,
                arguments: [uri, drill.fail]
            }
        });
    }
    return lenses;
}
