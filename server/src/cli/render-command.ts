/**
 * `topo render FILE --format svg [--focus NAME [--hops K]] [--fail NAMES] [--collapse NAMES|all]
 * [--timeline] [-o OUT]`: the preview's picture of the model as a standalone SVG
 * (server/src/render/), on stdout or into OUT. --focus: only NAME's neighbourhood; --fail: the
 * simulation drawn as the preview draws it; --timeline: its outage over time, under the graph;
 * --collapse: those regions and sites drawn closed, with what they hold counted.
 */
import { writeFile } from 'node:fs/promises';
import { analyze, simulate } from '../analysis/index.js';
import { graphParts } from '../analysis/model-graph.js';
import type { ModelGraph } from '../common/protocol.js';
import { MAX_HOPS, MIN_HOPS, renderSvg } from '../render/render-svg.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { UsageError } from './usage-error.js';

export interface RenderCommandOptions {
    focus?: string;
    hops: number;
    fail: string[];
    /** regions and sites drawn collapsed; `all`: every one */
    collapse: string[];
    /** with `fail`: the outage over time drawn under the graph */
    timeline?: boolean;
    out?: string;
}

export function parseHops(value: string): number {
    const hops = Number(value);
    if (!/^\d+$/.test(value.trim()) || hops < MIN_HOPS || hops > MAX_HOPS) throw new UsageError(`--hops must be 1, 2 or 3, not \`${value}\``);
    return hops;
}

export async function runRender(path: string, options: RenderCommandOptions, colors: OutputColors): Promise<CommandOutput> {
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const elements = model.built.model.elements;
    const known = new Set(elements.map(e => e.name));
    if (options.focus !== undefined && !known.has(options.focus)) {
        throw new UsageError(`--focus names \`${options.focus}\`, which is not in the model of ${path}`);
    }
    if (options.timeline && options.fail.length === 0) throw new UsageError('--timeline draws the outage of a simulation: name what fails with --fail');
    const unknown = options.fail.filter(name => !known.has(name));
    if (unknown.length > 0) {
        throw new UsageError(`--fail names ${unknown.map(n => `\`${n}\``).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in the model of ${path}`);
    }
    const containers = elements.filter(e => e.kind === 'region' || e.kind === 'site').map(e => e.name);
    const notContainers = options.collapse.filter(name => name !== 'all' && !containers.includes(name));
    if (notContainers.length > 0) {
        throw new UsageError(`--collapse names ${notContainers.map(n => `\`${n}\``).join(', ')}, which ${notContainers.length === 1 ? 'is not a region or site' : 'are not regions or sites'} of the model of ${path}`);
    }
    const collapsed = new Set(options.collapse.includes('all') ? containers : options.collapse);
    const reports = new Map(analyze(model.built.model).services.map(s => [s.name, s]));
    const parts = graphParts(elements, name => reports.get(name), name => {
        const source = model.built.sources.get(name)!;
        return { uri: source.uri, range: source.name };
    });
    const graph: ModelGraph = { uri: model.root.uri.toString(), ...parts, errors: [] };
    const simulation = options.fail.length > 0 ? simulate(model.built.model, options.fail) : undefined;
    const title = [path, options.focus !== undefined ? `around ${options.focus}` : undefined, simulation ? `${options.fail.join(' and ')} failed` : undefined]
        .filter(Boolean).join(', ');
    const svg = await renderSvg(graph, { simulation, title, collapsed, timeline: options.timeline === true, focus: options.focus !== undefined ? { name: options.focus, hops: options.hops } : undefined });
    if (options.out === undefined) return { stdout: svg, stderr: '', exitCode: 0 };
    try {
        await writeFile(options.out, svg);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot write ${options.out}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
    }
    return { stdout: '', stderr: '', exitCode: 0 };
}
