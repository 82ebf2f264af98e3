/**
 * The preview webview's entry: builds the page, wires its parts together and starts. It
 * receives the model graph and simulation results from the extension (`ToPreview`,
 * extension-messages.ts), shows them (graph-updater.ts: scene/ → layout/ → draw/ → view/),
 * and reports clicks, hovers and simulation requests back (`FromPreview`).
 */
import './preview.css';
import type { FromPreview, ToPreview } from '../../server/src/common/protocol.js';
import { Collapsing } from './collapsing.js';
import { clear, html, svg } from './dom.js';
import { COLLAPSE_ABOVE, extensionMessageHandler } from './extension-messages.js';
import { Focus } from './focus.js';
import { GraphUpdater } from './graph-updater.js';
import * as elk from './layout/elk-runner.js';
import { SavedState } from './saved-state.js';
import { Selection } from './selection.js';
import { CONTAINER_KINDS } from './scene/scene.js';
import { elementNamed, initialState, overlayOf } from './state.js';
import { ViewState } from './view-state.js';
import { ContextMenu } from './view/context-menu.js';
import { CutSetMenu } from './view/cut-set-menu.js';
import { ErrorBanner } from './view/error-banner.js';
import { exportedSvg } from './view/export-svg.js';
import { FocusBar } from './view/focus-bar.js';
import { GraphRenderer } from './view/graph-renderer.js';
import { HeatLegend } from './view/heat-legend.js';
import { importanceOffered, type HeatMeasure } from './draw/heat.js';
import { HoverCard } from './view/hover-card.js';
import { listenToKeyboard } from './view/keyboard.js';
import { Legend } from './view/legend.js';
import { listenToNodePointer } from './view/node-pointer.js';
import { OutageTable } from './view/outage-table.js';
import { applyReadability, READABLE_ZOOM, tooSmallToRead } from './view/readability.js';
import { StatusLine } from './view/status-line.js';
import { TabStop } from './view/tab-stop.js';
import { TextMeasure } from './view/text-measure.js';
import { TimelineChart } from './view/timeline-chart.js';
import { Toolbar } from './view/toolbar.js';
import { Viewport } from './view/viewport.js';

const vscode = acquireVsCodeApi();
const post = (message: FromPreview): void => vscode.postMessage(message);
const saved = new SavedState(vscode);
const state = initialState();
const { measure } = new TextMeasure();

// The page, top to bottom: toolbar, error banner, the graph (with its status line and hover
// card), legend, outage table.
const app = document.getElementById('app') ?? html('div', { id: 'app' }, document.body);
clear(app);
const toolbar = new Toolbar(app, {
    simulate: () => selection.simulate(),
    clearSimulation: () => post({ type: 'simulate', names: [] }),
    zoomOut: () => viewport.zoomCenter(1 / 1.25),
    zoomIn: () => viewport.zoomCenter(1.25),
    fit: () => fit(),
    toggleAll: () => collapsing.toggleAll(),
    relayout: () => updater.relayout(),
    exportSvg: () => exportSvg(),
    toggleLegend: () => legend.show(!legend.shown)
});
const focusBar = new FocusBar(app, {
    elements: () => state.graph?.elements ?? [],
    focus: name => focus.show(name),
    clearFocus: () => focus.clear(),
    setHops: hops => focus.setHops(hops),
    setFollow: on => focus.setFollow(on),
    setHeat: on => heat(on),
    setHeatMeasure: measure => heatMeasure(measure)
});
const banner = new ErrorBanner(app);
const main = html('div', { class: 'main' }, app);
const svgEl = svg('svg', { class: 'graph', role: 'application', 'aria-label': 'Dependency graph', tabindex: 0 }, main);
const status = new StatusLine(main);
const hover = new HoverCard(main, svgEl, {
    element: name => elementNamed(state, name),
    request: name => post({ type: 'hoverRequest', name }),
    simulate: names => post({ type: 'simulate', names })
});
const timeline = new TimelineChart(app, at => {
    state.moment = at;
    renderer.applyOverlay(overlayOf(state));
});
const heatLegend = new HeatLegend(app);
const legend = new Legend(app, saved, shown => toolbar.showLegend(shown));
const outages = new OutageTable(app, { clearSimulation: () => post({ type: 'simulate', names: [] }), reveal: name => post({ type: 'reveal', name }) });

const renderer = new GraphRenderer(svgEl, measure);
const viewport = new Viewport(svgEl, renderer.viewport, view => {
    applyReadability(svgEl, view.k);
    viewState.changed();
    semanticZoom();
});
const viewState = new ViewState(state, saved, viewport, renderer, post);
const fit = (): void => viewport.fit(renderer.bounds(), undefined, undefined, undefined, READABLE_ZOOM);
const tabStop = new TabStop(state, renderer, viewport, hover);
const selection = new Selection(state, renderer, toolbar, tabStop, post);
const updater = new GraphUpdater({ state, saved, measure, renderer, viewport, status, toolbar, outages, tabStop, viewState, fit, painted: () => {
    if (overviewNote) status.set(OVERVIEW_SHOWN);
    // the model may no longer offer the measure shown (no availability declared any more): back to the blast radius
    if (state.heat && state.heatMeasure !== 'blast' && !importanceOffered(state.graph?.elements ?? [])) heatMeasure('blast');
    else if (state.heat) heatLegend.show(state.heatMeasure, state.graph);
    focusBar.showHeat(state.heat, state.heatMeasure, importanceOffered(state.graph?.elements ?? []));
    overviewNote = false;
    collapsing.painted();
} });
const collapsing = new Collapsing(state, () => {
    if (status.text === OVERVIEW_SHOWN) status.set('');
    viewState.save();
    updater.update();
});
// Semantic zoom: zoomed out (by the user) so far that not even titles can be read, a big model
// goes back to its overview — fewer, aggregated boxes whose counts can be read.
const OVERVIEW_SHOWN = 'Zoomed out too far to read the names: showing the overview. Expand a region, or find a service (Ctrl+F).';
let semanticTimer: ReturnType<typeof setTimeout> | undefined;
/** the next paint is the overview the semantic zoom asked for: say so */
let overviewNote = false;
function semanticZoom(): void {
    clearTimeout(semanticTimer);
    semanticTimer = setTimeout(() => {
        const graph = state.graph;
        if (!graph || !viewport.userMoved || !tooSmallToRead(viewport.k) || state.focus || collapsing.expanding) return;
        if (graph.elements.length <= COLLAPSE_ABOVE) return;
        const open = graph.elements.some(e => CONTAINER_KINDS.has(e.kind) && !state.collapsed.has(e.name));
        if (!open) return;
        state.refit = true;
        collapsing.collapseAll();
        overviewNote = true;
    }, 400);
}
const focus = new Focus(state, () => updater.update(), (shown, hops) => focusBar.showFocus(shown, hops));
const menu = new ContextMenu(app);
const cutSetMenu = new CutSetMenu(menu, { ask: name => post({ type: 'cutSetsRequest', name }), simulate: names => post({ type: 'simulate', names }) });
const openMenu = (g: SVGGElement, x?: number, y?: number): void => {
    const name = g.dataset.name;
    if (!name) return;
    const r = g.getBoundingClientRect();
    const container = g.classList.contains('t-container');
    menu.show(x ?? r.left + 12, y ?? r.bottom - 4, [
        { label: 'Show neighbourhood', key: 'N', run: () => focus.show(name) },
        { label: 'Go to definition', key: 'Enter', run: () => post({ type: 'reveal', name }) },
        { label: state.selection.has(name) ? 'Deselect' : 'Select for a simulation', key: 'Space', run: () => selection.toggle(name) },
        ...(isService(name) ? [{ label: 'Cut sets…', run: () => cutSetMenu.open(name, x ?? r.left + 12, y ?? r.bottom - 4, g, elementNamed(state, name)?.neverUp) }] : []),
        ...(container ? [{ label: g.classList.contains('collapsed') ? 'Expand' : 'Collapse', key: 'C', run: () => collapsing.toggle(name) }] : []),
        ...(focus.active ? [{ label: 'Show all', key: 'Esc', run: () => focus.clear() }] : [])
    ], g);
};
const isService = (name: string): boolean => {
    const kind = elementNamed(state, name)?.kind;
    return kind === 'service' || kind === 'datastore';
};
const heat = (on: boolean): void => {
    state.heat = on;
    const measure = on ? state.heatMeasure : null;
    post({ type: 'importance', on: measure !== null && measure !== 'blast' });
    renderer.applyHeat(measure, state.graph?.elements ?? []);
    heatLegend.show(measure, state.graph);
};
const heatMeasure = (measure: HeatMeasure): void => {
    state.heatMeasure = measure;
    heat(state.heat);
};
const exportSvg = (): void => {
    if (state.current) post({ type: 'exportSvg', svg: exportedSvg(svgEl, renderer.bounds()) });
};

listenToNodePointer({ svgEl, renderer, viewport, hover, tabStop, selection, collapsing, post, openMenu });
listenToKeyboard({ state, svgEl, renderer, viewport, hover, tabStop, selection, collapsing, focus, openMenu, fit, post });
// Ctrl+F (Cmd+F) anywhere in the preview: into the search box.
document.addEventListener('keydown', event => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        menu.close(false);
        focusBar.openSearch();
    }
}, true);
// Keep the graph fitted when the window or the outage table changes its size, unless the user
// has zoomed or panned since.
new ResizeObserver(() => {
    if (state.current && !viewport.userMoved) fit();
}).observe(main);
const onMessage = extensionMessageHandler({ state, saved, app, banner, toolbar, hover, renderer, viewport, outages, updater, focus, simulationShown: () => timeline.show(state.simulation), exportSvg, cutSets: message => cutSetMenu.received(message) });
window.addEventListener('message', event => onMessage(event.data as ToPreview));

status.set('Waiting for the model…', 'busy');
elk.warmUp();
post({ type: 'ready' });
