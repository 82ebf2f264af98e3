/**
 * A model as the graph the preview draws (and `topo render` draws in Node): its elements with
 * what the analysis says of each (SPOFs, never up, availability), its placements and its
 * dependency edges. Pure: where each element is declared and which elements to include are
 * the caller's (the language server restricts it to what a file sees).
 */
import type { GraphEdge, GraphElement, GraphPlacement, Range } from '../common/protocol.js';
import type { Element } from './model.js';

export interface GraphParts {
    elements: GraphElement[];
    placements: GraphPlacement[];
    edges: GraphEdge[];
}

/** What the analysis says of a service that the graph shows. */
export interface GraphReport {
    spofs: readonly string[];
    nearest: readonly string[];
    neverUp: boolean;
    availability: number | null;
}

export function graphParts(
    elements: Iterable<Element>,
    reportOf: (name: string) => GraphReport | undefined,
    sourceOf: (name: string) => { uri: string; range: Range }
): GraphParts {
    const parts: GraphParts = { elements: [], placements: [], edges: [] };
    for (const e of elements) {
        const source = sourceOf(e.name);
        const report = reportOf(e.name);
        const element: GraphElement = {
            name: e.name,
            kind: e.kind,
            uri: source.uri,
            range: source.range,
            tier: e.tier,
            users: e.users,
            spof: (report?.spofs.length ?? 0) > 0,
            nearestSpofs: [...(report?.nearest ?? [])],
            neverUp: report?.neverUp ?? false,
            availability: report ? report.availability : e.availability ?? null,
            tags: [...e.meta.tags]
        };
        if (e.label !== undefined) element.label = e.label;
        if (e.container !== undefined) element.container = e.container;
        if (e.meta.description !== undefined) element.description = e.meta.description;
        if (e.meta.owner !== undefined) element.owner = e.meta.owner;
        if (e.meta.operator !== undefined) element.operator = e.meta.operator;
        if (e.meta.infraKind !== undefined) element.infraKind = e.meta.infraKind;
        parts.elements.push(element);

        for (const d of e.deployments) parts.placements.push({ service: e.name, domain: d.domain, replicas: d.replicas, standby: d.standby, backup: false });
        for (const b of e.backups) parts.placements.push({ service: e.name, domain: b, replicas: 1, standby: false, backup: true });
        e.dependsOn.forEach((term, index) => {
            for (const to of term.members) {
                if (term.form === 'one') parts.edges.push({ from: e.name, to, kind: 'hard' });
                else if (term.form === 'any') parts.edges.push({ from: e.name, to, kind: 'any', group: `${e.name}#${index}` });
                else parts.edges.push({ from: e.name, to, kind: 'kof', group: `${e.name}#${index}`, k: term.k });
            }
        });
        for (const to of e.uses) parts.edges.push({ from: e.name, to, kind: 'soft' });
        for (const to of e.monitors) parts.edges.push({ from: e.name, to, kind: 'monitors' });
    }
    return parts;
}
