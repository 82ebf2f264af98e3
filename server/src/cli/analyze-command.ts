/**
 * `topo analyze FILE`: every service's SPOFs and availability, every failure domain's blast
 * radius. A model with language errors exits 1 with the errors on stderr.
 */
import { analyze, availabilityBasis, pathText, type AnalysisResult } from '../analysis/index.js';
import { formatDowntime, formatDuration, formatPercent, formatUsers, MINUTE_DECIMALS, PROBABILITY_DECIMALS, roundTo } from '../common/format.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { Colors, OutputColors } from './output-style.js';

export async function runAnalyze(path: string, format: 'text' | 'json', colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const result = analyze(model.built.model);
    if (format === 'json') {
        return { stdout: JSON.stringify(analysisJson(result), null, 2) + '\n', stderr: '', exitCode: 0 };
    }
    return { stdout: analysisText(result, colors.out), stderr: '', exitCode: 0 };
}

export function analysisJson(result: AnalysisResult): object {
    return {
        schemaVersion: 1,
        services: result.services.map(s => ({
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
        })),
        domains: result.domains.map(d => ({
            name: d.name, kind: d.kind, down: d.down, degraded: d.degraded, users: d.users
        }))
    };
}

export function analysisText(result: AnalysisResult, c: Colors): string {
    const lines: string[] = [c.bold('Services')];
    for (const s of result.services) {
        const spofs = s.neverUp
            ? c.red('never up')
            : s.spofs.length === 0
                ? c.green('no single point of failure')
                : 'fails with ' + s.spofs.map(d => s.nearest.includes(d) ? c.red(d) : d).join(', ');
        lines.push(`  ${c.bold(s.name)}: ${spofs}${availabilityText(s)}`);
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
    }
    lines.push('', c.bold('Failure domains') + c.dim(' (what goes down if each fails alone)'));
    for (const d of result.domains) {
        const down = d.down.length ? d.down.join(', ') : 'nothing';
        const degraded = d.degraded.length ? `; degraded: ${d.degraded.join(', ')}` : '';
        const users = d.users ? `; ${formatUsers(d.users)} users` : '';
        lines.push(`  ${c.bold(d.name)} (${d.kind}): down: ${down}${degraded}${users}`);
    }
    return lines.join('\n') + '\n';
}

/** "worst single failure: pangyo, down 10h (until pangyo recovers), rto 1h; worst data loss: …" or "" */
export function recoveryText(s: AnalysisResult['services'][number]): string {
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

function availabilityText(s: AnalysisResult['services'][number]): string {
    if (s.availability !== null) {
        const downtime = s.downtimeMinutesPerYear === null || s.downtimeMinutesPerYear === 0 ? '' : `, ${formatDowntime(s.downtimeMinutesPerYear)} down a year`;
        return `; availability ${formatPercent(s.availability)}${downtime}`;
    }
    if (s.availabilityBounds) {
        return `; availability between ${formatPercent(s.availabilityBounds[0])} and ${formatPercent(s.availabilityBounds[1])}`;
    }
    return '';
}
