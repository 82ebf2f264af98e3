/**
 * The answers of the editor protocol (server/src/protocol.ts), computed from the workspace
 * analysis and restricted to what the asking file sees (its import closure).
 */
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { isDomainKind } from '../analysis/model.js';
import { closureDocuments } from '../language/closure-model.js';
import type { BlastRadius, GraphEdge, GraphElement, GraphPlacement, ModelGraph, Outage, SimulationResult } from '../common/protocol.js';
import type { Timeline, TimelineStep } from '../common/results.js';
import { relative } from './hover-markdown.js';
import { isFinding } from './lsp-diagnostics.js';
import type { TopoLspServices } from './lsp-module.js';
import type { DocumentView } from './document-view.js';

export function modelGraph(services: TopoLspServices, document: LangiumDocument, view: DocumentView, version: number | undefined): ModelGraph {
    const analysis = view.analysis;
    const elements: GraphElement[] = [];
    const placements: GraphPlacement[] = [];
    const edges: GraphEdge[] = [];
    for (const e of analysis.elements.values()) {
        if (!view.sees(e.name)) continue;
        const source = analysis.built.sources.get(e.name)!;
        const report = analysis.services.get(e.name);
        const element: GraphElement = {
            name: e.name,
            kind: e.kind,
            uri: source.uri,
            range: source.name,
            tier: e.tier,
            users: e.users,
            spof: (report?.spofs.length ?? 0) > 0,
            nearestSpofs: report?.nearest ?? [],
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
        elements.push(element);

        for (const d of e.deployments) placements.push({ service: e.name, domain: d.domain, replicas: d.replicas, standby: d.standby, backup: false });
        for (const b of e.backups) placements.push({ service: e.name, domain: b, replicas: 1, standby: false, backup: true });
        e.dependsOn.forEach((term, index) => {
            for (const to of term.members) {
                if (term.form === 'one') edges.push({ from: e.name, to, kind: 'hard' });
                else if (term.form === 'any') edges.push({ from: e.name, to, kind: 'any', group: `${e.name}#${index}` });
                else edges.push({ from: e.name, to, kind: 'kof', group: `${e.name}#${index}`, k: term.k });
            }
        });
        for (const to of e.uses) edges.push({ from: e.name, to, kind: 'soft' });
        for (const to of e.monitors) edges.push({ from: e.name, to, kind: 'monitors' });
    }
    const from = document.uri.toString();
    const errors: string[] = [];
    for (const doc of closureDocuments(services, document)) {
        for (const d of doc.diagnostics ?? []) {
            if (isFinding(d) || (d.severity ?? DiagnosticSeverity.Error) !== DiagnosticSeverity.Error) continue;
            errors.push(`${relative(from, doc.uri.toString())}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
        }
    }
    const graph: ModelGraph = { uri: from, elements, placements, edges, errors };
    if (version !== undefined) graph.version = version;
    return graph;
}

export function simulation(view: DocumentView, failed: readonly string[]): SimulationResult | undefined {
    const known = failed.filter(n => view.sees(n));
    const result = view.analysis.simulate(known);
    if (!result) return undefined;
    const down = view.only(result.down);
    const degraded = view.only(result.degraded);
    const outages: Record<string, Outage> = {};
    for (const [name, outage] of Object.entries(result.outages)) {
        if (view.sees(name)) outages[name] = { minutes: outage.minutes, reason: outage.reason, users: outage.users };
    }
    const simulated: SimulationResult = {
        failed: [...failed],
        down,
        degraded,
        up: view.only(result.up),
        domainsDown: view.only(result.domainsDown),
        users: view.users([...down, ...degraded]),
        outages
    };
    if (result.timeline) simulated.timeline = timelineSeen(view, result.timeline);
    return simulated;
}

/** The timeline as the file sees it: its services only, steps that become equal merged. */
function timelineSeen(view: DocumentView, timeline: Timeline): Timeline {
    const steps: TimelineStep[] = [];
    for (const step of timeline.steps) {
        const down = view.only(step.down);
        const degraded = view.only(step.degraded);
        const previous = steps[steps.length - 1];
        if (previous && sameList(previous.down, down) && sameList(previous.degraded, degraded)) continue;
        steps.push({ at: step.at, down, degraded, users: view.users([...down, ...degraded]), unknown: view.only(step.unknown) });
    }
    const last = steps[steps.length - 1];
    return { steps, end: last.down.length === 0 && last.degraded.length === 0 ? last.at : null };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** undefined when the file does not see `element`. */
export function blastRadius(view: DocumentView, element: string): BlastRadius | undefined {
    const e = view.sees(element) ? view.analysis.elements.get(element) : undefined;
    if (!e) return undefined;
    const report = isDomainKind(e.kind) ? view.analysis.domains.get(element) : undefined;
    const state = report ?? view.analysis.simulate([element]);
    if (!state) return undefined;
    const down = view.only(state.down);
    const degraded = view.only(state.degraded);
    return { element, down, degraded, users: view.users([...down, ...degraded]), domainsDown: view.only(state.domainsDown) };
}
