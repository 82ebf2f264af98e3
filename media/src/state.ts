/**
 * What the preview shows and what the user chose, in one object that the modules share:
 * the graph on screen, the simulation, the highlight, the selection, the collapsed
 * containers, the scene and layout drawn, the keyboard's tab stop. What only one module
 * needs (the hover card's timers, the layout queue, the text-width cache) stays in it.
 */
import type { GraphElement, ModelGraph, SimulationResult } from '../../server/src/common/protocol.js';
import type { Direction, Layout } from './layout/layout.js';
import type { Scene } from './scene/scene.js';
import type { HeatMeasure } from './draw/heat.js';
import { simulationAt } from './timeline-moment.js';
import type { Overlay } from './view/graph-renderer.js';

export interface PreviewState {
    /** the graph on screen (the last good one) */
    graph: ModelGraph | null;
    /** the errors of the newest graph (a graph with errors leaves the last good one on screen) */
    errors: string[];
    direction: Direction;
    /** the regions and sites drawn collapsed */
    collapsed: Set<string>;
    simulation: SimulationResult | null;
    /** the element under the editor's cursor */
    highlight: string | null;
    /** the elements selected for a simulation */
    selection: Set<string>;
    /** the scene on screen and its layout */
    current: { scene: Scene; layout: Layout } | null;
    /** how many times the scene was painted (reported to the extension and the tests) */
    generation: number;
    /** the file whose saved view (or a fit) has been applied */
    fittedUri: string | null;
    /** the node that is the keyboard's tab stop */
    focusedId: string | null;
    /** "Show neighbourhood": only this element and what is within `hops` of it are drawn */
    focus: { name: string; hops: number } | null;
    /** "Follow": the element under the editor's cursor becomes the focus */
    follow: boolean;
    /** the next paint fits the graph to the window (after the focus changed) */
    refit: boolean;
    /** the simulation's moment shown (minutes since the failure), when it has a timeline; null: the end state */
    moment: number | null;
    /** heat map: failure domains coloured by the users they take down alone */
    heat: boolean;
    /** what the heat map colours the failure domains by (draw/heat.ts) */
    heatMeasure: HeatMeasure;
}

export function initialState(): PreviewState {
    return {
        graph: null, errors: [], direction: 'DOWN', collapsed: new Set(), simulation: null, highlight: null,
        selection: new Set(), current: null, generation: 0, fittedUri: null, focusedId: null,
        focus: null, follow: false, refit: false, moment: null, heat: false, heatMeasure: 'blast'
    };
}

export function elementNamed(state: PreviewState, name: string): GraphElement | undefined {
    return state.graph?.elements.find(e => e.name === name);
}

/** What is drawn over the graph's geometry. */
export function overlayOf(state: PreviewState): Overlay {
    const simulation = state.simulation ? simulationAt(state.simulation, state.moment) : null;
    return { simulation, highlight: state.highlight, selection: state.selection };
}
