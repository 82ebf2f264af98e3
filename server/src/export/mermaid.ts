/**
 * The dependency graph as a Mermaid flowchart, for Markdown documentation. Node ids are `n0`,
 * `n1`, … (an element name such as `end` or `o-x` would be read as syntax); every label is a
 * quoted string with Mermaid's entity codes for what would be read as markup or syntax
 * (`#` `"` `&` `<` `>` and the backquote), control characters as spaces.
 */

import { compileModel, type CompiledModel } from '../analysis/compile.js';
import type { ElementKind, Model } from '../analysis/model.js';
import { isCompiled } from '../analysis/prepared.js';
import { docGraph, plainText, type DocEdgeKind } from './doc-graph.js';

const SHAPES: Record<ElementKind, [string, string]> = {
    region: ['[[', ']]'],
    site: ['[', ']'],
    infra: ['{{', '}}'],
    service: ['(', ')'],
    datastore: ['[(', ')]']
};

const ARROWS: Record<DocEdgeKind, string> = {
    'in': '-.->',
    'runs-on': '-->',
    'standby': '-.->',
    'depends-on': '==>',
    'uses': '-.->',
    'monitors': '-.->',
    'backup': '-.->'
};

export function mermaidGraph(input: Model | CompiledModel, options: { service?: string } = {}): string {
    const cm = isCompiled(input) ? input : compileModel(input);
    const graph = docGraph(cm, options.service);
    const idOf = new Map<number, string>();
    graph.nodes.forEach((node, i) => idOf.set(node.id, `n${i}`));
    const lines = ['flowchart TD'];
    for (const node of graph.nodes) {
        const [open, close] = SHAPES[node.kind];
        const text = [node.name, ...(node.label === undefined ? [] : [node.label]), node.kind].map(mermaidText).join('<br/>');
        lines.push(`  ${idOf.get(node.id)}${open}"${text}"${close}`);
    }
    for (const edge of graph.edges) {
        lines.push(`  ${idOf.get(edge.from)} ${ARROWS[edge.kind]}|"${mermaidText(edge.text)}"| ${idOf.get(edge.to)}`);
    }
    return lines.join('\n') + '\n';
}

/** Text safe inside a quoted Mermaid label. */
export function mermaidText(text: string): string {
    return plainText(text)
        .replace(/#/g, '#35;')
        .replace(/&/g, '#38;')
        .replace(/"/g, '#quot;')
        .replace(/</g, '#lt;')
        .replace(/>/g, '#gt;')
        .replace(/`/g, '#96;');
}
