/**
 * The Markdown of hovers, from the workspace analysis (no recomputation beyond cached
 * single-failure simulations):
 * - a service: its nearest SPOFs and the others ("also"), each with the path that makes it fatal
 *   and the outage it would cause; its availability (or bounds) and expected downtime per year;
 *   what goes down or degraded if it fails, with users; the pairs of failure domains that take it
 *   down together (links that show each in the preview, for a client that runs them);
 * - a failure domain: its blast radius (down, degraded, users), recovery time, what it contains
 *   and what depends on it;
 * - a reference: the target's kind, label and place, then the above.
 * Lists are those of the file being read (its import closure).
 */
import { URI, UriUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import { availabilityBasis } from '../analysis/availability-sources.js';
import { CUT_SETS_NAMED, cutSetSentence, importanceRankSentence } from '../analysis/beyond-text.js';
import { SHOW_CUT_SET_COMMAND } from '../common/protocol.js';
import { pathText } from '../analysis/paths.js';
import { formatDowntime, formatDuration, formatMinutes, formatPercent, formatUsers, MINUTES_PER_YEAR } from '../common/format.js';
import { isDomainKind, type Element } from '../analysis/model.js';
import type { RecoveryReport } from '../analysis/results.js';
import type { DocumentView } from './document-view.js';

const LIST_MAX = 12;
const ALSO_WITH_DETAILS = 6;
/** nearest SPOFs shown with their path and outage (each outage is one simulation); the rest by name */
const NEAREST_WITH_DETAILS = 8;

export interface Place { uri: string; range: Range }

export interface HoverOptions {
    /** the client runs `topo.showCutSet` from command links (VS Code): each named pair links to it */
    commandLinks?: boolean;
}

/** The hover of an element, seen from the file `from`; with `reference`, headed by where it is declared. */
export function elementMarkdown(view: DocumentView, name: string, from: string, reference = false, options: HoverOptions = {}): string | undefined {
    const element = view.analysis.elements.get(name);
    if (!element) return undefined;
    const lines: string[] = [header(element)];
    if (reference) {
        const place = placeOf(view, name);
        if (place) lines.push(`declared in ${placeLink(place, from)}`);
    }
    const body = isDomainKind(element.kind) ? domainBody(view, element) : serviceBody(view, element, from, options);
    return paragraphs([...lines, '', ...body]);
}

/** Lines joined so that each one that is not a list item stands as its own paragraph. */
function paragraphs(lines: readonly string[]): string {
    const out: string[] = [];
    for (const line of lines) {
        const previous = out[out.length - 1];
        if (line === '' && (previous === undefined || previous === '')) continue;
        if (line !== '' && previous !== undefined && previous !== '' && !line.startsWith('- ')) out.push('');
        out.push(line);
    }
    while (out[out.length - 1] === '') out.pop();
    return out.join('\n');
}

export function importMarkdown(path: string, target: URI, from: string, loaded: { elements: number } | undefined, problem: string | undefined): string {
    const shown = relative(from, target.toString());
    if (loaded) return `**import** \`${escape(path)}\`\n\n[${escape(shown)}](${target.toString()}) — ${loaded.elements} element${loaded.elements === 1 ? '' : 's'}`;
    return `**import** \`${escape(path)}\`\n\n${escape(shown)} ${escape(problem ?? 'does not exist')}`;
}

function header(e: Element): string {
    const label = e.label ? ` — ${escape(e.label)}` : '';
    return `**${e.kind}** \`${e.name}\`${label}`;
}

function serviceBody(view: DocumentView, e: Element, from: string, options: HoverOptions): string[] {
    const analysis = view.analysis;
    const report = analysis.services.get(e.name);
    const out: string[] = [];
    const facts = [`tier ${e.tier}`];
    if (e.users > 0) facts.push(`${formatUsers(e.users)} users`);
    if (e.slo !== undefined) facts.push(`SLO ${formatPercent(e.slo)}`);
    if (e.quorum !== undefined) facts.push(`quorum ${e.quorum}`);
    if (e.capacity !== undefined) facts.push(`capacity ${e.capacity}`);
    if (e.failover !== undefined) facts.push(`failover ${formatDuration(e.failover)}`);
    out.push(facts.join(' · '));
    out.push(...metadata(e));
    if (!report) return out;

    out.push('');
    if (report.neverUp) {
        const finding = analysis.findings.find(f => f.code === 'never-up' && f.subject === e.name);
        out.push(`**Never up:** ${finding ? escape(finding.message) : 'it is down with nothing failed.'}`);
    } else if (report.spofs.length === 0) {
        out.push('**No single point of failure:** no single failure domain takes it down.');
    } else {
        out.push(`**Single point${report.nearest.length === 1 ? '' : 's'} of failure**`);
        for (const d of report.nearest.slice(0, NEAREST_WITH_DETAILS)) out.push(`- ${spofLine(view, e.name, d, report.paths[d])}`);
        if (report.nearest.length > NEAREST_WITH_DETAILS) {
            out.push(`- ${report.nearest.length - NEAREST_WITH_DETAILS} more: ${names(report.nearest.slice(NEAREST_WITH_DETAILS))}`);
        }
        const also = report.spofs.filter(d => !report.nearest.includes(d));
        if (also.length > 0) {
            out.push('', '**Also**');
            for (const d of also.slice(0, ALSO_WITH_DETAILS)) out.push(`- ${spofLine(view, e.name, d, report.paths[d])}`);
            if (also.length > ALSO_WITH_DETAILS) out.push(`- and ${names(also.slice(ALSO_WITH_DETAILS))}`);
        }
    }

    out.push('');
    if (report.availabilityBounds) {
        const [low, high] = report.availabilityBounds;
        out.push(`**Availability:** between ${formatPercent(low)} and ${formatPercent(high)} (too large to compute exactly) — ` +
            `at most ${formatDowntime((1 - low) * MINUTES_PER_YEAR, false)} down per year`);
    } else if (report.availability !== null) {
        const downtime = report.downtimeMinutesPerYear ?? (1 - report.availability) * MINUTES_PER_YEAR;
        const basis = report.availabilityFrom ? ` (${availabilityBasis(report.availabilityFrom)})` : '';
        out.push(`**Availability:** ${formatPercent(report.availability)} — ${formatDowntime(downtime)} down per year${basis}`);
    } else {
        out.push('**Availability:** not computed — nothing it depends on declares an `availability`');
    }

    const recovery = analysis.recovery(e.name);
    if (recovery) out.push(...recoveryLines({ ...recovery, neverUp: report.neverUp }));

    if (!report.neverUp) {
        // more than one failure: the pairs of failure domains that take it down together
        const pairs = analysis.pairs(e.name);
        if (pairs === 'too large') {
            out.push('**Two failures at once:** its cone is too large to look at every pair here; `topo analyze --order 2` lists them.');
        } else if (pairs !== undefined) {
            out.push(`**Two failures at once:** it ${escape(cutSetSentence(pairs, 2))}.`);
            if (options.commandLinks) {
                const links = cutSetLinks(pairs, from);
                if (links.length > 0) out.push(`Show in the preview: ${links.join(' · ')}`);
            }
        }
    }

    const failing = analysis.simulate([e.name], { light: true });
    if (failing) {
        const down = view.only(failing.down).filter(n => n !== e.name);
        const degraded = view.only(failing.degraded);
        const users = view.users([...view.only(failing.down), ...degraded]);
        const parts = [down.length > 0 ? `down: ${names(down)}` : 'nothing else goes down'];
        if (degraded.length > 0) parts.push(`degraded: ${names(degraded)}`);
        out.push(`**If ${e.name} fails:** ${parts.join(' · ')} · ${formatUsers(users)} users affected`);
    }
    return out;
}

/**
 * The pairs the hover's sentence names, each a link that runs `topo.showCutSet(uri, names)`: the
 * arguments as JSON, URI-encoded (parentheses too, which would end a Markdown link).
 */
function cutSetLinks(sets: readonly (readonly string[])[], uri: string): string[] {
    return sets.slice(0, CUT_SETS_NAMED).filter(set => set.length > 1).map(set => {
        const args = encodeURIComponent(JSON.stringify([uri, set])).replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        return `[${set.map(escape).join(' + ')}](command:${SHOW_CUT_SET_COMMAND}?${args} "Simulate ${set.map(escape).join(' and ')} failing together in the preview")`;
    });
}

/** The worst single-failure outage and data loss, next to the targets they are checked against. */
function recoveryLines(report: RecoveryReport & { neverUp: boolean }): string[] {
    const out: string[] = [];
    const { rto, rpo, survive } = report.targets;
    const o = report.worstOutage;
    const rtoText = rto !== undefined ? ` · target: rto ${formatDuration(rto)}` : '';
    if (o !== null) {
        const how = o.minutes === null ? 'down for an unknown time' : `down ${formatDuration(o.minutes)}`;
        out.push(`**Worst single failure:** ${o.domain} — ${how} (${escape(o.reason)})${rtoText}`);
    } else if (rto !== undefined && !report.neverUp) {
        out.push(`**Worst single failure:** none interrupts it${rtoText}`);
    }
    const l = report.worstDataLoss;
    const rpoText = rpo !== undefined ? ` · target: rpo ${formatDuration(rpo)}` : '';
    if (l) {
        const what = l.all ? 'all of its data' : l.minutes === null ? 'writes of unknown age' : `up to ${formatDuration(l.minutes)} of writes`;
        out.push(`**Worst data loss:** ${l.domain} — ${what}${rpoText}`);
    } else if (l === null && rpo !== undefined) {
        out.push(`**Worst data loss:** no single failure loses data${rpoText}`);
    }
    if (survive !== undefined) out.push(`**Must survive:** any ${survive} failure${survive === 1 ? '' : 's'} at once`);
    return out;
}

function spofLine(view: DocumentView, service: string, domain: string, steps: Parameters<typeof pathText>[1] | undefined): string {
    const path = steps && steps.length > 0 ? ` — ${escape(pathText(service, steps))}` : '';
    const outage = view.analysis.outage(domain, service);
    const length = outage === undefined ? '' : outage.minutes === null
        ? ` · outage of unknown length (${escape(outage.reason)})`
        : ` · outage ${formatMinutes(outage.minutes)} (${escape(outage.reason)})`;
    return `\`${domain}\`${path}${length}`;
}

function domainBody(view: DocumentView, e: Element): string[] {
    const analysis = view.analysis;
    const out: string[] = [];
    const facts: string[] = [];
    if (e.container) facts.push(`in \`${e.container}\``);
    if (e.meta.infraKind) facts.push(`kind ${escape(e.meta.infraKind)}`);
    facts.push(e.recovery !== undefined ? `recovery ${formatDuration(e.recovery)}` : 'recovery time not given');
    if (e.availability !== undefined) facts.push(`availability ${formatPercent(e.availability)}`);
    out.push(facts.join(' · '));
    out.push(...metadata(e));

    const report = analysis.domains.get(e.name);
    if (report) {
        const down = view.only(report.down);
        const degraded = view.only(report.degraded);
        const users = view.users([...down, ...degraded]);
        out.push('');
        out.push(`**If ${e.name} fails:** ${down.length > 0 ? `down: ${names(down)}` : 'no service goes down'}` +
            `${degraded.length > 0 ? ` · degraded: ${names(degraded)}` : ''} · ${formatUsers(users)} users affected`);
        const others = view.only(report.domainsDown).filter(d => d !== e.name);
        if (others.length > 0) out.push(`It also brings down ${names(others)}.`);
        const rank = e.availability !== undefined ? analysis.importanceRank(e.name) : undefined;
        if (rank) out.push(`**Importance:** ${escape(importanceRankSentence(rank.rank, rank.of, rank.raw))}.`);
        const outageNote = e.recovery !== undefined
            ? `Services that cannot fail over wait ${formatDuration(e.recovery)} for it to recover.`
            : 'Without a `recovery` time, the outages it causes have unknown length.';
        out.push(outageNote);
    }

    const relations = analysis.relations();
    const contains = view.only(relations.contains.get(e.name) ?? []);
    const hosts = view.only(relations.hosts.get(e.name) ?? []);
    const backups = view.only(relations.backups.get(e.name) ?? []);
    const dependents = view.only(relations.dependents.get(e.name) ?? []);
    if (contains.length + hosts.length + backups.length + dependents.length > 0) out.push('');
    if (contains.length > 0) out.push(`**Contains:** ${names(contains, n => analysis.elements.get(n)?.kind)}`);
    if (hosts.length > 0) out.push(`**Runs here:** ${names(hosts)}`);
    if (backups.length > 0) out.push(`**Backups here:** ${names(backups)}`);
    if (dependents.length > 0) out.push(`**Depends on it:** ${names(dependents)}`);
    return out;
}

function metadata(e: Element): string[] {
    const out: string[] = [];
    if (e.meta.description) out.push(`*${escape(e.meta.description)}*`);
    const facts: string[] = [];
    if (e.meta.owner) facts.push(`owner ${escape(e.meta.owner)}`);
    if (e.meta.operator) facts.push(`operator ${escape(e.meta.operator)}`);
    if (e.meta.tags.length > 0) facts.push(`tags ${e.meta.tags.map(t => `\`${t}\``).join(', ')}`);
    if (facts.length > 0) out.push(facts.join(' · '));
    return out;
}

/** `a`, `b`, `c` … and 7 more */
function names(list: readonly string[], note?: (name: string) => string | undefined): string {
    const shown = list.slice(0, LIST_MAX).map(n => {
        const extra = note?.(n);
        return extra ? `\`${n}\` (${extra})` : `\`${n}\``;
    });
    const rest = list.length - shown.length;
    return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

export function placeOf(view: DocumentView, name: string): Place | undefined {
    const source = view.analysis.built.sources.get(name);
    return source ? { uri: source.uri, range: source.name } : undefined;
}

function placeLink(place: Place, from: string): string {
    const line = place.range.start.line + 1;
    const column = place.range.start.character + 1;
    const target = `${URI.parse(place.uri).with({ fragment: '' }).toString()}#L${line},${column}`;
    return `[${escape(relative(from, place.uri))}:${line}:${column}](${target})`;
}

/** A path as the reader of `from` would write it. */
export function relative(from: string, to: string): string {
    const fromUri = URI.parse(from);
    const toUri = URI.parse(to);
    if (fromUri.scheme !== toUri.scheme) return toUri.toString();
    return UriUtils.relative(UriUtils.dirname(fromUri), toUri);
}

function escape(text: string): string {
    return text.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
}
