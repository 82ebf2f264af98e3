/**
 * The scene as an ELK graph, and ELK's answer as boxes and edge routes. Pure: the ELK run
 * itself is elsewhere (elk-runner.ts: a Web Worker in the webview).
 *
 * Why it is shaped this way: ELK layered with `INCLUDE_CHILDREN` lays out the whole hierarchy
 * at once and routes edges across containers, but it needs about 10 s for a 200-service
 * model. With `SEPARATE_CHILDREN` each container is a small layered graph of its own
 * (about 0.5 s for the same model) but edges between different containers are ignored. So
 * every dependency is lifted to the level where its two ends are siblings (lift-edges.ts);
 * the lifted edges order each level (services above the sites they use, sites above their
 * power), and their routes are the middle of the drawn edge (edge-route.ts).
 */
import type { Scene } from '../scene/scene.js';
import { SIZES } from '../scene/sizes.js';
import type { Box, Direction, Layout, Lifts, Point } from './layout.js';
import type { ElkEdgeIn } from './lift-edges.js';
import { CROWDED, liftEdges } from './lift-edges.js';

export interface ElkNodeIn {
    id: string;
    width?: number;
    height?: number;
    layoutOptions?: Record<string, string>;
    children?: ElkNodeIn[];
    edges?: ElkEdgeIn[];
}
export interface ElkNodeOut {
    id: string;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    children?: ElkNodeOut[];
    edges?: { id: string; sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[] }[];
}

export interface LayoutInput {
    graph: ElkNodeIn;
    lifts: Lifts;
}

/**
 * Layered, with settings that keep each level cheap: merged edges (one trunk per source
 * instead of one dummy chain per edge: the largest saving), greedy cycle breaking, few
 * crossing-minimisation sweeps on big levels, no model-order pass.
 */
export function layoutOptions(direction: Direction, levelSize: number): Record<string, string> {
    const big = levelSize > 60;
    // A level with many boxes (services spread over regions, say) would become one very wide
    // layer; Coffman–Graham layering caps the boxes per layer, so they wrap into a block.
    const wide: Record<string, string> = levelSize > 16
        ? { 'elk.layered.layering.strategy': 'COFFMAN_GRAHAM', 'elk.layered.layering.coffmanGraham.layerBound': String(Math.ceil(Math.sqrt(levelSize) * 1.6)) }
        : {};
    return {
        'elk.algorithm': 'layered',
        'elk.direction': direction,
        'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.layered.mergeEdges': big ? 'true' : 'false',
        'elk.layered.cycleBreaking.strategy': 'GREEDY',
        'elk.layered.layering.strategy': 'NETWORK_SIMPLEX',
        'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
        'elk.layered.thoroughness': big ? '1' : '4',
        'elk.layered.crossingMinimization.greedySwitch.type': big ? 'OFF' : 'ONE_SIDED',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
        'elk.layered.considerModelOrder.strategy': 'NONE',
        'elk.layered.spacing.nodeNodeBetweenLayers': '38',
        'elk.spacing.nodeNode': '18',
        'elk.layered.spacing.edgeNodeBetweenLayers': '16',
        'elk.spacing.edgeNode': '14',
        'elk.spacing.edgeEdge': '8',
        'elk.spacing.componentComponent': '36',
        'elk.separateConnectedComponents': big ? 'false' : 'true',
        'elk.json.shapeCoords': 'ROOT',
        'elk.json.edgeCoords': 'ROOT',
        ...wide
    };
}

export function layoutInput(scene: Scene, direction: Direction): LayoutInput {
    const { levelEdges, lifts } = liftEdges(scene);
    const isContainer = (id: string): boolean => scene.nodes.get(id)?.type === 'container';
    const { top, left, bottom, right } = SIZES.containerPad;
    const build = (id: string): ElkNodeIn => {
        const node = scene.nodes.get(id)!;
        const kids = scene.children.get(id);
        if (node.type === 'container' && !node.collapsed && kids && kids.length > 0) {
            return {
                id,
                layoutOptions: {
                    ...layoutOptions(direction, kids.length),
                    'elk.padding': `[top=${top},left=${left},bottom=${bottom},right=${right}]`,
                    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                    'elk.nodeSize.minimum': `(${node.width}, ${node.height})`
                },
                children: kids.map(k => pin(build(k), kids.length)),
                edges: levelEdges.get(id) ?? []
            };
        }
        return { id, width: node.width, height: node.height };
    };
    const pin = (node: ElkNodeIn, levelSize: number): ElkNodeIn => {
        if (levelSize > CROWDED && isContainer(node.id)) {
            node.layoutOptions = { ...node.layoutOptions, 'elk.layered.layering.layerConstraint': 'LAST' };
        }
        return node;
    };
    const top0 = scene.children.get('') ?? [];
    return {
        graph: {
            id: 'root',
            layoutOptions: { ...layoutOptions(direction, top0.length), 'elk.padding': '[top=20,left=20,bottom=20,right=20]' },
            children: top0.map(k => pin(build(k), top0.length)),
            edges: levelEdges.get('') ?? []
        },
        lifts
    };
}

export function readLayout(out: ElkNodeOut, input: LayoutInput, direction: Direction): Layout {
    const boxes = new Map<string, Box>();
    const routes = new Map<string, Point[]>();
    const walk = (n: ElkNodeOut): void => {
        for (const c of n.children ?? []) {
            boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
            walk(c);
        }
        for (const e of n.edges ?? []) {
            const s = e.sections?.[0];
            if (!s) continue;
            routes.set(e.id, [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
        }
    };
    walk(out);
    return { boxes, routes, lifts: input.lifts, width: out.width ?? 0, height: out.height ?? 0, direction };
}
