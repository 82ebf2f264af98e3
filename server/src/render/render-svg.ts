/**
 * The preview's picture without the editor: the same scene (media/src/scene), layout
 * (media/src/layout, elkjs run in this process) and drawing (media/src/draw) as the preview,
 * with a simulation drawn as the preview draws it, written out as one standalone SVG file in
 * the theme's light colours (light-style.ts).
 */
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import type { ModelGraph, SimulationResult } from '../common/protocol.js';
import { graphDefs } from '../../../media/src/draw/defs.js';
import { drawNode } from '../../../media/src/draw/draw-node.js';
import { edgeMarker, edgeShape } from '../../../media/src/draw/edge-shape.js';
import { SimulationStates, type NodeState } from '../../../media/src/draw/simulation-state.js';
import { stateTag, stateTagText } from '../../../media/src/draw/state-tag.js';
import { el, type SvgNode } from '../../../media/src/draw/svg-tree.js';
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
    return svgText(drawing(scene, layout, options.simulation ?? null), layout, options.title);
}

/** The drawing as the preview's GraphRenderer paints it, the simulation applied as it applies it. */
function drawing(scene: Scene, layout: Layout, simulation: SimulationResult | null): SvgNode {
    const states = simulation ? new SimulationStates(simulation) : null;
    const viewport = el('g', { class: `viewport${states ? ' simulating' : ''}` });
    const containers = el('g', { class: 'layer-containers' }, viewport);
    const edges = el('g', { class: 'layer-edges' }, viewport);
    const nodes = el('g', { class: 'layer-nodes' }, viewport);
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
    }
    return viewport;
}

function svgText(viewport: SvgNode, layout: Layout, title: string | undefined): string {
    const x = -PAD;
    const y = -PAD;
    const width = Math.ceil(layout.width + 2 * PAD);
    const height = Math.ceil(layout.height + 2 * PAD);
    const root = el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `${x} ${y} ${width} ${height}`, width, height, class: 'graph' });
    if (title !== undefined) el('title', {}, root, title);
    el('style', {}, root, lightStyleSheet());
    root.children.push(graphDefs());
    el('rect', { x, y, width, height, fill: LIGHT_COLOURS['--bg'] }, root);
    root.children.push(viewport);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}
