/**
 * `topo simulate FILE --fail a,b`: what is down, degraded and up when these fail together, and
 * how long each interrupted service is out.
 */
import { simulate, type SimulationResult } from '../analysis/index.js';
import { formatMinutes, formatUsers, MINUTE_DECIMALS, plural, roundTo } from '../common/format.js';
import { timelineText } from '../common/simulation-text.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { Colors, OutputColors } from './output-style.js';
import { UsageError } from './usage-error.js';

export async function runSimulate(path: string, fail: string[], format: 'text' | 'json', colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const known = new Set(model.built.model.elements.map(e => e.name));
    const unknown = fail.filter(name => !known.has(name));
    if (unknown.length > 0) {
        throw new UsageError(`--fail names ${unknown.map(n => `\`${n}\``).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the model of ${path}`);
    }
    const result = simulate(model.built.model, fail);
    const users = new Map(model.built.model.elements.map(e => [e.name, e.users]));
    if (format === 'json') {
        return { stdout: JSON.stringify(simulationJson(result), null, 2) + '\n', stderr: '', exitCode: 0 };
    }
    return { stdout: simulationText(result, users, colors.out), stderr: '', exitCode: 0 };
}

export function simulationJson(result: SimulationResult): object {
    return {
        schemaVersion: 1,
        failed: result.failed,
        down: result.down,
        degraded: result.degraded,
        up: result.up,
        users: result.users,
        outages: Object.fromEntries(Object.entries(result.outages).map(([name, o]) => [name, { ...o, minutes: roundTo(o.minutes, MINUTE_DECIMALS) }])),
        domainsDown: result.domainsDown,
        ...(result.timeline ? {
            timeline: {
                steps: result.timeline.steps.map(step => ({ ...step, at: roundTo(step.at, MINUTE_DECIMALS) })),
                end: roundTo(result.timeline.end, MINUTE_DECIMALS)
            }
        } : {})
    };
}

export function simulationText(result: SimulationResult, users: Map<string, number>, c: Colors): string {
    const who = result.failed.join(' and ');
    const down = new Set(result.down);
    const degraded = new Set(result.degraded);
    // interrupted, then up again on a standby: in the outages, neither down nor degraded now
    const recovered = Object.keys(result.outages).filter(name => !down.has(name) && !degraded.has(name));
    const failedSet = new Set(result.failed);
    const cascade = result.domainsDown.filter(d => !failedSet.has(d));
    const lines = [
        c.bold(`${who} ${result.failed.length === 1 ? 'fails' : 'fail'}: `) +
        `${plural(result.down.length, 'service')} down, ${result.degraded.length} degraded` +
        (recovered.length > 0 ? `, ${recovered.length} up again after failing over` : '') +
        `, ${formatUsers(result.users)} users affected.`,
        `  ${c.red('down')}      ${result.down.join(', ') || '—'}`,
        `  ${c.yellow('degraded')}  ${result.degraded.join(', ') || '—'}`,
        `  ${c.green('up')}        ${result.up.join(', ') || '—'}`
    ];
    if (cascade.length > 0) lines.push(`  ${c.red('domains')}   ${cascade.join(', ')} ${c.dim('(failure domains down with it)')}`);
    const outages = Object.entries(result.outages).sort(([a, x], [b, y]) =>
        (y.minutes ?? Infinity) - (x.minutes ?? Infinity) || (users.get(b) ?? 0) - (users.get(a) ?? 0) || a.localeCompare(b));
    if (outages.length > 0) {
        lines.push('', c.bold('Outages') + c.dim(' (longest first)'));
        const width = Math.max(...outages.map(([name]) => name.length));
        for (const [name, outage] of outages) {
            const u = users.get(name) ?? 0;
            const saysFailover = outage.reason.startsWith('fails over');
            const state = down.has(name) ? '' : degraded.has(name) ? c.dim(' (degraded now)') : saysFailover ? '' : c.dim(' (up again after failing over)');
            lines.push(`  ${name.padEnd(width)}  ${formatMinutes(outage.minutes).padEnd(8)}  ${outage.reason}${state}${u ? c.dim(` · ${formatUsers(u)} users`) : ''}`);
        }
    }
    const overTime = result.timeline ? timelineText(result.timeline) : '';
    if (overTime) lines.push('', c.bold('Over time') + c.dim(' (since the failure)'), `  ${overTime}`);
    return lines.join('\n') + '\n';
}
