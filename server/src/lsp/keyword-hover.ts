/**
 * Hovers on the language's own words: a statement's keyword says what the statement means and
 * which elements may hold it, an element kind what that kind of element is (both from the tables
 * in language/statements.ts and language/element-rules.ts).
 */
import type { ElementKind } from '../analysis/model.js';
import * as ast from '../generated/ast.js';
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

/** The words of a drill: what `drill`, `fail` and `expect` mean. */
export function drillKeywordMarkdown(node: ast.Drill | ast.DrillStep): string {
    if (ast.isFail(node)) return '**fail** — what fails together in this drill: failure domains, services or datastores — `fail pangyo, ansan`';
    if (ast.isExpect(node)) {
        return '**expect** — the worst state allowed once the failure has played out: `up` (neither down nor degraded), ' +
            '`degraded` (not down), `down at most 30m` (an outage of at most that long), or `users down at most 1M`. ' +
            '`topo check` reports `drill-failed` on an `expect` that does not hold.';
    }
    return '**drill** — a failure drill kept in the model: `fail` says what fails, each `expect` what must hold then. ' +
        '`topo check` simulates it; `topo drill FILE "NAME"` prints its simulation; the code lens **Run drill** shows it in the preview.';
}
