/**
 * The quick fix of `survival-policy`: "Add a deployment on <site>", a site outside every breaking
 * set the finding names.
 *
 * Offered for each site the file sees that stays up when every domain of every breaking set
 * fails at once (the finding's causes), nearest first, at most MAX_SITES, with as many replicas as
 * the service's quorum (or its `capacity`, when larger): the service then survives each of those
 * sets through that site alone. Like the `spof` fix, only when the service dies of its placement:
 * when the sets also take a hard dependency down, no deployment of the service helps, and no
 * fix is offered (every fix offered removes the diagnostic).
 */
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { DocumentView } from './document-view.js';
import { elementNode, MAX_SITES } from './quick-fix-spof.js';

export function survivalFixes(document: LangiumDocument, view: DocumentView, diagnostic: Diagnostic, subject: string): CodeAction[] {
    const analysis = view.analysis;
    const finding = analysis.findings.find(f => f.code === 'survival-policy' && f.subject === subject);
    const service = analysis.elements.get(subject);
    const node = elementNode(document, subject);
    if (!finding || !service || !node || finding.causes.length === 0 || finding.causeCount > finding.causes.length) return [];
    const runsOn = node.statements.filter(ast.isRunsOn).filter(s => s.deployments.length > 0 && s.$cstNode);
    if (runsOn.length === 0 || service.deployments.length === 0) return [];

    const all = analysis.simulate(finding.causes, { light: true });
    const baseline = analysis.simulate([], { light: true });
    if (!all || !baseline) return [];
    const down = new Set([...all.down, ...all.domainsDown]);
    if (!service.dependsOn.every(term => term.members.filter(m => !down.has(m)).length >= term.k)) return [];
    const neverUp = new Set(baseline.domainsDown);
    const placed = new Set(service.deployments.map(d => d.domain));
    const sites = [...analysis.elements.values()]
        .filter(e => e.kind === 'site' && view.sees(e.name) && !down.has(e.name) && !neverUp.has(e.name) && !placed.has(e.name))
        .map(e => e.name)
        .sort()
        .slice(0, MAX_SITES);

    const replicas = Math.max(service.quorum ?? 1, service.capacity ?? 0, 1);
    const at = runsOn[runsOn.length - 1].deployments.at(-1)!.$cstNode!.range.end;
    return sites.map((site, i): CodeAction => ({
        title: `Add a deployment on ${site}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [document.uri.toString()]: [{ range: { start: at, end: at }, newText: `, ${site}${replicas === 1 ? '' : ` (${replicas})`}` }] } }
    }));
}
