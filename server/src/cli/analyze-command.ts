/**
 * `topo analyze FILE`: every service's SPOFs and availability, every failure domain's blast
 * radius. A model with language errors exits 1 with the errors on stderr. The answer is written
 * as it is made, service by service (`Analysis.eachService`, `json-stream.ts`): on a large model
 * it can be gigabytes, and it never exists whole in memory.
 */
import { Analysis, availabilityBasis, compileModel, pathText, type AnalysisResult, type DomainReport, type ServiceReport } from '../analysis/index.js';
import { formatDowntime, formatDuration, formatPercent, formatUsers, MINUTE_DECIMALS, PROBABILITY_DECIMALS, roundTo } from '../common/format.js';
import type { CommandOutput } from './check-command.js';
import { chunked, jsonPieces, StreamedList, type JsonField } from './json-stream.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { Colors, OutputColors } from './output-style.js';

export async function runAnalyze(path: string, format: 'text' | 'json', colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const analysis = new Analysis(compileModel(model.built.model));
    const stdout = format === 'json'
        ? jsonPieces(analysisFields(analysis.eachService(), analysis.eachDomain()))
        : analysisTextPieces(analysis.eachService(), analysis.eachDomain(), colors.out);
    return { stdout: chunked(stdout), stderr: '', exitCode: 0 };
}

/** The JSON of `topo analyze` (schemas/analysis.schema.json) of a whole result. */
export function analysisJson(result: AnalysisResult): object {
    return { schemaVersion: 1, services: result.services.map(serviceJson), domains: result.domains.map(domainJson) };
}

/** The top-level fields of `analysisJson`, the services and domains written one at a time. */
export function analysisFields(services: Iterable<ServiceReport>, domains: Iterable<DomainReport>): JsonField[] {
    return [['schemaVersion', 1], ['services', new StreamedList(mapped(services, serviceJson))], ['domains', new StreamedList(mapped(domains, domainJson))]];
}

export function serviceJson(s: ServiceReport): Record<string, unknown> {
    return {
        name: s.name,
        kind: s.kind,
        spofs: s.spofs,
        nearest: s.nearest,
        availability: roundTo(s.availability, PROBABILITY_DECIMALS),
        ...(s.availabilityBounds ? { availabilityBounds: s.availabilityBounds.map(b => roundTo(b, PROBABILITY_DECIMALS)) } : {}),
        availabilityFrom: s.availabilityFrom,
        downtimeMinutesPerYear: roundTo(s.downtimeMinutesPerYear, MINUTE_DECIMALS),
        neverUp: s.neverUp,
        worstOutage: s.worstOutage ? { ...s.worstOutage, minutes: roundTo(s.worstOutage.minutes, MINUTE_DECIMALS) } : null,
        ...(s.worstDataLoss !== undefined ? {
            worstDataLoss: s.worstDataLoss === null ? null : { ...s.worstDataLoss, minutes: roundTo(s.worstDataLoss.minutes, MINUTE_DECIMALS) }
        } : {}),
        targets: s.targets ?? {},
        paths: Object.fromEntries(Object.entries(s.paths).map(([d, steps]) => [d, steps.map(step => step.text)]))
    };
}

function domainJson(d: DomainReport): object {
    return { name: d.name, kind: d.kind, down: d.down, degraded: d.degraded, users: d.users };
}

export function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
    for (const item of items) yield f(item);
}

/** The text of `topo analyze` of a whole result. */
export function analysisText(result: AnalysisResult, c: Colors): string {
    return [...analysisTextPieces(result.services, result.domains, c)].join('');
}

/** The text of `topo analyze`: a piece per service, then a piece per failure domain. */
export function* analysisTextPieces(services: Iterable<ServiceReport>, domains: Iterable<DomainReport>, c: Colors): Generator<string> {
    yield c.bold('Services') + '\n';
    for (const s of services) yield serviceText(s, c);
    yield '\n' + c.bold('Failure domains') + c.dim(' (what goes down if each fails alone)') + '\n';
    for (const d of domains) {
        const down = d.down.length ? d.down.join(', ') : 'nothing';
        const degraded = d.degraded.length ? `; degraded: ${d.degraded.join(', ')}` : '';
        const users = d.users ? `; ${formatUsers(d.users)} users` : '';
        yield `  ${c.bold(d.name)} (${d.kind}): down: ${down}${degraded}${users}\n`;
    }
}

/** One service's lines, each ended by a line break. */
function serviceText(s: ServiceReport, c: Colors): string {
    const spofs = s.neverUp
        ? c.red('never up')
        : s.spofs.length === 0
            ? c.green('no single point of failure')
            : 'fails with ' + spofList(s, c);
    const lines = [`  ${c.bold(s.name)}: ${spofs}${availabilityText(s)}`];
    // what the figure rests on, when something else than "everything declares one" (item of the issue: never silently perfect)
    if ((s.availability !== null || s.availabilityBounds) && s.availabilityFrom && s.availabilityFrom.undeclaredDomains > 0) {
        lines.push(c.dim(`      availability ${availabilityBasis(s.availabilityFrom)}`));
    }
    const recovery = recoveryText(s);
    if (recovery !== '') lines.push(c.dim(`      ${recovery}`));
    for (const d of s.nearest) {
        const path = s.paths[d];
        // the path as the findings say it: "talk → auth → runs only on pangyo"
        if (path && path.length > 0) lines.push(c.dim(`      ${d}: ${pathText(s.name, path)}`));
    }
    return lines.join('\n') + '\n';
}

/** The SPOFs, the nearest in red (a set of the nearest, not a search of the list per SPOF). */
function spofList(s: ServiceReport, c: Colors): string {
    const nearest = new Set(s.nearest);
    return s.spofs.map(d => nearest.has(d) ? c.red(d) : d).join(', ');
}

/** "worst single failure: pangyo, down 10h (until pangyo recovers), rto 1h; worst data loss: …" or "" */
export function recoveryText(s: ServiceReport): string {
    const parts: string[] = [];
    const { rto, rpo, survive } = s.targets ?? {};
    if (s.worstOutage) {
        const o = s.worstOutage;
        const how = o.minutes === null ? 'down for an unknown time' : `down ${formatDuration(o.minutes)}`;
        parts.push(`worst single failure: ${o.domain}, ${how} (${o.reason})${rto !== undefined ? `, rto ${formatDuration(rto)}` : ''}`);
    } else if (rto !== undefined) parts.push(`no single failure interrupts it, rto ${formatDuration(rto)}`);
    if (s.worstDataLoss) {
        const l = s.worstDataLoss;
        const what = l.all ? 'all of its data' : l.minutes === null ? 'writes of unknown age' : `up to ${formatDuration(l.minutes)} of writes`;
        parts.push(`worst data loss: ${l.domain}, ${what}${rpo !== undefined ? `, rpo ${formatDuration(rpo)}` : ''}`);
    } else if (s.worstDataLoss === null && rpo !== undefined) parts.push(`no single failure loses data, rpo ${formatDuration(rpo)}`);
    if (survive !== undefined) parts.push(`must survive ${survive} failure${survive === 1 ? '' : 's'} at once`);
    return parts.join('; ');
}

function availabilityText(s: ServiceReport): string {
    if (s.availability !== null) {
        const downtime = s.downtimeMinutesPerYear === null || s.downtimeMinutesPerYear === 0 ? '' : `, ${formatDowntime(s.downtimeMinutesPerYear)} down a year`;
        return `; availability ${formatPercent(s.availability)}${downtime}`;
    }
    if (s.availabilityBounds) {
        return `; availability between ${formatPercent(s.availabilityBounds[0])} and ${formatPercent(s.availabilityBounds[1])}`;
    }
    return '';
}
