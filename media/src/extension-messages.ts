/**
 * What the extension tells the preview (`ToPreview`): a new graph (of the same file, or of
 * another one), a simulation's result, the element under the editor's cursor, an element's
 * hover, a request to export the drawing, and a service's cut sets.
 */
import type { CutSetsToPreview, ModelGraph, SimulationResult, ToPreview } from '../../server/src/common/protocol.js';
import type { Focus } from './focus.js';
import type { GraphUpdater } from './graph-updater.js';
import type { Direction } from './layout/layout.js';
import type { SavedState } from './saved-state.js';
import { CONTAINER_KINDS } from './scene/scene.js';
import type { PreviewState } from './state.js';
import { overlayOf } from './state.js';
import type { ErrorBanner } from './view/error-banner.js';
import type { GraphRenderer } from './view/graph-renderer.js';
import type { HoverCard } from './view/hover-card.js';
import type { OutageTable } from './view/outage-table.js';
import type { Toolbar } from './view/toolbar.js';
import type { Viewport } from './view/viewport.js';

/** Above this many elements a model opens as an overview: its regions and sites collapsed. */
export const COLLAPSE_ABOVE = 150;

export interface ExtensionMessageParts {
    state: PreviewState;
    saved: SavedState;
    /** the page's root (dimmed, class `stale`, while the model has errors) */
    app: HTMLElement;
    banner: ErrorBanner;
    toolbar: Toolbar;
    hover: HoverCard;
    renderer: GraphRenderer;
    viewport: Viewport;
    outages: OutageTable;
    updater: GraphUpdater;
    focus: Focus;
    /** a simulation arrived or went (the timeline chart follows) */
    simulationShown(): void;
    /** a service's cut sets arrived (the "Cut sets…" menu shows them) */
    cutSets(message: CutSetsToPreview): void;
    exportSvg(): void;
}

export function extensionMessageHandler(p: ExtensionMessageParts): (message: ToPreview) => void {
    return message => {
        switch (message.type) {
            case 'graph':
                document.body.dataset.graphAt = String(performance.now());
                onGraph(p, message.graph, message.direction);
                break;
            case 'simulation': onSimulation(p, message.result); break;
            case 'highlight': onHighlight(p, message.name); break;
            case 'hover': p.hover.received(message.name, message.markdown); break;
            case 'focus':
                if (message.name === null) p.focus.clear();
                else p.focus.show(message.name, message.hops);
                break;
            case 'exportSvg': p.exportSvg(); break;
            case 'cutSets': p.cutSets(message); break;
        }
    };
}

function onGraph(p: ExtensionMessageParts, next: ModelGraph, direction: Direction): void {
    const { state } = p;
    const sameFile = state.graph?.uri === next.uri;
    state.errors = next.errors ?? [];
    if (state.errors.length > 0 && state.graph && sameFile) {
        // Keep the last good graph, dimmed, under a banner naming the errors.
        p.banner.show(state.errors, true);
        p.app.classList.add('stale');
        return;
    }
    p.app.classList.toggle('stale', state.errors.length > 0);
    p.banner.show(state.errors, state.graph !== null);
    p.hover.forgetAll();
    if (!sameFile) {
        const view = p.saved.viewOf(next.uri);
        state.collapsed = new Set(view?.collapsed ?? (next.elements.length > COLLAPSE_ABOVE
            ? next.elements.filter(e => CONTAINER_KINDS.has(e.kind)).map(e => e.name) : []));
        state.selection.clear();
        p.toolbar.showSelection(0);
        state.highlight = null;
        state.fittedUri = null;
        state.focus = null;
        state.current = null;
        p.saved.showing(next.uri);
    }
    state.graph = next;
    state.direction = direction;
    p.toolbar.showFile(next.uri);
    p.focus.graphChanged();
    p.updater.update();
}

function onSimulation(p: ExtensionMessageParts, result: SimulationResult | null): void {
    p.state.simulation = result;
    p.state.moment = null;
    p.simulationShown();
    p.renderer.applyOverlay(overlayOf(p.state));
    p.outages.show(p.state.simulation, p.state.graph);
    p.toolbar.showSimulating(result !== null);
}

function onHighlight(p: ExtensionMessageParts, name: string | null): void {
    const { state, renderer } = p;
    if (state.highlight === name) return;
    state.highlight = name;
    p.focus.cursorOn(name);
    renderer.applyOverlay(overlayOf(state));
    if (name !== null) {
        const id = state.current?.scene.shownAs.get(name);
        const box = id ? renderer.boxOf(id) : undefined;
        if (box) p.viewport.ensureVisible(box);
    }
}
