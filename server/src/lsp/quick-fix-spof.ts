/**
 * The quick fix of `spof`: "Add a standby deployment on <site>".
 *
 * Offered for each site the file sees that no SPOF of the service brings down (and that is up with
 * nothing failed), so that the standby survives every one of them; nearest first (fewest
 * containment steps to a site the service runs on, then by name), at most MAX_SITES. The standby
 * has max(the service's replicas, its `capacity`) replicas: at least its quorum (its replicas reach
 * it, as the service is up with nothing failed) and enough to carry the load.
 *
 * A standby only helps when the service dies of its placement. When some SPOF takes a hard
 * dependency down (talk → auth → runs only on pangyo), no deployment of the service removes it, and
 * no fix is offered: every fix offered removes the diagnostic. (Adding replicas never takes
 * anything down, so no new SPOF can appear.)
 */
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Element, Term } from '../analysis/model.js';
import * as ast from '../generated/ast.js';
import type { ClosureAnalysis } from './closure-analysis.js';
import type { DocumentView } from './document-view.js';

export const MAX_SITES = 10;

export function spofFixes(document: LangiumDocument, view: DocumentView, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const analysis = view.analysis;
    const report = analysis.services.get(subject);
    const service = analysis.elements.get(subject);
    const node = elementNode(document, subject);
    if (!report || !service || !node || report.neverUp || report.spofs.length === 0) return [];
    const runsOn = node.statements.filter(ast.isRunsOn).filter(s => s.deployments.length > 0 && s.$cstNode);
    if (runsOn.length === 0 || service.deployments.length === 0) return [];

    // every SPOF must kill the service through its placement only
    const brought = new Set<string>();
    for (const d of report.spofs) {
        const state = analysis.simulate([d], { light: true });
        if (!state) return [];
        const down = new Set([...state.down, ...state.domainsDown]);
        if (!service.dependsOn.every(term => holds(term, down))) return [];
        state.domainsDown.forEach(x => brought.add(x));
    }
    const baseline = analysis.simulate([], { light: true });
    const neverUp = new Set(baseline ? baseline.domainsDown : []);

    const sites = [...analysis.elements.values()]
        .filter(e => e.kind === 'site' && view.sees(e.name) && !brought.has(e.name) && !neverUp.has(e.name));
    const placed = service.deployments.map(d => d.domain);
    const ranked = sites
        .map(site => ({ site: site.name, distance: Math.min(...placed.map(p => containmentDistance(analysis, site.name, p))) }))
        .sort((a, b) => a.distance - b.distance || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0))
        .slice(0, MAX_SITES);

    const total = service.deployments.reduce((sum, d) => sum + d.replicas, 0);
    const replicas = Math.max(total, service.capacity ?? 0, 1);
    const lastDeployment = runsOn[runsOn.length - 1].deployments.at(-1)!;
    const at = lastDeployment.$cstNode!.range.end;
    return ranked.map(({ site }, i): CodeAction => ({
        title: `Add a standby deployment on ${site}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: {
            changes: {
                [document.uri.toString()]: [{
                    range: { start: at, end: at },
                    newText: `, ${site} (${replicas === 1 ? '' : `${replicas}, `}standby)`
                }]
            }
        }
    }));
}

function holds(term: Term, down: ReadonlySet<string>): boolean {
    return term.members.filter(m => !down.has(m)).length >= term.k;
}

/** Steps from each to their nearest common container (both included); Infinity when none. */
function containmentDistance(analysis: ClosureAnalysis, a: string, b: string): number {
    const chain = (name: string): string[] => {
        const out: string[] = [];
        let current: Element | undefined = analysis.elements.get(name);
        while (current && !out.includes(current.name)) {
            out.push(current.name);
            current = current.container ? analysis.elements.get(current.container) : undefined;
        }
        return out;
    };
    const ca = chain(a);
    const cb = chain(b);
    let best = Infinity;
    ca.forEach((x, i) => {
        const j = cb.indexOf(x);
        if (j >= 0) best = Math.min(best, i + j);
    });
    return best;
}

export function elementNode(document: LangiumDocument, name: string): ast.Element | undefined {
    const root = document.parseResult.value;
    return ast.isModel(root) ? root.elements.find(e => e.name === name) : undefined;
}
