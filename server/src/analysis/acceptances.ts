/**
 * Accepted risks: the `accept` statements of the model applied to the findings. Pure: the
 * findings, the model and today's date in; the findings out, the accepted ones turned into hints
 * that say why, plus `acceptance-expired` and `unused-acceptance` about the statements.
 *
 * An `accept CODE` in an element's block matches that element's findings of that code (the
 * element they are placed on). With `from`, it accepts a finding only when the finding has causes
 * and every one of them is listed: a new cause makes the finding reported again (its message
 * says which cause is not covered). An `accept` whose `until` date is before today accepts
 * nothing: the finding keeps its severity and `acceptance-expired` sits on the statement. An
 * `accept` is unused when its element has no finding of its code, or (with `from`) none that has
 * a listed cause.
 */

import { joinAnd, joinOr } from '../common/format.js';
import { FINDING_CODES, isFindingCode, newFinding, type FindingCode } from './findings/codes.js';
import type { AcceptStatement, Model } from './model.js';
import type { Finding } from './results.js';

/** Findings about acceptances (and drills) that an `accept` cannot accept. */
const NOT_ACCEPTABLE: ReadonlySet<string> = new Set(['acceptance-expired', 'unused-acceptance', 'drill-failed']);

/** Can `accept CODE` name this code? */
export function isAcceptableCode(code: string): code is FindingCode {
    return isFindingCode(code) && !NOT_ACCEPTABLE.has(code);
}

/** The codes an `accept` may name, in the table's order. */
export function acceptableCodes(): FindingCode[] {
    return (Object.keys(FINDING_CODES) as FindingCode[]).filter(isAcceptableCode);
}

/** Is `date` (YYYY-MM-DD) a day of the calendar? */
export function isCalendarDate(date: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return false;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

interface Entry {
    element: string;
    index: number;
    statement: AcceptStatement;
    expired: boolean;
    /** it matched some finding (see the file's comment) */
    used: boolean;
}

/**
 * The findings with the model's acceptances applied, as of `today` (YYYY-MM-DD): accepted
 * findings have `accepted` set, severity 'hint' and a message that starts "accepted: REASON —";
 * then one `acceptance-expired` or `unused-acceptance` per statement that calls for it.
 */
export function applyAcceptances(findings: readonly Finding[], model: Model, today: string): Finding[] {
    const byElement = new Map<string, Entry[]>();
    const tiers = new Map<string, Model['elements'][number]['tier']>();
    for (const element of model.elements) {
        if (!element.accepts?.length || element.incomplete || byElement.has(element.name)) continue;
        tiers.set(element.name, element.tier);
        byElement.set(element.name, element.accepts.map((statement, index) => ({
            element: element.name, index, statement, used: false,
            expired: statement.until !== undefined && statement.until < today
        })));
    }
    if (byElement.size === 0) return [...findings];
    const out: Finding[] = findings.map(finding => {
        if (NOT_ACCEPTABLE.has(finding.code)) return finding;
        const entries = (byElement.get(finding.anchor.element) ?? []).filter(e => e.statement.code === finding.code);
        if (entries.length === 0) return finding;
        const causes = new Set(finding.causes);
        const complete = finding.causes.length > 0 && finding.causeCount === finding.causes.length;
        let accepting: Entry | undefined;
        let expired: Entry | undefined;
        const uncovered = new Set<string>();
        for (const entry of entries) {
            const from = entry.statement.from;
            const covers = from.length === 0 || (complete && finding.causes.every(c => from.includes(c)));
            if (from.length === 0 || from.some(c => causes.has(c))) entry.used = true;
            if (entry.expired) {
                if (covers && entry.used) expired ??= entry;
                continue;
            }
            if (covers) {
                accepting ??= entry;
            } else if (entry.used) {
                for (const c of finding.causes) if (!from.includes(c)) uncovered.add(c);
            }
        }
        if (accepting) {
            const { reason, until } = accepting.statement;
            return {
                ...finding,
                severity: 'hint',
                message: `accepted${until ? ` until ${until}` : ''}: ${reason} — ${finding.message}`,
                accepted: until === undefined ? { reason } : { reason, until }
            };
        }
        if (expired) {
            return { ...finding, message: `${finding.message} (Its acceptance expired on ${expired.statement.until}.)` };
        }
        if (uncovered.size > 0 || finding.causeCount > finding.causes.length) {
            const more = finding.causeCount > finding.causes.length ? `it has ${finding.causeCount} causes, more than a finding lists, so only an \`accept\` without \`from\` covers it` : '';
            const listed = uncovered.size > 0 ? `the \`accept\` does not list ${joinAnd([...uncovered].sort())}` : '';
            return { ...finding, message: `${finding.message} (Not accepted: ${[listed, more].filter(Boolean).join('; ')}.)` };
        }
        return finding;
    });
    for (const entries of byElement.values()) {
        for (const entry of entries) {
            const subject = { element: entry.element, tier: tiers.get(entry.element), target: String(entry.index) };
            const { code, from, until } = entry.statement;
            const what = `\`accept ${code}${from.length > 0 ? ` from ${from.join(', ')}` : ''}\``;
            if (!entry.used) {
                const why = from.length > 0
                    ? `${entry.element} has no ${code} finding caused by ${joinOr(from)}`
                    : `${entry.element} has no ${code} finding`;
                const finding = newFinding('unused-acceptance', subject, `${what} on ${entry.element} matches nothing: ${why} (any more). Remove it.`);
                out.push(finding);
            } else if (entry.expired) {
                const finding = newFinding('acceptance-expired', subject,
                    `${what} on ${entry.element} expired on ${until} (today is ${today}): the finding is reported again at its severity. ` +
                    'Fix the risk, or renew the acceptance with a later `until` and a current reason.');
                out.push(finding);
            }
        }
    }
    return out;
}
