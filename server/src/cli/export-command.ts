/**
 * `topo export FILE --format open-psa|dot|mermaid [--service S]`: the model for other tools, on
 * stdout. open-psa: the fault tree of "S is down" (needs --service; a dependency cycle in S's cone
 * is refused, exit 2). dot, mermaid: the dependency graph, or S's cone with --service.
 */
import { dotGraph, ExportError, mermaidGraph, openPsaFaultTree } from '../export/index.js';
import type { CommandOutput } from './check-command.js';
import { languageErrorOutput } from './language-errors.js';
import { loadFiles, rootModel } from './load-models.js';
import type { OutputColors } from './output-style.js';
import { UsageError } from './usage-error.js';

export type ExportFormat = 'open-psa' | 'dot' | 'mermaid';

export async function runExport(path: string, format: ExportFormat, service: string | undefined, colors: OutputColors): Promise<CommandOutput> {
    if (format === 'open-psa' && service === undefined) {
        throw new UsageError('--format open-psa needs --service NAME: the fault tree\'s top event is that service being down');
    }
    const workspace = await loadFiles([path]);
    const model = rootModel(workspace, workspace.roots[0]);
    const failed = languageErrorOutput(model, colors.err);
    if (failed) return failed;
    const elements = model.built.model;
    if (service !== undefined && !elements.elements.some(e => e.name === service)) {
        throw new UsageError(`--service names \`${service}\`, which is not in the model of ${path}`);
    }
    try {
        const text = format === 'open-psa' ? openPsaFaultTree(elements, service!)
            : format === 'dot' ? dotGraph(elements, { service })
                : mermaidGraph(elements, { service });
        return { stdout: text, stderr: '', exitCode: 0 };
    } catch (error) {
        if (error instanceof ExportError) throw new UsageError(error.message);
        throw error;
    }
}
