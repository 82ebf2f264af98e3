/**
 * Shows the current graph: builds its scene, reuses the positions on screen when the edit
 * allows (layout/plan-update.ts) or has it laid out (the newest scene wins: layout-runner.ts),
 * then paints it — the drawing, the overlay, the first fit or the saved view of the file, the
 * tab stop, the status, the outage table — and marks the paint for the extension and the
 * tests (`body[data-rendered]`).
 */
import { LayoutRunner } from './layout-runner.js';
import type { Layout } from './layout/layout.js';
import { planUpdate } from './layout/plan-update.js';
import type { SavedState } from './saved-state.js';
import { buildScene } from './scene/build-scene.js';
import { neighbourhood } from './scene/neighbourhood.js';
import type { Scene } from './scene/scene.js';
import type { Measure } from './scene/text.js';
import type { PreviewState } from './state.js';
import { overlayOf } from './state.js';
import type { ViewState } from './view-state.js';
import type { GraphRenderer } from './view/graph-renderer.js';
import type { OutageTable } from './view/outage-table.js';
import type { StatusLine } from './view/status-line.js';
import type { TabStop } from './view/tab-stop.js';
import type { Toolbar } from './view/toolbar.js';
import type { Viewport } from './view/viewport.js';

export interface GraphUpdaterParts {
    state: PreviewState;
    saved: SavedState;
    measure: Measure;
    renderer: GraphRenderer;
    viewport: Viewport;
    status: StatusLine;
    toolbar: Toolbar;
    outages: OutageTable;
    tabStop: TabStop;
    viewState: ViewState;
    fit(): void;
    /** after each paint is on screen (an "Expand all" then expands its next level) */
    painted?(): void;
}

export class GraphUpdater {
    private readonly layouts: LayoutRunner;

    constructor(private readonly parts: GraphUpdaterParts) {
        const { state, status } = parts;
        this.layouts = new LayoutRunner({ status, direction: () => state.direction, paint: (scene, layout) => this.paint(scene, layout) });
    }

    /** Draws the current graph again: with the positions on screen when it can, else after a layout. */
    update(): void {
        this.show(false);
    }

    /** Lays the graph out again from scratch. */
    relayout(): void {
        this.show(true);
    }

    private show(forceFull: boolean): void {
        const { state, measure } = this.parts;
        if (!state.graph) return;
        const t0 = performance.now();
        // A neighbourhood is drawn whole (it is small); the whole graph with its collapsed containers.
        const focused = state.focus ? neighbourhood(state.graph, state.focus.name, state.focus.hops) : null;
        const scene = focused
            ? buildScene(focused, { collapsed: new Set() }, measure)
            : buildScene(state.graph, { collapsed: state.collapsed }, measure);
        document.body.dataset.sceneMs = String(Math.round(performance.now() - t0));
        const fromScratch = forceFull || this.layouts.fromScratch;
        const plan = fromScratch ? { kind: 'full' as const, reason: 'asked' } : planUpdate(state.current, scene, state.direction);
        if (plan.kind === 'reuse') {
            this.layouts.cancel();
            this.paint(scene, plan.layout);
        } else {
            this.layouts.request(scene, fromScratch);
        }
    }

    private paint(scene: Scene, layout: Layout): void {
        const { state, saved, renderer, viewport, status, toolbar, outages, tabStop, viewState } = this.parts;
        state.current = { scene, layout };
        const t0 = performance.now();
        renderer.render(scene, layout);
        renderer.applyOverlay(overlayOf(state));
        document.body.dataset.renderMs = String(Math.round(performance.now() - t0));
        const uri = state.graph!.uri;
        if (state.refit) {
            state.refit = false;
            state.fittedUri = uri;
            this.parts.fit();
        } else if (state.fittedUri !== uri) {
            state.fittedUri = uri;
            const view = saved.viewOf(uri);
            if (view) viewport.set(view.k, view.x, view.y, true);
            else this.parts.fit();
        }
        tabStop.ensure();
        if (status.kind === 'busy') status.set('');
        if (scene.nodes.size === 0) status.set('This model has no elements yet: declare a region, a site or a service.', 'empty');
        else if (status.kind === 'empty') status.set('');
        toolbar.showCollapsed(state.collapsed.size > 0);
        renderer.root.classList.toggle('focused', state.focus !== null);
        renderer.applyHeat(state.heat ? state.heatMeasure : null, state.graph!.elements);
        renderer.markFocus(state.focus ? scene.shownAs.get(state.focus.name) ?? null : null);
        outages.show(state.simulation, state.graph);
        const generation = ++state.generation;
        requestAnimationFrame(() => setTimeout(() => {
            document.body.dataset.paintedAt = String(performance.now());
            document.body.dataset.rendered = String(generation);
            viewState.report();
            this.parts.painted?.();
        }, 0));
    }
}
