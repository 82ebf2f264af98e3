/**
 * Exports of a model for other tools, pure (a model in, text out): a service's fault tree in the
 * Open-PSA Model Exchange Format, and the dependency graph as Graphviz DOT or a Mermaid flowchart.
 * What cannot be exported (an unknown name, a dependency cycle in a fault tree) is an `ExportError`.
 */
export { openPsaFaultTree } from './open-psa.js';
export { dotGraph } from './dot.js';
export { mermaidGraph } from './mermaid.js';
export { ExportError } from './export-error.js';
export { mefName, topoName } from './mef-names.js';
