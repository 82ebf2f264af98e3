/**
 * `topo drill FILE [NAME…]`: runs the drills of the model (all, or those named) and prints each
 * one's simulation and whether each `expect` holds. Exit 1 when an `expect` does not hold (or the
 * model has language errors); 2 for a name that is not a drill of the model.
 */
import { compileModel, runDrill, type DrillResult } from '../analysis/index.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { Colors, OutputColors } from './output-style.js';
import { simulationJson, simulationText } from './simulate-command.js';
import { UsageError } from './usage-error.js';

export async function runDrills(path: string, names: string[], format: 'text' | 'json', colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const drills = model.built.model.drills ?? [];
    if (drills.length === 0) throw new UsageError(`${path} has no drill (and imports none): write one as \`drill "NAME" { fail SITE  expect SERVICE up }\``);
    const unknown = names.filter(name => !drills.some(d => d.name === name));
    if (unknown.length > 0) {
        throw new UsageError(`no drill named ${unknown.map(n => `"${n}"`).join(', ')} in ${path}; its drills: ${drills.map(d => `"${d.name}"`).join(', ')}`);
    }
    const chosen = names.length === 0 ? drills : drills.filter(d => names.includes(d.name));
    const cm = compileModel(model.built.model);
    const results = chosen.map(d => runDrill(cm, d));
    const exitCode = results.every(r => r.passed) ? 0 : 1;
    if (format === 'json') return { stdout: JSON.stringify(drillsJson(results), null, 2) + '\n', stderr: '', exitCode };
    const users = new Map(model.built.model.elements.map(e => [e.name, e.users]));
    return { stdout: drillsText(results, users, colors.out), stderr: '', exitCode };
}

export function drillsJson(results: readonly DrillResult[]): object {
    return {
        schemaVersion: 1,
        drills: results.map(r => {
            const { schemaVersion: _version, ...simulation } = simulationJson(r.simulation) as { schemaVersion: number };
            void _version;
            return {
                name: r.name,
                passed: r.passed,
                expectations: r.expectations.map(e => ({ expected: e.expected, holds: e.holds, found: e.found })),
                simulation
            };
        })
    };
}

function drillsText(results: readonly DrillResult[], users: Map<string, number>, c: Colors): string {
    const parts: string[] = [];
    for (const r of results) {
        const held = r.expectations.filter(e => e.holds).length;
        const lines = [
            `${c.bold(`Drill "${r.name}"`)}: ${r.passed ? c.green('passed') : c.red('failed')} (${held} of ${r.expectations.length} expectations hold)`
        ];
        for (const e of r.expectations) {
            lines.push(`  ${e.holds ? c.green('✓') : c.red('✗')} expect ${e.expected}: ${e.found}`);
        }
        lines.push('', simulationText(r.simulation, users, c).trimEnd());
        parts.push(lines.join('\n'));
    }
    const failing = results.filter(r => !r.passed).length;
    parts.push(failing === 0 ? c.green(`${results.length === 1 ? 'The drill passes' : `All ${results.length} drills pass`}.`) : `${failing} of ${results.length} drills failed.`);
    return parts.join('\n\n') + '\n';
}
