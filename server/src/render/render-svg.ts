/**
 * The preview's picture without the editor: the same scene (media/src/scene), layout
 * (media/src/layout, elkjs run in this process) and drawing (media/src/draw) as the preview,
 * with a simulation drawn as the preview draws it, written out as one standalone SVG file in
 * the theme's light colours (light-style.ts).
 */
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import type { ModelGraph, SimulationResult } from '../common/protocol.js';
import type { Timeline } from '../common/results.js';
import { graphDefs } from '../../../media/src/draw/defs.js';
import { drawNode } from '../../../media/src/draw/draw-node.js';
import { edgeCount } from '../../../media/src/draw/edge-label-point.js';
import { edgeMarker, edgeShape } from '../../../media/src/draw/edge-shape.js';
import { SimulationStates, type NodeState } from '../../../media/src/draw/simulation-state.js';
import { stateTag, stateTagText } from '../../../media/src/draw/state-tag.js';
import { el, type SvgNode } from '../../../media/src/draw/svg-tree.js';
import { drawTimeline, TIMELINE_HEIGHT, timelineText } from '../../../media/src/draw/timeline-drawing.js';
import { layoutInput, readLayout, type ElkNodeOut } from '../../../media/src/layout/elk-graph.js';
import type { Direction, Layout } from '../../../media/src/layout/layout.js';
import { buildScene } from '../../../media/src/scene/build-scene.js';
import { neighbourhood } from '../../../media/src/scene/neighbourhood.js';
import type { Scene } from '../../../media/src/scene/scene.js';
import { lightStyleSheet, LIGHT_COLOURS } from './light-style.js';
import { serializeSvg } from './serialize-svg.js';
import { measureText } from './text-width.js';

export { MAX_HOPS, MIN_HOPS } from '../../../media/src/scene/neighbourhood.js';

export interface RenderOptions {
    /** draw only this element's neighbourhood (the preview's "Show neighbourhood"), `hops` steps each way */
    focus?: { name: string; hops: number };
    /** a simulation to draw (what failed, what is down, degraded, failed over) */
    simulation?: SimulationResult;
    /** the regions and sites drawn collapsed */
    collapsed?: ReadonlySet<string>;
    direction?: Direction;
    /** the picture's title (an SVG <title>) */
    title?: string;
    /** with a simulation that has a timeline: the preview's chart of the outage over time under the graph, at the failure */
    timeline?: boolean;
}

const PAD = 16;

/** elkjs's bundle is CommonJS: its constructor is the module itself or its `default`, by loader. */
type ElkConstructor = new () => ElkApi;
const ELK = ((elkBundled as unknown as { default?: ElkConstructor }).default ?? elkBundled) as unknown as ElkConstructor;

export async function renderSvg(graph: ModelGraph, options: RenderOptions = {}): Promise<string> {
    const direction = options.direction ?? 'DOWN';
    if (options.focus) graph = neighbourhood(graph, options.focus.name, options.focus.hops) ?? graph;
    const scene = buildScene(graph, { collapsed: options.collapsed ?? new Set() }, measureText);
    const input = layoutInput(scene, direction);
    const elk = new ELK();
    const out = await elk.layout(input.graph as Parameters<typeof elk.layout>[0]) as ElkNodeOut;
    const layout = readLayout(out, input, direction);
    const timeline = options.timeline ? options.simulation?.timeline : undefined;
    return svgText(drawing(scene, layout, options.simulation ?? null), layout, options.title, timeline && timeline.steps.length > 0 ? timeline : undefined);
}

const TIMELINE_GAP = 24;
const TIMELINE_HEAD = 18;
const TIMELINE_MIN_WIDTH = 480;

/** The chart of the outage over time, as the preview draws it under the graph (its cursor at the failure), `width` wide. */
function timelineChart(timeline: Timeline, width: number, top: number): SvgNode {
    const g = el('g', { class: 'timeline', transform: `translate(0 ${top})` });
    el('text', { class: 'tl-row-label', x: 4, y: 12 }, g, `Over time · ${timelineText(timeline, 0)}`);
    const chart = el('g', { class: 'timeline-chart', transform: `translate(0 ${TIMELINE_HEAD})` }, g);
    chart.children.push(...drawTimeline(timeline, 0, width));
    return g;
}

/** The drawing as the preview's GraphRenderer paints it, the simulation applied as it applies it. */
function drawing(scene: Scene, layout: Layout, simulation: SimulationResult | null): SvgNode {
    const states = simulation ? new SimulationStates(simulation) : null;
    const viewport = el('g', { class: `viewport${states ? ' simulating' : ''}` });
    const containers = el('g', { class: 'layer-containers' }, viewport);
    const edges = el('g', { class: 'layer-edges' }, viewport);
    const nodes = el('g', { class: 'layer-nodes' }, viewport);
    const counts = el('g', { class: 'layer-edge-counts' }, viewport);
    const visit = (parent: string): void => {
        for (const id of scene.children.get(parent) ?? []) {
            const node = scene.nodes.get(id)!;
            const box = layout.boxes.get(id);
            if (box) {
                const g = drawNode(node, box, measureText);
                // a picture has nothing to click: no collapse / expand buttons
                g.children = g.children.filter(child => child.attrs['data-toggle'] === undefined);
                const name = node.element?.name;
                let state: NodeState | null = null;
                if (states && name !== undefined) state = states.ofElement(name);
                else if (states && node.type === 'junction') state = states.ofJunction(node.junction!.from);
                if (state !== null) g.attrs.class = `${String(g.attrs.class)} s-${state}`;
                const text = state === null || node.type === 'junction' ? null : stateTagText(state, name !== undefined ? states!.outageMinutes(name) : undefined, node.element);
                if (text !== null) g.children.push(stateTag(text, measureText));
                if (node.element) {
                    const e = node.element;
                    // the first child: a tooltip in a browser, the element's name for a screen reader
                    g.children.unshift(el('title', {}, undefined, [`${e.kind} ${e.name}`, e.label, state ?? undefined, e.spof ? 'single point of failure' : undefined].filter(Boolean).join(', ')));
                }
                (node.type === 'container' && !node.collapsed ? containers : nodes).children.push(g);
            }
            visit(id);
        }
    };
    visit('');
    for (const edge of scene.edges) {
        const shape = edgeShape(edge, layout);
        if (!shape) continue;
        const fatal = states !== null && states.isFatal(edge);
        el('path', {
            class: `${shape.className}${fatal ? ' fatal' : ''}`,
            d: shape.d,
            'data-from': edge.from,
            'data-to': edge.to,
            'marker-end': edgeMarker(edge, false, fatal)
        }, edges);
        const count = edge.count > 1 ? edgeCount(edge, layout, measureText) : null;
        if (count) counts.children.push(count);
    }
    return viewport;
}

function svgText(viewport: SvgNode, layout: Layout, title: string | undefined, timeline: Timeline | undefined): string {
    const x = -PAD;
    const y = -PAD;
    const width = Math.ceil(Math.max(layout.width + 2 * PAD, timeline ? TIMELINE_MIN_WIDTH : 0));
    const below = timeline ? TIMELINE_GAP + TIMELINE_HEAD + TIMELINE_HEIGHT : 0;
    const height = Math.ceil(layout.height + 2 * PAD + below);
    const root = el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `${x} ${y} ${width} ${height}`, width, height, class: 'graph' });
    if (title !== undefined) el('title', {}, root, title);
    el('style', {}, root, lightStyleSheet());
    root.children.push(graphDefs());
    el('rect', { x, y, width, height, fill: LIGHT_COLOURS['--bg'] }, root);
    root.children.push(viewport);
    if (timeline) {
        const chart = timelineChart(timeline, width - 2 * PAD, Math.ceil(layout.height) + TIMELINE_GAP);
        root.children.push(chart);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}
