/**
 * `topo diff`'s three outputs: text for the terminal, JSON (schemas/diff.schema.json), and
 * Markdown for a pull-request comment (largest changes first, at most 50 rows a table).
 */
import { formatMinutes, formatPercent, formatUsers, plural, PROBABILITY_DECIMALS, MINUTE_DECIMALS, roundTo } from '../common/format.js';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { diagnosticLine, toJsonDiagnostic } from './diagnostic-output.js';
import type { ModelDiff } from './diff-compare.js';
import type { ServiceState } from './diff-snapshot.js';
import type { Colors } from './output-style.js';
import { displayPath } from './paths.js';

/** Rows a Markdown table shows before "… and N more". */
export const MARKDOWN_ROWS = 50;

export function diffSummary(diff: ModelDiff): string {
    if (diff.added.length + diff.removed.length + diff.accepted.length + diff.unaccepted.length + diff.services.length + diff.domains.length === 0) {
        return 'No change to findings, services or failure domains.';
    }
    const acceptance = [
        ...(diff.accepted.length > 0 ? [`${diff.accepted.length} newly accepted`] : []),
        ...(diff.unaccepted.length > 0 ? [`${diff.unaccepted.length} no longer accepted`] : [])
    ].map(text => `, ${text}`).join('');
    return `${plural(diff.added.length, 'finding')} added, ${diff.removed.length} removed${acceptance}; ` +
        `${plural(diff.services.length, 'service')} and ${plural(diff.domains.length, 'failure domain')} changed.`;
}

// ------------------------------------------------------------------ text

export function diffText(diff: ModelDiff, c: Colors): string {
    const lines: string[] = [];
    if (diff.added.length > 0) {
        lines.push(c.bold(`Findings added (${diff.added.length})`));
        for (const d of diff.added) lines.push(`  ${c.red('+')} ${diagnosticLine(d, c)}`);
    }
    if (diff.removed.length > 0) {
        lines.push(c.bold(`Findings removed (${diff.removed.length})`));
        for (const d of diff.removed) lines.push(`  ${c.green('-')} ${diagnosticLine(d, c)}`);
    }
    if (diff.accepted.length > 0) {
        lines.push(c.bold(`Findings newly accepted (${diff.accepted.length})`));
        for (const d of diff.accepted) lines.push(`  ${c.cyan('~')} ${diagnosticLine(d, c)}`);
    }
    if (diff.unaccepted.length > 0) {
        lines.push(c.bold(`Findings no longer accepted (${diff.unaccepted.length})`));
        for (const d of diff.unaccepted) lines.push(`  ${c.red('!')} ${diagnosticLine(d, c)}`);
    }
    if (diff.services.length > 0) {
        lines.push(c.bold(`Services (${diff.services.length} changed)`));
        for (const s of diff.services) lines.push(`  ${c.bold(s.name)}: ${serviceChangeText(s.before, s.after)}`);
    }
    if (diff.domains.length > 0) {
        lines.push(c.bold(`Failure domains: users affected when each fails alone (${diff.domains.length} changed)`));
        for (const d of diff.domains) lines.push(`  ${c.bold(d.name)}: ${usersText(d.usersBefore)} → ${usersText(d.usersAfter)}`);
    }
    lines.push(diffSummary(diff));
    return lines.join('\n') + '\n';
}

/** "SPOFs pangyo → none; availability 99.9% → 99.99%; worst outage 10h (pangyo) → 30m (pangyo)": only what changed. */
export function serviceChangeText(before: ServiceState | null, after: ServiceState | null): string {
    if (before === null) return `new: ${stateText(after!)}`;
    if (after === null) return `removed (was: ${stateText(before)})`;
    const parts: string[] = [];
    if (before.spofs.join(',') !== after.spofs.join(',')) parts.push(`SPOFs ${spofsText(before.spofs)} → ${spofsText(after.spofs)}`);
    if (availabilityText(before.availability) !== availabilityText(after.availability)) {
        parts.push(`availability ${availabilityText(before.availability)} → ${availabilityText(after.availability)}`);
    }
    if (outageText(before) !== outageText(after)) parts.push(`worst outage ${outageText(before)} → ${outageText(after)}`);
    return parts.join('; ') || 'availability changed in the last digits';
}

function stateText(s: ServiceState): string {
    return `SPOFs ${spofsText(s.spofs)}; availability ${availabilityText(s.availability)}; worst outage ${outageText(s)}`;
}

function spofsText(spofs: string[]): string {
    return spofs.length === 0 ? 'none' : spofs.join(', ');
}

function availabilityText(a: number | null): string {
    return a === null ? 'not known' : formatPercent(a);
}

function outageText(s: ServiceState): string {
    return s.worstOutage === null ? 'none' : `${formatMinutes(s.worstOutage.minutes)} (${s.worstOutage.domain})`;
}

function usersText(users: number | null): string {
    return users === null ? '(none: not in that version)' : formatUsers(users);
}

// ------------------------------------------------------------------ JSON

export function diffJson(diff: ModelDiff): object {
    const state = (s: ServiceState | null) => s === null ? null : {
        spofs: s.spofs,
        availability: roundTo(s.availability, PROBABILITY_DECIMALS),
        worstOutage: s.worstOutage === null ? null : { minutes: roundTo(s.worstOutage.minutes, MINUTE_DECIMALS), domain: s.worstOutage.domain }
    };
    return {
        schemaVersion: 1,
        findings: {
            added: diff.added.map(toJsonDiagnostic),
            removed: diff.removed.map(toJsonDiagnostic),
            accepted: diff.accepted.map(toJsonDiagnostic),
            unaccepted: diff.unaccepted.map(toJsonDiagnostic)
        },
        services: diff.services.map(s => ({ name: s.name, before: state(s.before), after: state(s.after) })),
        domains: diff.domains.map(d => ({ name: d.name, usersBefore: d.usersBefore, usersAfter: d.usersAfter })),
        summary: {
            findingsAdded: diff.added.length,
            findingsRemoved: diff.removed.length,
            servicesChanged: diff.services.length,
            domainsChanged: diff.domains.length
        }
    };
}

// ------------------------------------------------------------------ Markdown

export function diffMarkdown(diff: ModelDiff): string {
    const out: string[] = ['## topo diff', '', diffSummary(diff)];
    const findingRows = (list: TopoDiagnostic[], sign: string) => list.map(d =>
        [sign, `\`${d.code}\``, d.severity, cell(d.subject ?? ''), `\`${displayPath(d.uri)}:${d.range.start.line + 1}\``, cell(d.message)]);
    const findingHeader = ['', 'code', 'severity', 'subject', 'where', 'message'];
    // errors first, then warnings…: the largest changes first
    const bySeverity = (list: TopoDiagnostic[]) => [...list].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    if (diff.added.length > 0) table(out, `Findings added (${diff.added.length})`, findingHeader, findingRows(bySeverity(diff.added), '➕'));
    if (diff.removed.length > 0) table(out, `Findings removed (${diff.removed.length})`, findingHeader, findingRows(bySeverity(diff.removed), '➖'));
    if (diff.accepted.length > 0) table(out, `Findings newly accepted (${diff.accepted.length})`, findingHeader, findingRows(bySeverity(diff.accepted), '✔️'));
    if (diff.unaccepted.length > 0) table(out, `Findings no longer accepted (${diff.unaccepted.length})`, findingHeader, findingRows(bySeverity(diff.unaccepted), '⚠️'));
    if (diff.services.length > 0) {
        table(out, `Services (${diff.services.length} changed)`, ['service', 'before', 'after'], diff.services.map(s => {
            const [before, after] = sides(s.before, s.after);
            return [`\`${s.name}\``, before, after];
        }));
    }
    if (diff.domains.length > 0) {
        table(out, `Failure domains: users affected when each fails alone (${diff.domains.length} changed)`, ['failure domain', 'before', 'after'],
            diff.domains.map(d => [`\`${d.name}\``, d.usersBefore === null ? '—' : formatUsers(d.usersBefore), d.usersAfter === null ? '—' : formatUsers(d.usersAfter)]));
    }
    return out.join('\n') + '\n';
}

const RANK: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** What changed of a service, before and after, as two table cells. */
function sides(before: ServiceState | null, after: ServiceState | null): [string, string] {
    if (before === null) return ['—', cell(stateText(after!))];
    if (after === null) return [cell(stateText(before)), '—'];
    const b: string[] = [];
    const a: string[] = [];
    if (before.spofs.join(',') !== after.spofs.join(',')) {
        b.push(`SPOFs ${spofsText(before.spofs)}`);
        a.push(`SPOFs ${spofsText(after.spofs)}`);
    }
    if (availabilityText(before.availability) !== availabilityText(after.availability)) {
        b.push(`availability ${availabilityText(before.availability)}`);
        a.push(`availability ${availabilityText(after.availability)}`);
    }
    if (outageText(before) !== outageText(after)) {
        b.push(`worst outage ${outageText(before)}`);
        a.push(`worst outage ${outageText(after)}`);
    }
    return [cell(b.join('; ')), cell(a.join('; '))];
}

function table(out: string[], title: string, header: string[], rows: string[][]): void {
    out.push('', `### ${title}`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows.slice(0, MARKDOWN_ROWS)) out.push(`| ${row.join(' | ')} |`);
    if (rows.length > MARKDOWN_ROWS) out.push('', `… and ${rows.length - MARKDOWN_ROWS} more (\`topo diff\` in a terminal lists them all).`);
}

/** Text safe in a table cell: no pipes or line breaks, no HTML. */
function cell(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
