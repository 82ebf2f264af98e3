/**
 * The preview webview: receives the model graph and simulation results from the extension
 * (`ToPreview`), lays the graph out in a worker, draws it, and reports clicks, hovers and
 * simulation requests back (`FromPreview`).
 */
import '../preview.css';
import type { FromPreview, GraphElement, ModelGraph, SimulationResult, ToPreview } from '../../server/src/common/protocol.js';
import { formatUsers } from '../../server/src/common/format.js';
import { formatOutage, outageRows, summarizeSimulation } from '../../server/src/common/simulation-text.js';
import { clear, html, svg } from './dom.js';
import { layoutInput, readLayout } from './layout/elk-graph.js';
import * as elk from './layout/elk-runner.js';
import type { Direction, Layout } from './layout/layout.js';
import { nearestInDirection } from './layout/nearest-in-direction.js';
import { planUpdate } from './layout/plan-update.js';
import { renderMarkdown } from './markdown.js';
import { GraphRenderer } from './view/graph-renderer.js';
import { buildScene } from './scene/build-scene.js';
import type { Scene } from './scene/scene.js';
import { CONTAINER_KINDS } from './scene/scene.js';
import type { FontRole } from './scene/text.js';
import type { View } from './view/viewport.js';
import { Viewport } from './view/viewport.js';

/** Above this many elements a model opens with its regions and sites collapsed. */
const COLLAPSE_ABOVE = 400;

interface SavedView extends View { collapsed: string[] }
interface SavedState { uri?: string; views?: Record<string, SavedView>; legend?: boolean }

const vscode = acquireVsCodeApi();
const post = (message: FromPreview): void => vscode.postMessage(message);
const saved: SavedState = (vscode.getState() as SavedState | undefined) ?? {};
saved.views ??= {};

// ---------------------------------------------------------------- page

const app = document.getElementById('app') ?? html('div', { id: 'app' }, document.body);
clear(app);
const toolbar = html('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview' }, app);
const titleEl = html('div', { class: 'file-title' }, toolbar);
const tools = html('div', { class: 'tools' }, toolbar);
const button = (label: string, title: string, action: () => void, cls = ''): HTMLButtonElement => {
    const b = html('button', { type: 'button', title, class: cls }, tools, label);
    b.addEventListener('click', action);
    return b;
};
const simulateBtn = button('Simulate failure', 'Simulate the failure of the selected elements (F)', () => simulateSelection(), 'primary');
simulateBtn.hidden = true;
const clearSimBtn = button('Clear simulation', 'Clear the simulation (Esc)', () => post({ type: 'simulate', names: [] }));
clearSimBtn.hidden = true;
button('−', 'Zoom out (-)', () => viewport.zoomCenter(1 / 1.25), 'icon');
button('+', 'Zoom in (+)', () => viewport.zoomCenter(1.25), 'icon');
button('Fit', 'Fit the graph to the window (0)', () => fit());
const collapseBtn = button('Collapse all', 'Collapse or expand every region and site', () => toggleAll());
button('Re-layout', 'Lay the graph out again from scratch', () => relayout());
button('Export SVG', 'Save the graph as an SVG file', () => exportSvg());
const legendBtn = button('Legend', 'Show or hide the legend', () => setLegend(!legendShown()));

const banner = html('div', { class: 'banner', role: 'alert', hidden: true }, app);
const main = html('div', { class: 'main' }, app);
const svgEl = svg('svg', { class: 'graph', role: 'application', 'aria-label': 'Dependency graph', tabindex: 0 }, main);
const statusEl = html('div', { class: 'status', role: 'status' }, main);
const hoverCard = html('div', { class: 'hover-card', role: 'tooltip', hidden: true }, main);
const legend = html('div', { class: 'legend', 'aria-label': 'Legend' }, app);
const outagePanel = html('section', { class: 'outages', hidden: true, 'aria-label': 'Outages' }, app);

const renderer = new GraphRenderer(svgEl, measure);
const viewport = new Viewport(svgEl, renderer.viewport, view => onViewChange(view));

// ---------------------------------------------------------------- text measurement

let ctx: CanvasRenderingContext2D | null = null;
let fonts: Record<FontRole, string> | undefined;
const widthCache = new Map<string, number>();
/** characters in the cache's keys: fitting a long label measures many long prefixes, and each edit of it new ones */
let cachedChars = 0;
const CACHED_CHARS_MAX = 1_000_000;
function measure(text: string, role: FontRole): number {
    const key = `${role}\u0000${text}`;
    const cached = widthCache.get(key);
    if (cached !== undefined) return cached;
    if (!ctx) {
        ctx = document.createElement('canvas').getContext('2d');
        const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
        fonts = { title: `600 13px ${family}`, header: `600 13px ${family}`, body: `12px ${family}`, meta: `11px ${family}`, chip: `600 10px ${family}` };
    }
    let width = text.length * 7;
    if (ctx && fonts) {
        if (ctx.font !== fonts[role]) ctx.font = fonts[role];
        width = ctx.measureText(text).width;
    }
    if (cachedChars + key.length > CACHED_CHARS_MAX) {
        widthCache.clear();
        cachedChars = 0;
    }
    widthCache.set(key, width);
    cachedChars += key.length;
    return width;
}

// ---------------------------------------------------------------- state

let graph: ModelGraph | null = null; // the graph on screen (the last good one)
let errors: string[] = [];
let direction: Direction = 'DOWN';
let collapsed = new Set<string>();
let simulation: SimulationResult | null = null;
let highlight: string | null = null;
const selection = new Set<string>();
let current: { scene: Scene; layout: Layout } | null = null;
let generation = 0;
let layoutRunning = false;
let pending: { scene: Scene; graph: ModelGraph } | null = null;
let fittedUri: string | null = null;
const hoverCache = new Map<string, string>();
let focusedId: string | null = null;

function element(name: string): GraphElement | undefined {
    return graph?.elements.find(e => e.name === name);
}

// ---------------------------------------------------------------- messages

window.addEventListener('message', event => {
    const message = event.data as ToPreview;
    switch (message.type) {
        case 'graph': onGraph(message.graph, message.direction); break;
        case 'simulation': onSimulation(message.result); break;
        case 'highlight': onHighlight(message.name); break;
        case 'hover':
            hoverCache.set(message.name, message.markdown);
            if (hoverName === message.name) showHover(message.name);
            break;
        case 'exportSvg': exportSvg(); break;
    }
});

function onGraph(next: ModelGraph, dir: Direction): void {
    const sameFile = graph?.uri === next.uri;
    errors = next.errors ?? [];
    if (errors.length > 0 && graph && sameFile) {
        // Keep the last good graph, dimmed, under a banner naming the errors.
        showBanner();
        app.classList.add('stale');
        return;
    }
    app.classList.toggle('stale', errors.length > 0);
    showBanner();
    if (!sameFile) {
        const view = saved.views![next.uri];
        collapsed = new Set(view?.collapsed ?? (next.elements.length > COLLAPSE_ABOVE
            ? next.elements.filter(e => CONTAINER_KINDS.has(e.kind)).map(e => e.name) : []));
        selection.clear();
        highlight = null;
        hoverCache.clear();
        fittedUri = null;
        current = null;
        saved.uri = next.uri;
        persist();
    } else {
        hoverCache.clear();
    }
    graph = next;
    direction = dir;
    titleEl.textContent = fileName(next.uri);
    titleEl.title = decodeURIComponent(next.uri);
    update(false);
}

function onSimulation(result: SimulationResult | null): void {
    simulation = result;
    renderer.applyOverlay(overlay());
    renderOutages();
    clearSimBtn.hidden = simulation === null;
}

function onHighlight(name: string | null): void {
    if (highlight === name) return;
    highlight = name;
    renderer.applyOverlay(overlay());
    if (name !== null) {
        const id = current?.scene.shownAs.get(name);
        const box = id ? renderer.boxOf(id) : undefined;
        if (box) viewport.ensureVisible(box);
    }
}

const overlay = (): { simulation: SimulationResult | null; highlight: string | null; selection: ReadonlySet<string> } =>
    ({ simulation, highlight, selection });

// ---------------------------------------------------------------- layout

/** Builds the scene for the current graph and either reuses the positions or runs the worker. */
function update(forceFull: boolean): void {
    if (!graph) return;
    const t0 = performance.now();
    const scene = buildScene(graph, { collapsed }, measure);
    document.body.dataset.sceneMs = String(Math.round(performance.now() - t0));
    const plan = forceFull ? { kind: 'full' as const, reason: 'asked' } : planUpdate(current, scene, direction);
    if (plan.kind === 'reuse') {
        commit(scene, plan.layout);
        return;
    }
    if (layoutRunning) {
        pending = { scene, graph };
        return;
    }
    void runLayout(scene);
}

async function runLayout(scene: Scene): Promise<void> {
    layoutRunning = true;
    const started = performance.now();
    const slow = setTimeout(() => setStatus('Laying out…', 'busy'), 150);
    try {
        const input = layoutInput(scene, direction);
        const out = await elk.layout(input.graph);
        const layout = readLayout(out, input, direction);
        document.body.dataset.layouts = String(Number(document.body.dataset.layouts ?? 0) + 1);
        document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
        if (!pending) commit(scene, layout);
    } catch (err) {
        setStatus(`The layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
        clearTimeout(slow);
        layoutRunning = false;
        if (statusEl.dataset.kind === 'busy') setStatus('');
    }
    const next = pending;
    pending = null;
    if (next) {
        // A newer model arrived while the worker was busy: lay that one out (it may reuse this one).
        const plan = planUpdate(current, next.scene, direction);
        if (plan.kind === 'reuse') commit(next.scene, plan.layout);
        else await runLayout(next.scene);
    }
}

function commit(scene: Scene, layout: Layout): void {
    current = { scene, layout };
    const t0 = performance.now();
    renderer.render(scene, layout);
    renderer.applyOverlay(overlay());
    document.body.dataset.renderMs = String(Math.round(performance.now() - t0));
    const uri = graph!.uri;
    if (fittedUri !== uri) {
        fittedUri = uri;
        const view = saved.views![uri];
        if (view) viewport.set(view.k, view.x, view.y, true);
        else fit();
    }
    ensureTabStop();
    if (statusEl.dataset.kind === 'busy') setStatus('');
    if (scene.nodes.size === 0) setStatus('This model has no elements yet: declare a region, a site or a service.', 'empty');
    else if (statusEl.dataset.kind === 'empty') setStatus('');
    collapseBtn.textContent = collapsed.size > 0 ? 'Expand all' : 'Collapse all';
    renderOutages();
    const gen = ++generation;
    requestAnimationFrame(() => setTimeout(() => {
        document.body.dataset.paintedAt = String(performance.now());
        document.body.dataset.rendered = String(gen);
        reportViewState();
    }, 0));
}

function relayout(): void {
    update(true);
}

function fit(): void {
    viewport.fit(renderer.bounds());
}

// Keep the graph fitted when the window or the outage table changes its size, unless the user
// has zoomed or panned since.
new ResizeObserver(() => {
    if (current && !viewport.userMoved) fit();
}).observe(main);

function toggleAll(): void {
    if (!graph) return;
    if (collapsed.size > 0) collapsed.clear();
    else for (const e of graph.elements) if (CONTAINER_KINDS.has(e.kind)) collapsed.add(e.name);
    persistView();
    update(false);
}

function toggleCollapsed(name: string): void {
    if (collapsed.has(name)) collapsed.delete(name);
    else collapsed.add(name);
    persistView();
    update(false);
}

// ---------------------------------------------------------------- banner, status, outages

function showBanner(): void {
    clear(banner);
    banner.hidden = errors.length === 0;
    if (errors.length === 0) return;
    html('strong', {}, banner, errors.length === 1 ? 'The model has an error' : `The model has ${errors.length} errors`);
    html('span', {}, banner, graph ? ' — showing the last good graph until it is fixed:' : ':');
    const list = html('ul', {}, banner);
    for (const e of errors.slice(0, 5)) html('li', { title: e }, list, e);
    if (errors.length > 5) html('li', { class: 'more' }, list, `and ${errors.length - 5} more`);
}

function setStatus(text: string, kind = ''): void {
    statusEl.textContent = text;
    statusEl.dataset.kind = kind;
    statusEl.hidden = text === '';
}

function renderOutages(): void {
    clear(outagePanel);
    outagePanel.hidden = simulation === null || graph === null;
    if (!simulation || !graph) return;
    const head = html('div', { class: 'outages-head' }, outagePanel);
    html('span', { class: 'sim-label' }, head, 'Simulation');
    html('span', { class: 'sim-summary' }, head, summarizeSimulation(simulation));
    const close = html('button', { type: 'button', class: 'secondary' }, head, 'Clear');
    close.addEventListener('click', () => post({ type: 'simulate', names: [] }));
    const rows = outageRows(simulation, graph.elements);
    if (rows.length === 0) {
        html('p', { class: 'no-outages' }, outagePanel, 'No service is interrupted.');
        return;
    }
    const scroll = html('div', { class: 'table-scroll' }, outagePanel);
    const table = html('table', {}, scroll);
    const tr = html('tr', {}, html('thead', {}, table));
    for (const [h, cls] of [['Service', ''], ['Outage', 'num'], ['Reason', ''], ['Users', 'num']]) html('th', { scope: 'col', class: cls }, tr, h);
    const body = html('tbody', {}, table);
    for (const row of rows) {
        const r = html('tr', { class: `row-${row.state}`, 'data-service': row.service }, body);
        const cell = html('td', { class: 'service' }, r);
        html('span', { class: `state-pill p-${row.state}` }, cell, row.state === 'down' ? '✕ down' : row.state === 'degraded' ? '◐ degraded' : '↻ failed over');
        const link = html('button', { type: 'button', class: 'link', title: `Show the definition of ${row.service}` }, cell, row.service);
        link.addEventListener('click', () => post({ type: 'reveal', name: row.service }));
        if (row.label) html('span', { class: 'row-label', title: row.label }, cell, row.label);
        const minutes = html('td', { class: 'num' }, r, row.minutes === 0 ? '—' : formatOutage(row.minutes));
        minutes.title = row.minutes === null ? 'unknown: no recovery or failover time is given' : row.minutes === 0 ? 'not interrupted' : `${row.minutes} min`;
        html('td', { class: 'reason' }, r, row.reason);
        html('td', { class: 'num' }, r, row.users > 0 ? formatUsers(row.users) : '—');
    }
}

// ---------------------------------------------------------------- legend

/** Shown unless the user hid it; in a narrow panel hidden until asked for. */
function legendShown(): boolean {
    return saved.legend ?? window.innerWidth >= 760;
}

function setLegend(show: boolean): void {
    saved.legend = show;
    legend.hidden = !show;
    legendBtn.setAttribute('aria-pressed', String(show));
    persist();
}

function buildLegend(): void {
    clear(legend);
    const grid = legend;
    const row = (draw: (s: SVGSVGElement) => void, text: string): void => {
        const item = html('div', { class: 'legend-item' }, grid);
        const s = svg('svg', { width: 24, height: 13, viewBox: '0 0 34 18', 'aria-hidden': 'true' }, item);
        draw(s);
        html('span', {}, item, text);
    };
    const box = (cls: string, d: string) => (s: SVGSVGElement) => svg('path', { class: `lg ${cls}`, d }, s);
    row(box('lg-service', 'M3,2H31V16H3Z'), 'service');
    row(box('lg-datastore', 'M3,5A14,3 0 0,1 31,5V13A14,3 0 0,1 3,13Z'), 'datastore');
    row(box('lg-infra', 'M7,2H27L32,9L27,16H7L2,9Z'), 'infra (power, network…)');
    row(box('lg-site', 'M2,2H32V16H2Z'), 'site, region (what runs there inside)');
    row(s => { svg('rect', { class: 'lg lg-junction', x: 4, y: 3, width: 26, height: 12, rx: 6 }, s); svg('text', { class: 'lg-text', x: 17, y: 12, 'text-anchor': 'middle' }, s, 'any'); }, 'any / K of (alternatives)');
    const line = (cls: string) => (s: SVGSVGElement) => svg('path', { class: `lg-edge ${cls}`, d: 'M2,9H30', 'marker-end': cls === 'e-monitors' ? 'url(#arrow-open)' : 'url(#arrow)' }, s);
    row(line('e-hard'), 'depends on (hard)');
    row(line('e-soft'), 'uses (soft)');
    row(line('e-monitors'), 'monitors');
    row(s => { svg('rect', { class: 'lg-tag', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); }, 'deployment (site ×replicas)');
    row(s => { svg('rect', { class: 'lg-tag standby', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); }, 'standby deployment');
    row(s => { svg('path', { class: 'lg-edge e-placement', d: 'M2,9H28', 'marker-end': 'url(#dot)' }, s); }, 'runs on (standby dashed)');
    row(s => { svg('rect', { class: 'lg-badge', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); svg('text', { class: 'lg-badge-text', x: 17, y: 12, 'text-anchor': 'middle' }, s, 'SPOF'); }, 'single point of failure');
    row(s => { svg('rect', { class: 'lg-nearest', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'nearest SPOF of services');
    row(s => { svg('rect', { class: 'lg-down', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'down (simulation)');
    row(s => { svg('rect', { class: 'lg-degraded', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'degraded (simulation)');
    row(s => { svg('text', { class: 'lg-failed', x: 17, y: 13, 'text-anchor': 'middle' }, s, 'name'); svg('path', { class: 'lg-strike', d: 'M4,9H30' }, s); }, 'failed (simulation)');
    legend.hidden = !legendShown();
    legendBtn.setAttribute('aria-pressed', String(legendShown()));
}

// ---------------------------------------------------------------- hover card

let hoverName: string | null = null;
let hoverTimer: ReturnType<typeof setTimeout> | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleHover(name: string, anchor: { x: number; y: number }): void {
    clearTimeout(hideTimer);
    if (hoverName === name && !hoverCard.hidden) return;
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
        hoverName = name;
        hoverAnchor = anchor;
        if (!hoverCache.has(name)) post({ type: 'hoverRequest', name });
        showHover(name);
    }, 350);
}

let hoverAnchor = { x: 0, y: 0 };

function showHover(name: string): void {
    const e = element(name);
    if (!e) return;
    clear(hoverCard);
    const head = html('div', { class: 'hover-head' }, hoverCard);
    html('span', { class: 'hover-kind' }, head, e.kind);
    html('strong', {}, head, e.name);
    if (e.label) html('span', { class: 'hover-label' }, head, e.label);
    const body = html('div', { class: 'hover-body' }, hoverCard);
    const markdown = hoverCache.get(name);
    if (markdown !== undefined && markdown.trim() !== '') renderMarkdown(markdown, body);
    else if (markdown === undefined) {
        if (e.description) html('p', {}, body, e.description);
        html('p', { class: 'muted' }, body, 'Loading…');
    } else if (e.description) html('p', {}, body, e.description);
    html('div', { class: 'hover-hint' }, hoverCard, 'Click: go to definition · Shift+click: select for simulation');
    hoverCard.hidden = false;
    const r = main.getBoundingClientRect();
    const cw = hoverCard.offsetWidth;
    const ch = hoverCard.offsetHeight;
    let x = hoverAnchor.x - r.left + 14;
    let y = hoverAnchor.y - r.top + 14;
    if (x + cw > r.width - 8) x = Math.max(8, hoverAnchor.x - r.left - cw - 14);
    if (y + ch > r.height - 8) y = Math.max(8, r.height - ch - 8);
    hoverCard.style.left = `${x}px`;
    hoverCard.style.top = `${y}px`;
}

function hideHover(): void {
    clearTimeout(hoverTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
        hoverCard.hidden = true;
        hoverName = null;
    }, 120);
}

hoverCard.addEventListener('pointerenter', () => clearTimeout(hideTimer));
svgEl.addEventListener('focusout', () => hideHover());
hoverCard.addEventListener('pointerleave', () => hideHover());

// ---------------------------------------------------------------- pointer and keyboard

function nodeFromEvent(event: Event): SVGGElement | null {
    return (event.target as Element | null)?.closest?.('g.node') as SVGGElement | null;
}

svgEl.addEventListener('click', event => {
    if (viewport.suppressClick) return;
    const target = event.target as Element;
    const g = nodeFromEvent(event);
    if (!g) return;
    const name = g.dataset.name;
    if (target.closest('[data-toggle]') && name) {
        toggleCollapsed(name);
        return;
    }
    if (!name) return;
    focusNode(g.dataset.id!, false);
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
        toggleSelection(name);
        return;
    }
    post({ type: 'reveal', name });
});

svgEl.addEventListener('dblclick', event => {
    const g = nodeFromEvent(event);
    const name = g?.dataset.name;
    if (name && g.classList.contains('t-container')) toggleCollapsed(name);
});

svgEl.addEventListener('pointerover', event => {
    const g = nodeFromEvent(event);
    const name = g?.dataset.name;
    if (!g || !name) return;
    // Inside a container, hovering its body is not hovering the container (only its header is).
    if (g.classList.contains('t-container') && !g.classList.contains('collapsed')) {
        const box = renderer.boxOf(g.dataset.id!);
        const p = toGraph(event as PointerEvent);
        if (box && p.y > box.y + 30) {
            hideHover();
            return;
        }
    }
    scheduleHover(name, { x: (event as PointerEvent).clientX, y: (event as PointerEvent).clientY });
});
svgEl.addEventListener('pointerout', event => {
    const to = (event as PointerEvent).relatedTarget as Element | null;
    if (to && nodeFromEvent({ target: to } as unknown as Event) === nodeFromEvent(event)) return;
    hideHover();
});

function toGraph(event: PointerEvent): { x: number; y: number } {
    const r = svgEl.getBoundingClientRect();
    return { x: (event.clientX - r.left - viewport.x) / viewport.k, y: (event.clientY - r.top - viewport.y) / viewport.k };
}

function toggleSelection(name: string): void {
    if (selection.has(name)) selection.delete(name);
    else selection.add(name);
    simulateBtn.hidden = selection.size === 0;
    simulateBtn.textContent = selection.size > 1 ? `Simulate failure of ${selection.size}` : 'Simulate failure';
    renderer.applyOverlay(overlay());
}

function simulateSelection(): void {
    const names = [...selection];
    if (names.length === 0 && focusedId) {
        const name = renderer.nodeElement(focusedId)?.dataset.name;
        if (name) names.push(name);
    }
    if (names.length > 0) post({ type: 'simulate', names });
}

/** One node is the tab stop (roving tabindex); arrows move between nodes. */
function ensureTabStop(): void {
    const ids = renderer.nodeIds();
    if (focusedId === null || !ids.includes(focusedId)) focusedId = ids.find(id => renderer.nodeElement(id)?.dataset.name) ?? null;
    for (const id of ids) renderer.nodeElement(id)!.setAttribute('tabindex', id === focusedId ? '0' : '-1');
}

function focusNode(id: string, move = true): void {
    const prev = focusedId ? renderer.nodeElement(focusedId) : undefined;
    prev?.setAttribute('tabindex', '-1');
    focusedId = id;
    const g = renderer.nodeElement(id);
    if (!g) return;
    g.setAttribute('tabindex', '0');
    if (move) {
        g.focus({ preventScroll: true });
        const box = renderer.boxOf(id);
        if (box) viewport.ensureVisible(box);
        const name = g.dataset.name;
        if (name) {
            const r = g.getBoundingClientRect();
            hoverAnchor = { x: r.right, y: r.top };
            scheduleHover(name, { x: r.right - 10, y: r.bottom - 6 });
        }
    }
}

document.addEventListener('keydown', event => {
    if ((event.target as Element).closest?.('button, input, .outages')) return;
    const g = (document.activeElement as Element | null)?.closest?.('g.node') as SVGGElement | null;
    const dirs: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const dir = dirs[event.key];
    if (dir && g && current) {
        event.preventDefault();
        const candidates = renderer.nodeIds().filter(id => renderer.nodeElement(id)?.dataset.name);
        const next = nearestInDirection(current.layout.boxes, candidates, g.dataset.id!, dir);
        if (next) focusNode(next);
        return;
    }
    if (dir) {
        event.preventDefault();
        const step = 60;
        viewport.panBy(dir === 'left' ? step : dir === 'right' ? -step : 0, dir === 'up' ? step : dir === 'down' ? -step : 0);
        return;
    }
    switch (event.key) {
        case 'Enter':
            if (g?.dataset.name) {
                event.preventDefault();
                post({ type: 'reveal', name: g.dataset.name });
            }
            break;
        case ' ':
            if (g?.dataset.name) {
                event.preventDefault();
                toggleSelection(g.dataset.name);
            }
            break;
        case 'f': case 'F':
            simulateSelection();
            break;
        case 'c': case 'C':
            if (g?.dataset.name && g.classList.contains('t-container')) toggleCollapsed(g.dataset.name);
            break;
        case '+': case '=':
            viewport.zoomCenter(1.25);
            break;
        case '-': case '_':
            viewport.zoomCenter(1 / 1.25);
            break;
        case '0':
            fit();
            break;
        case 'Escape':
            hideHover();
            if (selection.size > 0) {
                selection.clear();
                simulateBtn.hidden = true;
                renderer.applyOverlay(overlay());
            } else if (simulation) post({ type: 'simulate', names: [] });
            break;
    }
});

svgEl.addEventListener('focus', () => {
    // Tabbing into the graph lands on the current node.
    if (focusedId) focusNode(focusedId);
});

// ---------------------------------------------------------------- view state

let viewTimer: ReturnType<typeof setTimeout> | undefined;
function onViewChange(_view: View): void {
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => {
        persistView();
        reportViewState();
    }, 250);
}

function persistView(): void {
    if (!graph) return;
    const views = saved.views!;
    delete views[graph.uri];
    views[graph.uri] = { ...viewport.view, collapsed: [...collapsed] };
    const keys = Object.keys(views);
    for (const k of keys.slice(0, Math.max(0, keys.length - 20))) delete views[k];
    persist();
}

function persist(): void {
    vscode.setState(saved);
}

function reportViewState(): void {
    if (!graph || !current) return;
    post({
        type: 'viewState',
        state: {
            uri: graph.uri, zoom: viewport.k, x: viewport.x, y: viewport.y, collapsed: [...collapsed],
            rendered: { generation, nodes: renderer.nodeIds().length, edges: current.scene.edges.length, stale: errors.length > 0 }
        }
    });
}

// ---------------------------------------------------------------- export

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'display', 'visibility', 'text-anchor'];

function exportSvg(): void {
    if (!current) return;
    const clone = svgEl.cloneNode(true) as SVGSVGElement;
    const originals = [svgEl, ...svgEl.querySelectorAll('*')];
    const copies = [clone, ...clone.querySelectorAll('*')];
    originals.forEach((orig, i) => {
        const copy = copies[i] as SVGElement;
        // Presentation attributes, not style="…": the page's CSP forbids inline styles, and
        // the exported file must not depend on the theme's CSS variables.
        const cs = getComputedStyle(orig);
        for (const p of STYLE_PROPS) {
            const v = cs.getPropertyValue(p);
            if (v) copy.setAttribute(p, v);
        }
        copy.removeAttribute('class');
        copy.removeAttribute('tabindex');
    });
    const b = renderer.bounds();
    const pad = 16;
    clone.setAttribute('viewBox', `${b.x - pad} ${b.y - pad} ${b.width + 2 * pad} ${b.height + 2 * pad}`);
    clone.setAttribute('width', String(Math.ceil(b.width + 2 * pad)));
    clone.setAttribute('height', String(Math.ceil(b.height + 2 * pad)));
    const vp = clone.querySelector(':scope > g');
    vp?.removeAttribute('transform');
    const bg = svg('rect', { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad });
    bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
    clone.insertBefore(bg, clone.querySelector(':scope > g'));
    const text = new XMLSerializer().serializeToString(clone);
    post({ type: 'exportSvg', svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}` });
}

// ---------------------------------------------------------------- helpers

function fileName(uri: string): string {
    const last = uri.split('/').pop() ?? uri;
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

// ---------------------------------------------------------------- start

buildLegend();
setStatus('Waiting for the model…', 'busy');
elk.warmUp();
post({ type: 'ready' });
