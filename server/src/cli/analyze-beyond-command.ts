/**
 * `topo analyze FILE --order K` and `--importance`: the analysis of `topo analyze`, plus every
 * service's minimal cut sets of up to K failure domains and/or the importance of each failure
 * domain that declares an availability. Computed only when asked for (`topo check` and the
 * editor never pay for them). JSON: docs/analysis-beyond-single-failures.md.
 */
import { Analysis, compileModel, type AnalysisResult, type DomainReport, type ServiceReport } from '../analysis/index.js';
import { cutSetSentence, formatMeasure } from '../analysis/beyond-text.js';
import type { CompiledModel } from '../analysis/compile.js';
import { computeCutSets, MAX_CUT_SET_ORDER, type CutSets } from '../analysis/cut-sets.js';
import { computeImportance, type Importance, type ImportanceMeasures } from '../analysis/importance.js';
import { prepare } from '../analysis/prepared.js';
import { formatPercent } from '../common/format.js';
import { analysisFields, analysisTextPieces, mapped, serviceJson } from './analyze-command.js';
import { chunked, jsonPieces, StreamedList, type JsonField } from './json-stream.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { Colors, OutputColors } from './output-style.js';
import { UsageError } from './usage-error.js';

export interface BeyondOptions {
    /** largest cut set size (1–3); undefined: no cut sets */
    order?: number;
    importance: boolean;
}

/** `--order K`: 1, 2 or 3. */
export function parseOrder(value: string): number {
    const k = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(k) || k < 1 || k > MAX_CUT_SET_ORDER) {
        throw new UsageError(`--order takes 1, 2 or 3 (the largest number of failure domains failing together), not \`${value}\``);
    }
    return k;
}

export async function runAnalyzeBeyond(path: string, format: 'text' | 'json', options: BeyondOptions, colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const cm = compileModel(model.built.model);
    const analysis = new Analysis(cm);
    const { engine } = prepare(cm);
    const cutSets = options.order === undefined ? undefined : computeCutSets(engine, options.order);
    const importance = options.importance ? computeImportance(engine) : undefined;
    if (format === 'json') {
        return { stdout: chunked(jsonPieces(beyondFields(cm, analysis.eachService(), analysis.eachDomain(), cutSets, importance))), stderr: '', exitCode: 0 };
    }
    return { stdout: chunked(beyondTextPieces(cm, analysis, cutSets, importance, colors.out)), stderr: '', exitCode: 0 };
}

function* beyondTextPieces(cm: CompiledModel, analysis: Analysis, cutSets: CutSets | undefined, importance: Importance | undefined, c: Colors): Generator<string> {
    yield* analysisTextPieces(analysis.eachService(), analysis.eachDomain(), c);
    if (cutSets) yield '\n' + cutSetsText(cm, cutSets, c);
    if (importance) yield '\n' + importanceText(cm, importance, c);
}

/** `topo analyze --format json`, with `cutSets` on every service and/or a top-level `importance`. */
export function beyondJson(cm: CompiledModel, result: AnalysisResult, cutSets?: CutSets, importance?: Importance): object {
    return Object.fromEntries(beyondFields(cm, result.services, result.domains, cutSets, importance)
        .map(([key, value]) => [key, value instanceof StreamedList ? [...value.items] : value]));
}

/** The fields of `beyondJson`, the services and domains written one at a time. */
function beyondFields(
    cm: CompiledModel, services: Iterable<ServiceReport>, domains: Iterable<DomainReport>, cutSets?: CutSets, importance?: Importance
): JsonField[] {
    const fields = analysisFields(services, domains);
    if (cutSets) {
        const withCutSets = (s: ServiceReport) => {
            const id = cm.index.get(s.name);
            return { ...serviceJson(s), cutSets: (id === undefined ? [] : cutSets.sets[id] ?? []).map(set => set.map(d => cm.names[d])) };
        };
        fields[1] = ['services', new StreamedList(mapped(services, withCutSets))];
        fields.push(['cutSetOrder', cutSets.order]);
    }
    if (importance) fields.push(['importance', importanceJson(cm, importance)]);
    return fields;
}

export function importanceJson(cm: CompiledModel, importance: Importance): object {
    return {
        weighting: importance.weighting,
        risk: importance.risk,
        leftOut: importance.leftOut.map(s => cm.names[s]),
        domains: importance.domains.map(d => ({
            name: cm.names[d.domain],
            kind: cm.elements[d.domain].kind,
            availability: d.availability,
            rank: d.rank,
            users: d.users,
            services: d.services.map(s => ({ name: cm.names[s.service], unavailability: s.unavailability, ...s.measures }))
        }))
    };
}

/** How many cut sets the text names per service before counting the rest. */
const TEXT_CUT_SETS = 10;

function cutSetsText(cm: CompiledModel, cutSets: CutSets, c: Colors): string {
    const k = cutSets.order;
    const lines = [c.bold(`Minimal cut sets`) + c.dim(` (up to ${k} failure domain${k === 1 ? '' : 's'} failing together; --format json lists all)`)];
    const services = [...cm.services].sort((a, b) => cm.rank[a] - cm.rank[b]);
    for (const s of services) {
        const names = (cutSets.sets[s] ?? []).map(set => set.map(d => cm.names[d]));
        const sentence = cutSetSentence(names, k, { neverUp: cutSets.neverUp[s] === 1, max: TEXT_CUT_SETS });
        lines.push(`  ${c.bold(cm.names[s])}: ${names.length === 0 && !cutSets.neverUp[s] ? c.green(sentence) : sentence}`);
    }
    return lines.join('\n') + '\n';
}

function importanceText(cm: CompiledModel, importance: Importance, c: Colors): string {
    const lines = [
        c.bold('Importance of failure domains') +
        c.dim(` (those with an availability; for users: each service weighted by ${importance.weighting === 'users' ? 'its share of the users' : 'the same share, as no service declares users'})`)
    ];
    if (importance.domains.length === 0) {
        lines.push('  no failure domain declares an availability');
        return lines.join('\n') + '\n';
    }
    lines.push(c.dim(`  a user's service is down with probability ${formatProbability(importance.risk)}`));
    const header = ['rank', 'domain', 'availability', 'RAW', 'RRW', 'Birnbaum', 'Fussell-Vesely', 'services'];
    const rows = importance.domains.map(d => [
        d.rank === null ? '—' : String(d.rank),
        cm.names[d.domain],
        formatPercent(d.availability),
        ...measureCells(d.users),
        String(d.services.length)
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const numeric = new Set([0, 3, 4, 5, 6, 7]);
    const cell = (text: string, i: number) => (numeric.has(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
    lines.push('  ' + c.dim(header.map(cell).join('  ').trimEnd()));
    for (const row of rows) lines.push('  ' + row.map(cell).join('  ').trimEnd());
    if (importance.leftOut.length > 0) {
        const names = importance.leftOut.map(s => cm.names[s]);
        lines.push(c.yellow(`  left out (too large to compute exactly): ${names.slice(0, 8).join(', ')}${names.length > 8 ? `, and ${names.length - 8} more` : ''}`));
    }
    lines.push(c.dim('  RAW: how much worse if it fails; RRW: how much better if it never failed; "services": how many depend on it.'));
    return lines.join('\n') + '\n';
}

function measureCells(m: ImportanceMeasures): string[] {
    return [formatMeasure(m.raw), formatMeasure(m.rrw), formatMeasure(m.birnbaum), formatMeasure(m.fussellVesely)];
}

/** A small probability for people: 0.0123%, 1.2e-9. */
function formatProbability(p: number): string {
    if (p === 0) return '0';
    if (p >= 1e-6) return formatPercent(p);
    return formatMeasure(p);
}
