/**
 * The dependency graph in Graphviz DOT, for documentation (`dot -Tsvg graph.dot > graph.svg`).
 * Node ids are the element names (always safe: letters, digits, `-`, `_`), quoted; labels are
 * model text, escaped for a DOT string: `\` and `"` backslashed (so `\n`, `\N`, `\G` … in a label
 * stay literal), control characters as spaces.
 */

import { compileModel, type CompiledModel } from '../analysis/compile.js';
import type { ElementKind, Model } from '../analysis/model.js';
import { isCompiled } from '../analysis/prepared.js';
import { docGraph, plainText, type DocEdgeKind } from './doc-graph.js';

const SHAPES: Record<ElementKind, string> = {
    region: 'shape=tab',
    site: 'shape=box3d',
    infra: 'shape=hexagon',
    service: 'shape=box, style=rounded',
    datastore: 'shape=cylinder'
};

const EDGE_STYLES: Record<DocEdgeKind, string> = {
    'in': 'style=dashed, arrowhead=empty',
    'runs-on': 'color="#1f6fb2"',
    'standby': 'color="#1f6fb2", style=dashed',
    'depends-on': '',
    'uses': 'style=dotted',
    'monitors': 'style=dotted, color="#777777"',
    'backup': 'style=dashed, color="#777777"'
};

export function dotGraph(input: Model | CompiledModel, options: { service?: string } = {}): string {
    const cm = isCompiled(input) ? input : compileModel(input);
    const graph = docGraph(cm, options.service);
    const lines = [
        `digraph ${dotString(options.service === undefined ? 'topo' : `topo: ${options.service}`)} {`,
        '  graph [rankdir=TB, fontname="Helvetica"];',
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];'
    ];
    for (const node of graph.nodes) {
        const label = node.label === undefined ? [node.name, node.kind] : [node.name, node.label, node.kind];
        lines.push(`  ${dotString(node.name)} [${SHAPES[node.kind]}, label=${dotLabel(label)}];`);
    }
    for (const edge of graph.edges) {
        const style = EDGE_STYLES[edge.kind];
        lines.push(`  ${dotString(cm.names[edge.from])} -> ${dotString(cm.names[edge.to])} [label=${dotString(edge.text)}${style ? `, ${style}` : ''}];`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}

/** A DOT quoted string of `text` on one line. */
export function dotString(text: string): string {
    return `"${plainText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A DOT label of `lines`, centred (`\n` between them), each escaped as in `dotString`. */
function dotLabel(lines: readonly string[]): string {
    return `"${lines.map(line => dotString(line).slice(1, -1)).join('\\n')}"`;
}
