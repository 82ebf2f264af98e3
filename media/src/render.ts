/**
 * Draws a laid-out scene as SVG and keeps it current: geometry is rebuilt only for the boxes
 * whose content or position changed; states (simulation, highlight, selection) are classes
 * toggled on the existing elements. All text goes in through `textContent`.
 */
import type { SimulationResult } from '../../server/src/common/protocol.js';
import { formatOutage } from '../../server/src/common/simulation-text.js';
import { svg } from './dom.js';
import { curveData, pathData } from './draw/path-data.js';
import { edgeRoute } from './layout/edge-route.js';
import type { Box, Layout } from './layout/layout.js';
import { serviceBadges } from './scene/element-node.js';
import type { Scene, SceneEdge, SceneNode } from './scene/scene.js';
import { badgeWidth, SIZES } from './scene/sizes.js';
import type { Measure } from './scene/text.js';

export interface Overlay {
    simulation: SimulationResult | null;
    highlight: string | null;
    selection: ReadonlySet<string>;
}

interface NodeEl {
    g: SVGGElement;
    key: string;
    node: SceneNode;
    box: Box;
}

const STATE_CLASSES = ['s-down', 's-degraded', 's-failed', 's-up', 's-interrupted'];

export class GraphRenderer {
    readonly viewport: SVGGElement;
    private readonly containersLayer: SVGGElement;
    private readonly edgesLayer: SVGGElement;
    private readonly nodesLayer: SVGGElement;
    private readonly nodeEls = new Map<string, NodeEl>();
    private readonly edgeEls = new Map<string, { path: SVGPathElement; edge: SceneEdge; key: string }>();
    scene: Scene | null = null;
    layout: Layout | null = null;

    constructor(readonly root: SVGSVGElement, private readonly measure: Measure) {
        root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
        defs(root);
        this.viewport = svg('g', { class: 'viewport' }, root);
        this.containersLayer = svg('g', { class: 'layer-containers' }, this.viewport);
        this.edgesLayer = svg('g', { class: 'layer-edges' }, this.viewport);
        this.nodesLayer = svg('g', { class: 'layer-nodes' }, this.viewport);
    }

    /** The bounds of everything drawn. */
    bounds(): Box {
        return { x: 0, y: 0, width: this.layout?.width ?? 0, height: this.layout?.height ?? 0 };
    }

    boxOf(id: string): Box | undefined {
        return this.layout?.boxes.get(id);
    }

    nodeElement(id: string): SVGGElement | undefined {
        return this.nodeEls.get(id)?.g;
    }

    nodeIds(): string[] {
        return [...this.nodeEls.keys()];
    }

    /** Draws the scene at the layout's positions, reusing every unchanged box. */
    render(scene: Scene, layout: Layout): void {
        this.scene = scene;
        this.layout = layout;
        const keep = new Set<string>();
        // Containers first (outer before inner) so that nested ones paint above their parents.
        const order: string[] = [];
        const visit = (parent: string): void => {
            for (const id of scene.children.get(parent) ?? []) {
                order.push(id);
                visit(id);
            }
        };
        visit('');
        for (const id of order) {
            const node = scene.nodes.get(id)!;
            const box = layout.boxes.get(id);
            if (!box) continue;
            keep.add(id);
            const key = renderKey(node, box);
            const existing = this.nodeEls.get(id);
            if (existing && existing.key === key) {
                existing.node = node;
                existing.box = box;
                continue;
            }
            const g = this.drawNode(node, box);
            const layer = node.type === 'container' && !node.collapsed ? this.containersLayer : this.nodesLayer;
            if (existing) {
                const focused = document.activeElement === existing.g;
                if (existing.g.parentNode === layer) layer.replaceChild(g, existing.g);
                else {
                    existing.g.remove();
                    layer.appendChild(g);
                }
                if (focused) g.focus({ preventScroll: true });
            } else {
                layer.appendChild(g);
            }
            this.nodeEls.set(id, { g, key, node, box });
        }
        for (const [id, el] of this.nodeEls) {
            if (!keep.has(id)) {
                el.g.remove();
                this.nodeEls.delete(id);
            }
        }
        // Containers must stack in tree order (a site above its region).
        for (const id of order) {
            const el = this.nodeEls.get(id);
            if (el && el.g.parentNode === this.containersLayer) this.containersLayer.appendChild(el.g);
        }
        this.renderEdges(scene, layout);
    }

    private renderEdges(scene: Scene, layout: Layout): void {
        const keep = new Set<string>();
        for (const edge of scene.edges) {
            const route = edgeRoute(layout, edge.id, edge.source, edge.target, edge.kind);
            if (!route || route.points.length < 2) continue;
            keep.add(edge.id);
            const d = route.curved ? curveData(route.points[0], route.points[route.points.length - 1], layout.direction) : pathData(route.points);
            const key = `${d}|${edge.kind}|${edge.count}`;
            const existing = this.edgeEls.get(edge.id);
            if (existing && existing.key === key) {
                existing.edge = edge;
                continue;
            }
            const path = existing?.path ?? svg('path', {}, this.edgesLayer);
            path.setAttribute('d', d);
            path.setAttribute('class', `edge e-${edge.kind}${edge.standby ? ' standby' : ''}${edge.backup ? ' backup' : ''}`);
            path.setAttribute('data-from', edge.from);
            path.setAttribute('data-to', edge.to);
            if (edge.kind === 'any' || edge.kind === 'kof') path.removeAttribute('marker-end');
            else path.setAttribute('marker-end', edge.kind === 'placement' ? 'url(#dot)' : 'url(#arrow)');
            this.edgeEls.set(edge.id, { path, edge, key });
        }
        for (const [id, el] of this.edgeEls) {
            if (!keep.has(id)) {
                el.path.remove();
                this.edgeEls.delete(id);
            }
        }
    }

    /** Simulation, highlight and selection as classes (no geometry). */
    applyOverlay(overlay: Overlay): void {
        const scene = this.scene;
        if (!scene) return;
        const sim = overlay.simulation;
        const failed = new Set(sim?.failed ?? []);
        const down = new Set([...(sim?.down ?? []), ...(sim?.domainsDown ?? [])]);
        const degraded = new Set(sim?.degraded ?? []);
        const outages = sim?.outages ?? {};
        const highlightId = overlay.highlight !== null ? scene.shownAs.get(overlay.highlight) ?? null : null;
        const highlighted = overlay.highlight !== null ? scene.nodes.get(highlightId ?? '')?.element : undefined;
        const nearest = new Set(highlighted?.nearestSpofs ?? []);
        this.root.classList.toggle('simulating', sim !== null);
        for (const [id, el] of this.nodeEls) {
            const name = el.node.element?.name;
            const g = el.g;
            let state: string | null = null;
            if (sim && name !== undefined) {
                if (failed.has(name)) state = 's-failed';
                else if (down.has(name)) state = 's-down';
                else if (degraded.has(name)) state = 's-degraded';
                else if (outages[name]) state = 's-interrupted';
                else state = 's-up';
            } else if (sim && el.node.type === 'junction') {
                const from = el.node.junction!.from;
                state = down.has(from) || failed.has(from) ? 's-down' : 's-up';
            }
            for (const c of STATE_CLASSES) g.classList.toggle(c, c === state);
            this.stateTag(el, state, name !== undefined ? outages[name]?.minutes : undefined);
            g.classList.toggle('highlighted', id === highlightId);
            g.classList.toggle('nearest-of-highlighted', name !== undefined && nearest.has(name));
            g.classList.toggle('selected', name !== undefined && overlay.selection.has(name));
            if (name !== undefined) {
                const label = [`${el.node.element!.kind} ${name}`, el.node.element!.label, state ? state.slice(2) : undefined,
                    el.node.element!.spof ? 'single point of failure' : undefined, el.node.collapsed ? `collapsed, ${el.node.hidden} inside` : undefined]
                    .filter(Boolean).join(', ');
                g.setAttribute('aria-label', label);
            }
        }
        for (const { path, edge } of this.edgeEls.values()) {
            const fatal = sim !== null && (down.has(edge.from) || failed.has(edge.from)) && (down.has(edge.to) || failed.has(edge.to))
                && edge.kind !== 'soft' && edge.kind !== 'monitors' && !(edge.kind === 'placement' && (edge.standby || edge.backup));
            path.classList.toggle('fatal', fatal);
            const touches = overlay.highlight !== null && (edge.from === overlay.highlight || edge.to === overlay.highlight);
            path.classList.toggle('highlighted', touches);
            path.setAttribute('marker-end', edge.kind === 'any' || edge.kind === 'kof' ? '' : edge.kind === 'placement' ? 'url(#dot)'
                : touches ? 'url(#arrow-hl)' : fatal ? 'url(#arrow-fatal)' : edge.kind === 'monitors' ? 'url(#arrow-open)' : 'url(#arrow)');
            if (path.getAttribute('marker-end') === '') path.removeAttribute('marker-end');
        }
        // Highlighted edges on top.
        for (const { path } of this.edgeEls.values()) if (path.classList.contains('highlighted')) this.edgesLayer.appendChild(path);
    }

    private stateTag(el: NodeEl, state: string | null, minutes: number | null | undefined): void {
        let tag = el.g.querySelector<SVGGElement>(':scope > g.state-tag');
        if (state === null || state === 's-up' || el.node.type === 'junction') {
            tag?.remove();
            return;
        }
        const words: Record<string, string> = { 's-failed': '✕ FAILED', 's-down': '✕ DOWN', 's-degraded': '◐ DEGRADED', 's-interrupted': '↻ FAILED OVER' };
        let text = words[state];
        if (minutes !== undefined && el.node.element && el.node.element.kind !== 'region' && el.node.element.kind !== 'site' && el.node.element.kind !== 'infra') {
            text += ` · ${formatOutage(minutes)}`;
        }
        if (tag && tag.dataset.text === text) return;
        tag?.remove();
        tag = svg('g', { class: 'state-tag' });
        tag.dataset.text = text;
        const w = Math.ceil(this.measure(text, 'chip')) + 12;
        const y = -9;
        const x = 8;
        svg('rect', { x, y, width: w, height: 17, rx: 8.5 }, tag);
        svg('text', { x: x + w / 2, y: y + 12.5, 'text-anchor': 'middle' }, tag, text);
        el.g.appendChild(tag);
    }

    // ------------------------------------------------------------ boxes

    private drawNode(node: SceneNode, box: Box): SVGGElement {
        const e = node.element;
        const classes = ['node', `t-${node.type}`];
        if (e) classes.push(`k-${e.kind}`, `tier-${e.tier}`);
        if (node.collapsed) classes.push('collapsed');
        if (e?.spof) classes.push('spof');
        if (e?.neverUp) classes.push('never-up');
        if ((node.spofFor ?? 0) > 0) classes.push('spof-domain');
        const g = svg('g', {
            class: classes.join(' '),
            transform: `translate(${round(box.x)},${round(box.y)})`,
            'data-id': node.id,
            'data-name': e?.name,
            tabindex: -1,
            role: e ? 'button' : 'img',
            focusable: 'true'
        });
        const w = box.width;
        const h = box.height;
        if (node.type === 'junction') {
            g.setAttribute('aria-label', node.junction!.k === null ? 'any one of' : `${node.junction!.k} of ${node.junction!.n}`);
            svg('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: h / 2 }, g);
            svg('text', { class: 'junction-text', x: w / 2, y: h / 2 + 4, 'text-anchor': 'middle' }, g, node.title);
            return g;
        }
        if (node.type === 'container' && !node.collapsed) {
            drawContainer(g, node, w, h, this.measure);
            return g;
        }
        if (node.type === 'container') {
            drawCollapsed(g, node, w, h, this.measure);
            return g;
        }
        drawElement(g, node, w, h, this.measure);
        return g;
    }
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}

function renderKey(node: SceneNode, box: Box): string {
    return JSON.stringify([box.x, box.y, box.width, box.height, node.title, node.subtitle, node.meta, node.tags?.map(t => [t.text, t.x, t.y, t.standby, t.backup]),
        node.collapsed, node.spofFor, node.element?.spof, node.element?.neverUp, node.element?.tier, node.element?.kind]);
}

export function shapePath(kind: string, w: number, h: number): string {
    if (kind === 'datastore') {
        const c = SIZES.datastoreCap;
        return `M0,${c}A${w / 2},${c} 0 0,1 ${w},${c}V${h - c}A${w / 2},${c} 0 0,1 0,${h - c}Z`;
    }
    if (kind === 'infra') {
        const c = SIZES.infraChamfer;
        return `M${c},0H${w - c}L${w},${h / 2}L${w - c},${h}H${c}L0,${h / 2}Z`;
    }
    const r = 6;
    return `M${r},0H${w - r}Q${w},0 ${w},${r}V${h - r}Q${w},${h} ${w - r},${h}H${r}Q0,${h} 0,${h - r}V${r}Q0,0 ${r},0Z`;
}

function drawElement(g: SVGGElement, node: SceneNode, w: number, h: number, measure: Measure): void {
    const e = node.element!;
    const d = shapePath(e.kind, w, h);
    svg('path', { class: 'outline', d: shapePath(e.kind === 'datastore' ? 'service' : e.kind, w + 8, h + 8), transform: 'translate(-4,-4)' }, g);
    svg('path', { class: 'shape', d }, g);
    svg('path', { class: 'pattern', d }, g);
    if (e.kind === 'datastore') {
        const c = SIZES.datastoreCap;
        svg('path', { class: 'cap', d: `M0,${c}A${w / 2},${c} 0 0,0 ${w},${c}` }, g);
    } else if (e.kind !== 'infra') {
        svg('rect', { class: 'accent', x: 0, y: 5, width: 3, height: h - 10, rx: 1.5 }, g);
    }
    const x0 = SIZES.pad + (e.kind === 'infra' ? SIZES.infraChamfer : 0);
    let y = SIZES.vpad + (e.kind === 'datastore' ? SIZES.datastoreCap : 0);
    const title = svg('text', { class: 'title', x: x0, y: y + 13 }, g, node.title);
    title.setAttribute('data-width', String(Math.ceil(measure(node.title, 'title'))));
    svg('line', { class: 'strike', x1: x0 - 2, x2: x0 + measure(node.title, 'title') + 2, y1: y + 8.5, y2: y + 8.5 }, g);
    y += SIZES.titleLine;
    if (node.subtitle) {
        svg('text', { class: 'subtitle', x: x0, y: y + 12 }, g, node.subtitle);
        y += SIZES.subLine;
    }
    if (node.meta) {
        svg('text', { class: 'meta', x: x0, y: y + 11 }, g, node.meta);
        y += SIZES.metaLine;
    }
    // Badges, right-aligned on the title line.
    let bx = w - SIZES.pad - (e.kind === 'infra' ? SIZES.infraChamfer : 0);
    for (const badge of serviceBadges(e)) {
        const bw = badgeWidth(badge, measure);
        bx -= bw;
        const b = svg('g', { class: `badge b-${badge === 'SPOF' ? 'spof' : 'never-up'}` }, g);
        svg('rect', { x: bx, y: SIZES.vpad + (e.kind === 'datastore' ? SIZES.datastoreCap : 0), width: bw, height: 16, rx: 3 }, b);
        svg('text', { x: bx + bw / 2, y: SIZES.vpad + (e.kind === 'datastore' ? SIZES.datastoreCap : 0) + 11.5, 'text-anchor': 'middle' }, b, badge);
        bx -= SIZES.badgeGap;
    }
    if ((node.spofFor ?? 0) > 0) spofForTag(g, node, w, measure);
    for (const t of node.tags ?? []) {
        const tg = svg('g', { class: `dtag${t.standby ? ' standby' : ''}${t.backup ? ' backup' : ''}`, 'data-domain': t.domain }, g);
        svg('rect', { x: t.x, y: t.y, width: t.width, height: SIZES.tagHeight, rx: 3 }, tg);
        svg('text', { x: t.x + 6, y: t.y + 12.5 }, tg, t.text);
    }
}

function spofForTag(g: SVGGElement, node: SceneNode, w: number, measure: Measure): void {
    const text = `SPOF for ${node.spofFor}`;
    const bw = badgeWidth(text, measure);
    const t = svg('g', { class: 'badge b-spof-for' }, g);
    const x = node.type === 'container' && !node.collapsed ? w - bw - 34 : w - bw - 6;
    const y = node.type === 'container' && !node.collapsed ? 7 : -8;
    svg('rect', { x, y, width: bw, height: 16, rx: 3 }, t);
    svg('text', { x: x + bw / 2, y: y + 11.5, 'text-anchor': 'middle' }, t, text);
}

function toggle(g: SVGGElement, w: number, collapsed: boolean): void {
    const t = svg('g', { class: 'toggle', 'data-toggle': '1', transform: `translate(${w - 28},6)` }, g);
    svg('title', {}, t, collapsed ? 'Expand' : 'Collapse');
    svg('rect', { width: 20, height: 18, rx: 4 }, t);
    svg('path', { d: collapsed ? 'M6,9H14M10,5V13' : 'M6,9H14' }, t);
}

function header(g: SVGGElement, node: SceneNode, w: number, measure: Measure): void {
    const e = node.element!;
    const kind = e.kind.toUpperCase();
    const kw = Math.ceil(measure(kind, 'chip')) + 8;
    const kt = svg('g', { class: 'kind-tag' }, g);
    svg('rect', { x: SIZES.pad, y: 7, width: kw, height: 16, rx: 3 }, kt);
    svg('text', { x: SIZES.pad + kw / 2, y: 18.5, 'text-anchor': 'middle' }, kt, kind);
    const tx = SIZES.pad + kw + 6;
    svg('text', { class: 'title', x: tx, y: 20 }, g, node.title);
    const titleW = measure(node.title, 'header');
    svg('line', { class: 'strike', x1: tx - 2, x2: tx + titleW + 2, y1: 15.5, y2: 15.5 }, g);
    if (node.subtitle) {
        const right = w - 34 - ((node.spofFor ?? 0) > 0 ? badgeWidth(`SPOF for ${node.spofFor}`, measure) + 8 : 0);
        const room = right - (tx + titleW + 8);
        if (room > 30) {
            let sub = node.subtitle;
            while (sub.length > 1 && measure(sub, 'body') > room) sub = `${sub.slice(0, -2)}…`;
            svg('text', { class: 'subtitle', x: tx + titleW + 8, y: 20 }, g, sub);
        }
    }
}

function drawContainer(g: SVGGElement, node: SceneNode, w: number, h: number, measure: Measure): void {
    svg('rect', { class: 'outline', x: -4, y: -4, width: w + 8, height: h + 8, rx: 11 }, g);
    svg('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    svg('rect', { class: 'pattern', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    svg('path', { class: 'header-band', d: `M8,0H${w - 8}Q${w},0 ${w},8V${SIZES.headerHeight}H0V8Q0,0 8,0Z` }, g);
    header(g, node, w, measure);
    if ((node.spofFor ?? 0) > 0) spofForTag(g, node, w, measure);
    toggle(g, w, false);
}

function drawCollapsed(g: SVGGElement, node: SceneNode, w: number, h: number, measure: Measure): void {
    svg('rect', { class: 'outline', x: -4, y: -4, width: w + 8, height: h + 8, rx: 11 }, g);
    svg('rect', { class: 'stack', x: 5, y: 5, width: w, height: h, rx: 8 }, g);
    svg('rect', { class: 'shape', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    svg('rect', { class: 'pattern', x: 0, y: 0, width: w, height: h, rx: 8 }, g);
    header(g, node, w, measure);
    if (node.meta) svg('text', { class: 'meta', x: SIZES.pad, y: h - 10 }, g, node.meta);
    if ((node.spofFor ?? 0) > 0) spofForTag(g, node, w, measure);
    toggle(g, w, true);
}

function defs(root: SVGSVGElement): void {
    const d = svg('defs', {}, root);
    const marker = (id: string, cls: string, path: string, open = false): void => {
        const m = svg('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' }, d);
        m.setAttribute('markerWidth', '9');
        m.setAttribute('markerHeight', '9');
        svg('path', { class: `${cls}${open ? ' open' : ''}`, d: path }, m);
    };
    marker('arrow', 'arrowhead', 'M0,1L10,5L0,9Z');
    marker('arrow-fatal', 'arrowhead fatal', 'M0,1L10,5L0,9Z');
    marker('arrow-hl', 'arrowhead hl', 'M0,1L10,5L0,9Z');
    marker('arrow-open', 'arrowhead', 'M1,1L9,5L1,9', true);
    const dot = svg('marker', { id: 'dot', viewBox: '0 0 10 10', refX: 5, refY: 5, markerWidth: 6, markerHeight: 6, markerUnits: 'userSpaceOnUse' }, d);
    svg('circle', { class: 'placement-dot', cx: 5, cy: 5, r: 4 }, dot);
    const hatch = svg('pattern', { id: 'hatch-down', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, d);
    svg('rect', { class: 'hatch-line', x: 0, y: 0, width: 2.5, height: 8 }, hatch);
    const dots = svg('pattern', { id: 'dots-degraded', width: 7, height: 7, patternUnits: 'userSpaceOnUse' }, d);
    svg('circle', { class: 'dot-fill', cx: 3.5, cy: 3.5, r: 1.3 }, dots);
}
