/**
 * The answers of the editor protocol (server/src/protocol.ts), computed from the workspace
 * analysis and restricted to what the asking file sees (its import closure).
 */
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { isDomainKind } from '../analysis/model.js';
import { graphParts } from '../analysis/model-graph.js';
import { closureDocuments } from '../language/closure-model.js';
import type { BlastRadius, GraphImportance, ModelGraph, Outage, SimulationResult } from '../common/protocol.js';
import type { Timeline, TimelineStep } from '../common/results.js';
import { relative } from './hover-markdown.js';
import { isFinding } from './lsp-diagnostics.js';
import type { TopoLspServices } from './lsp-module.js';
import type { DocumentView } from './document-view.js';

export function modelGraph(services: TopoLspServices, document: LangiumDocument, view: DocumentView, version: number | undefined, withImportance = false): ModelGraph {
    const analysis = view.analysis;
    const { elements, placements, edges } = graphParts(
        [...analysis.elements.values()].filter(e => view.sees(e.name)),
        name => analysis.services.get(name),
        name => {
            const source = analysis.built.sources.get(name)!;
            return { uri: source.uri, range: source.name };
        }
    );
    // failure domains: their blast radius in users, counted over what the file sees (the preview's heat map)
    for (const element of elements) {
        if (!isDomainKind(element.kind)) continue;
        const blast = analysis.domains.get(element.name);
        if (blast) element.blastUsers = view.users([...view.only(blast.down), ...view.only(blast.degraded)]);
    }
    // asked for by the heat map: the importance measures of `topo analyze --importance` (the whole
    // closure's, as the hover's rank); nothing to compute when no failure domain declares an availability
    const importance = !withImportance ? undefined
        : elements.some(e => isDomainKind(e.kind) && e.availability !== null) ? analysis.importanceByName() : new Map<string, GraphImportance>();
    if (importance instanceof Map) {
        for (const element of elements) {
            const measures = importance.get(element.name);
            if (measures) element.importance = measures;
        }
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
    if (importance !== undefined) graph.importance = importance instanceof Map ? 'computed' : 'too large';
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
