/**
 * Puts a laid-out scene on the page as SVG (the drawing itself is draw/, as plain trees) and
 * keeps it current: a box is drawn again only when its content or position changed; states
 * (simulation, highlight, selection) are classes toggled on the existing elements.
 */
import type { GraphElement, SimulationResult } from '../../../server/src/common/protocol.js';
import { svg, toDom } from '../dom.js';
import { graphDefs } from '../draw/defs.js';
import { HEAT_CLASSES, heatScale, heatValue, type HeatMeasure } from '../draw/heat.js';
import { drawNode } from '../draw/draw-node.js';
import { edgeCount } from '../draw/edge-label-point.js';
import { edgeMarker, edgeShape } from '../draw/edge-shape.js';
import type { NodeState } from '../draw/simulation-state.js';
import { SimulationStates } from '../draw/simulation-state.js';
import { stateTag, stateTagText } from '../draw/state-tag.js';
import type { Box, Layout } from '../layout/layout.js';
import type { Scene, SceneEdge, SceneNode } from '../scene/scene.js';
import type { Measure } from '../scene/text.js';

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
    private readonly countsLayer: SVGGElement;
    private readonly nodeEls = new Map<string, NodeEl>();
    private readonly edgeEls = new Map<string, { path: SVGPathElement; edge: SceneEdge; key: string; count?: SVGGElement }>();
    scene: Scene | null = null;
    layout: Layout | null = null;

    constructor(readonly root: SVGSVGElement, private readonly measure: Measure) {
        root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
        toDom(graphDefs(), root);
        this.viewport = svg('g', { class: 'viewport' }, root);
        this.containersLayer = svg('g', { class: 'layer-containers' }, this.viewport);
        this.edgesLayer = svg('g', { class: 'layer-edges' }, this.viewport);
        this.nodesLayer = svg('g', { class: 'layer-nodes' }, this.viewport);
        this.countsLayer = svg('g', { class: 'layer-edge-counts' }, this.viewport);
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
            const g = this.nodeGroup(node, box);
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

    /** The drawn node, focusable (the keyboard moves between nodes; see view/tab-stop.ts). */
    private nodeGroup(node: SceneNode, box: Box): SVGGElement {
        const g = toDom(drawNode(node, box, this.measure)) as SVGGElement;
        g.setAttribute('tabindex', '-1');
        g.setAttribute('role', node.element ? 'button' : 'img');
        g.setAttribute('focusable', 'true');
        return g;
    }

    private renderEdges(scene: Scene, layout: Layout): void {
        const keep = new Set<string>();
        for (const edge of scene.edges) {
            const shape = edgeShape(edge, layout);
            if (!shape) continue;
            keep.add(edge.id);
            const key = `${shape.d}|${edge.kind}|${edge.count}`;
            const existing = this.edgeEls.get(edge.id);
            if (existing && existing.key === key) {
                existing.edge = edge;
                continue;
            }
            const path = existing?.path ?? svg('path', {}, this.edgesLayer);
            path.setAttribute('d', shape.d);
            path.setAttribute('class', shape.className);
            path.setAttribute('data-from', edge.from);
            path.setAttribute('data-to', edge.to);
            path.setAttribute('data-count', String(edge.count));
            setMarker(path, edgeMarker(edge, false, false));
            existing?.count?.remove();
            this.edgeEls.set(edge.id, { path, edge, key, count: edge.count > 1 ? this.countLabel(edge, layout) : undefined });
        }
        for (const [id, el] of this.edgeEls) {
            if (!keep.has(id)) {
                el.count?.remove();
                el.path.remove();
                this.edgeEls.delete(id);
            }
        }
    }

    /** How many model edges an aggregated edge stands for (between collapsed containers), at its middle. */
    private countLabel(edge: SceneEdge, layout: Layout): SVGGElement | undefined {
        const label = edgeCount(edge, layout, this.measure);
        return label ? (toDom(label, this.countsLayer) as SVGGElement) : undefined;
    }

    /** Heat map: each failure domain drawn in the colour of its value under `measure` (`heat-0` … `heat-4`, `heat-na` without one), or none (null). */
    applyHeat(measure: HeatMeasure | null, elements: readonly GraphElement[]): void {
        const scale = measure ? heatScale(elements, measure) : null;
        this.root.classList.toggle('heat-map', measure !== null);
        for (const el of this.nodeEls.values()) {
            const e = el.node.element;
            const value = measure && e ? heatValue(e, measure) : undefined;
            const c = scale && typeof value === 'number' ? scale.classOf(value) : null;
            for (let i = 0; i < HEAT_CLASSES; i++) el.g.classList.toggle(`heat-${i}`, c === i);
            // a domain without a defined value is drawn as such, never as 0
            el.g.classList.toggle('heat-na', value === null);
            if (value === undefined || value === null) el.g.removeAttribute('data-heat-value');
            else el.g.setAttribute('data-heat-value', String(value));
        }
    }

    /** Marks the node whose neighbourhood is shown (null: none). */
    markFocus(id: string | null): void {
        for (const [nodeId, el] of this.nodeEls) el.g.classList.toggle('focus-root', nodeId === id);
    }

    /** Simulation, highlight and selection as classes (no geometry). */
    applyOverlay(overlay: Overlay): void {
        const scene = this.scene;
        if (!scene) return;
        const states = overlay.simulation ? new SimulationStates(overlay.simulation) : null;
        const highlightId = overlay.highlight !== null ? scene.shownAs.get(overlay.highlight) ?? null : null;
        const highlighted = overlay.highlight !== null ? scene.nodes.get(highlightId ?? '')?.element : undefined;
        const nearest = new Set(highlighted?.nearestSpofs ?? []);
        this.root.classList.toggle('simulating', states !== null);
        for (const [id, el] of this.nodeEls) {
            const name = el.node.element?.name;
            const g = el.g;
            let state: NodeState | null = null;
            if (states && name !== undefined) state = states.ofElement(name);
            else if (states && el.node.type === 'junction') state = states.ofJunction(el.node.junction!.from);
            const stateClass = state === null ? null : `s-${state}`;
            for (const c of STATE_CLASSES) g.classList.toggle(c, c === stateClass);
            this.stateTag(el, state, name !== undefined ? states?.outageMinutes(name) : undefined);
            g.classList.toggle('highlighted', id === highlightId);
            g.classList.toggle('nearest-of-highlighted', name !== undefined && nearest.has(name));
            g.classList.toggle('selected', name !== undefined && overlay.selection.has(name));
            if (name !== undefined) {
                const label = [`${el.node.element!.kind} ${name}`, el.node.element!.label, state ?? undefined,
                    el.node.element!.spof ? 'single point of failure' : undefined, el.node.collapsed ? `collapsed, ${el.node.hidden} inside` : undefined]
                    .filter(Boolean).join(', ');
                g.setAttribute('aria-label', label);
            }
        }
        for (const { path, edge } of this.edgeEls.values()) {
            const fatal = states !== null && states.isFatal(edge);
            path.classList.toggle('fatal', fatal);
            const touches = overlay.highlight !== null && (edge.from === overlay.highlight || edge.to === overlay.highlight);
            path.classList.toggle('highlighted', touches);
            setMarker(path, edgeMarker(edge, touches, fatal));
        }
        // Highlighted edges on top.
        for (const { path } of this.edgeEls.values()) if (path.classList.contains('highlighted')) this.edgesLayer.appendChild(path);
    }

    private stateTag(el: NodeEl, state: NodeState | null, minutes: number | null | undefined): void {
        const tag = el.g.querySelector<SVGGElement>(':scope > g.state-tag');
        const text = state === null || el.node.type === 'junction' ? null : stateTagText(state, minutes, el.node.element);
        if (text === null) {
            tag?.remove();
            return;
        }
        if (tag && tag.dataset.text === text) return;
        tag?.remove();
        toDom(stateTag(text, this.measure), el.g);
    }
}

function setMarker(path: SVGPathElement, marker: string | null): void {
    if (marker === null) path.removeAttribute('marker-end');
    else path.setAttribute('marker-end', marker);
}

function renderKey(node: SceneNode, box: Box): string {
    return JSON.stringify([box.x, box.y, box.width, box.height, node.title, node.subtitle, node.meta, node.tags?.map(t => [t.text, t.x, t.y, t.standby, t.backup]),
        node.collapsed, node.spofFor, node.element?.spof, node.element?.neverUp, node.element?.tier, node.element?.kind]);
}
