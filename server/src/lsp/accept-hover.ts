/**
 * The hover of an `accept` statement: what it says, and what it does in the current analysis —
 * the findings it accepts, or that it expired, or that it matches nothing.
 */
import { AstUtils } from 'langium';
import { FINDING_CODES, isFindingCode } from '../analysis/findings/codes.js';
import * as ast from '../generated/ast.js';
import type { DocumentView } from './document-view.js';
import { statementMarkdown } from './keyword-hover.js';

export function acceptMarkdown(view: DocumentView, node: ast.Accept): string {
    const general = statementMarkdown('Accept');
    const element = AstUtils.getContainerOfType(node, ast.isElement);
    if (!element?.name || !node.code) return general;
    const what = isFindingCode(node.code) ? ` (${FINDING_CODES[node.code].summary})` : '';
    const causes = node.causes.map(c => c.$refText);
    const lines = [
        `**accept ${node.code}** on \`${element.name}\`${what}` +
        (causes.length > 0 ? `, only while every cause is among ${causes.map(c => `\`${c}\``).join(', ')}` : '') +
        (node.until ? `, until ${node.until} (that day included)` : '') + '.'
    ];
    const analysis = view.analysis;
    const source = analysis.built.sources.get(element.name);
    const start = node.$cstNode?.range.start;
    const index = source?.accepts.findIndex(r => start && r.start.line === start.line && r.start.character === start.character) ?? -1;
    if (index < 0) {
        lines.push('It accepts nothing as written (see the error on it).');
    } else {
        const about = analysis.findings.filter(f => f.anchor.element === element.name && f.anchor.part === 'accept' && f.anchor.target === String(index));
        const accepted = analysis.findings.filter(f => f.code === node.code && f.anchor.element === element.name && f.accepted?.reason === node.reason);
        if (about.some(f => f.code === 'unused-acceptance')) {
            lines.push(`It matches nothing now: \`${element.name}\` has no such finding. Remove it, or correct its code or causes.`);
        } else if (about.some(f => f.code === 'acceptance-expired')) {
            lines.push(`It expired on ${node.until}: the finding is reported again at its severity. Fix the risk, or decide again with a later \`until\`.`);
        } else if (accepted.length > 0) {
            lines.push(`It accepts ${accepted.length === 1 ? 'this finding' : `these ${accepted.length} findings`}, shown as ${accepted.length === 1 ? 'a hint' : 'hints'}:`);
            for (const f of accepted.slice(0, 5)) lines.push(`- ${f.message.slice(f.message.indexOf(' — ') + 3)}`);
        } else {
            lines.push('Its finding is reported anyway: the finding has a cause `from` does not list (its message says which).');
        }
    }
    return `${lines.join('\n\n')}\n\n---\n\n${general}`;
}
