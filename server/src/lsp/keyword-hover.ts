/**
 * Hovers on the language's own words: a statement's keyword says what the statement means and
 * which elements may hold it, an element kind what that kind of element is (both from the tables
 * in language/statements.ts and language/element-rules.ts).
 */
import type { ElementKind } from '../analysis/model.js';
import { ELEMENT_KINDS } from '../language/element-rules.js';
import { statementInfo, type StatementType } from '../language/statements.js';

export function statementMarkdown(type: StatementType): string {
    const info = statementInfo(type);
    const where = info.kinds.length === 5 ? 'any element' : info.kinds.join(', ');
    const times = info.repeat ? 'may be given more than once' : 'at most once per element';
    return `**${info.keyword}** — ${info.doc}\n\nIn: ${where}; ${times}.`;
}

export function elementKindMarkdown(kind: ElementKind): string {
    const info = ELEMENT_KINDS[kind];
    const inside = info.containers.length > 0 ? `\n\nMay be \`in\` a ${info.containers.join(' or ')}.` : '';
    return `**${kind}** — ${info.doc}${inside}`;
}
