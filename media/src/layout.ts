/**
 * Layout: the scene as an ELK graph, and ELK's answer as boxes and edge routes.
 *
 * Why it is shaped this way: ELK layered with `INCLUDE_CHILDREN` lays out the whole hierarchy
 * at once and routes edges across containers, but it needs about 10 s for a 200-service
 * model. With `SEPARATE_CHILDREN` each container is a small layered graph of its own
 * (about 0.5 s for the same model) but edges between different containers are ignored. So
 * every dependency is *lifted* to the level where its two ends are siblings (talk → auth
 * becomes talk → pangyo inside capital); the lifted edges order each level (services above
 * the sites they use, sites above their power), and their routes are the middle of the
 * drawn edge, which then continues inside the containers to the real boxes.
 */
import type { Scene } from './scene/scene.js';
import { SIZES } from './scene/sizes.js';

export type Direction = 'RIGHT' | 'DOWN';

export interface Point { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number }

export interface ElkEdgeIn { id: string; sources: string[]; targets: string[]; layoutOptions?: Record<string, string> }

/**
 * How strongly an edge should point along the layout direction (ELK's cycle breaking keeps
 * the important ones forward): dependencies and placements define the picture; `monitors`
 * (an observer watching what it depends on least) must not turn it upside down.
 */
/** Above this many boxes a level is laid out with its containers pinned to the last layer. */
const CROWDED = 30;

const PRIORITY: Record<string, number> = { hard: 10, any: 10, kof: 10, member: 10, placement: 8, soft: 6, monitors: 0 };
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
    /** scene edge id → the chain of nodes from its source up to the lifted edge's source, and from the lifted target down to its target */
    lifts: Map<string, { layoutEdge: string; up: string[]; down: string[] }>;
}

export interface Layout {
    boxes: Map<string, Box>;
    /** routes of the lifted edges, by layout edge id */
    routes: Map<string, Point[]>;
    lifts: LayoutInput['lifts'];
    width: number;
    height: number;
    direction: Direction;
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
    const parentOf = (id: string): string => scene.nodes.get(id)?.parent ?? '';
    const ancestors = (id: string): string[] => {
        const out = [id];
        let cur = parentOf(id);
        let guard = 0;
        while (cur !== '' && guard++ < 1000) {
            out.push(cur);
            cur = parentOf(cur);
        }
        return out; // node first, outermost last
    };
    const isContainer = (id: string): boolean => scene.nodes.get(id)?.type === 'container';
    const isService = (id: string): boolean => {
        const kind = scene.nodes.get(id)?.element?.kind;
        return kind === 'service' || kind === 'datastore';
    };
    const levelEdges = new Map<string, ElkEdgeIn[]>();
    const seen = new Map<string, ElkEdgeIn>();
    const lifts: LayoutInput['lifts'] = new Map();
    for (const edge of scene.edges) {
        const sa = ancestors(edge.source);
        const ta = ancestors(edge.target);
        const tset = new Set(ta);
        // the innermost common container ('' = the top level)
        let level = '';
        let si = sa.length - 1;
        for (let i = 1; i < sa.length; i++) {
            if (tset.has(sa[i])) { level = sa[i]; si = i - 1; break; }
        }
        if (level === '') si = sa.length - 1;
        const a = sa[si];
        const ti = level === '' ? ta.length - 1 : ta.indexOf(level) - 1;
        const b = ta[ti];
        if (a === undefined || b === undefined || a === b) continue;
        // On a crowded level (many services beside regions or sites), edges into or out of
        // containers are not layout constraints either: the containers go to the last layer
        // (below the services) and only the edges among the level's own boxes are laid out.
        // This keeps the layout's long-edge dummies, and so its time, down.
        const crowded = (scene.children.get(level)?.length ?? 0) > CROWDED;
        if ((isContainer(a) && (isContainer(b) || isService(b))) || (crowded && (isContainer(a) || isContainer(b)))) {
            // Out of a container into another container or a service (a dependency from one
            // site into another, a service in a site using a multi-site service): not a layout
            // constraint — sites and regions stay side by side like a floor plan, in one layer
            // below the services that run on them — and drawn as a curve from box to box.
            // (Containers keep their edges to infra: sites above their power.)
            lifts.set(edge.id, { layoutEdge: '', up: [], down: [] });
            continue;
        }
        const layoutEdge = `${level}>${a}>${b}`;
        lifts.set(edge.id, { layoutEdge, up: sa.slice(0, si + 1), down: ta.slice(0, ti + 1).reverse() });
        const priority = PRIORITY[edge.kind] ?? 5;
        const existing = seen.get(layoutEdge);
        if (existing) {
            if (priority > Number(existing.layoutOptions!['elk.layered.priority.direction'])) existing.layoutOptions!['elk.layered.priority.direction'] = String(priority);
            continue;
        }
        const elkEdge: ElkEdgeIn = { id: layoutEdge, sources: [a], targets: [b], layoutOptions: { 'elk.layered.priority.direction': String(priority) } };
        seen.set(layoutEdge, elkEdge);
        let list = levelEdges.get(level);
        if (!list) levelEdges.set(level, (list = []));
        list.push(elkEdge);
    }
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

// ---------------------------------------------------------------- edge paths

const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Where a line from inside `b` towards `p` leaves the box (used for the ends inside containers). */
function border(b: Box, toward: Point, direction: Direction): Point {
    const c = center(b);
    if (direction === 'DOWN') {
        const y = toward.y >= c.y ? b.y + b.height : b.y;
        const x = Math.min(b.x + b.width - 8, Math.max(b.x + 8, toward.x));
        return { x: Math.abs(toward.y - c.y) < b.height / 2 ? c.x : x, y };
    }
    const x = toward.x >= c.x ? b.x + b.width : b.x;
    const y = Math.min(b.y + b.height - 8, Math.max(b.y + 8, toward.y));
    return { x, y: Math.abs(toward.x - c.x) < b.width / 2 ? c.y : y };
}

/** An orthogonal elbow from `a` to `b`, turning halfway along the layout direction. */
function elbow(a: Point, b: Point, direction: Direction): Point[] {
    if (Math.abs(a.x - b.x) < 1 || Math.abs(a.y - b.y) < 1) return [a, b];
    if (direction === 'DOWN') {
        const my = (a.y + b.y) / 2;
        return [a, { x: a.x, y: my }, { x: b.x, y: my }, b];
    }
    const mx = (a.x + b.x) / 2;
    return [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b];
}

export interface Route { points: Point[]; curved: boolean }

/**
 * The drawn route of a scene edge: from its source box out to the lifted route, along it,
 * and in to its target box. Edges without a lifted route (between two containers, or new
 * since the last layout) are a curve from box to box; so are placements ("runs on"
 * connectors, told apart from dependencies by their shape).
 */
export function edgeRoute(layout: Layout, edgeId: string, source: string, target: string, kind?: string): Route | null {
    const sb = layout.boxes.get(source);
    const tb = layout.boxes.get(target);
    if (!sb || !tb) return null;
    const lift = layout.lifts.get(edgeId);
    const lifted = lift && lift.layoutEdge !== '' ? layout.routes.get(lift.layoutEdge) : undefined;
    const dir = layout.direction;
    if (!lift || !lifted || lifted.length < 2 || kind === 'placement') {
        const a = border(sb, center(tb), dir);
        const b = border(tb, center(sb), dir);
        return { points: [a, b], curved: true };
    }
    const points: Point[] = [];
    const start = lifted[0];
    const end = lifted[lifted.length - 1];
    if (lift.up.length > 1) {
        const a = border(sb, start, dir);
        points.push(...elbow(a, start, dir).slice(0, -1));
    }
    points.push(...lifted);
    if (lift.down.length > 1) {
        const b = border(tb, end, dir);
        points.push(...elbow(end, b, dir).slice(1));
    }
    return { points: simplify(points), curved: false };
}

/** A curve from `a` to `b` that leaves and arrives along the layout direction. */
export function curveData(a: Point, b: Point, direction: Direction): string {
    const f = (n: number): string => (Math.round(n * 10) / 10).toString();
    if (direction === 'DOWN') {
        const dy = Math.max(40, Math.abs(b.y - a.y) * 0.5) * (b.y >= a.y ? 1 : -1);
        return `M${f(a.x)},${f(a.y)}C${f(a.x)},${f(a.y + dy)} ${f(b.x)},${f(b.y - dy)} ${f(b.x)},${f(b.y)}`;
    }
    const dx = Math.max(40, Math.abs(b.x - a.x) * 0.5) * (b.x >= a.x ? 1 : -1);
    return `M${f(a.x)},${f(a.y)}C${f(a.x + dx)},${f(a.y)} ${f(b.x - dx)},${f(b.y)} ${f(b.x)},${f(b.y)}`;
}

function simplify(points: Point[]): Point[] {
    const out: Point[] = [];
    for (const p of points) {
        const last = out[out.length - 1];
        if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
        if (out.length >= 2) {
            const prev = out[out.length - 2];
            const collinear = (Math.abs(prev.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5)
                || (Math.abs(prev.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5);
            if (collinear) out.pop();
        }
        out.push(p);
    }
    return out;
}

/** An SVG path through the points with rounded corners. */
export function pathData(points: readonly Point[], radius = 6): string {
    if (points.length === 0) return '';
    const f = (n: number): string => (Math.round(n * 10) / 10).toString();
    let d = `M${f(points[0].x)},${f(points[0].y)}`;
    for (let i = 1; i < points.length - 1; i++) {
        const p0 = points[i - 1];
        const p1 = points[i];
        const p2 = points[i + 1];
        const d1 = Math.hypot(p1.x - p0.x, p1.y - p0.y);
        const d2 = Math.hypot(p2.x - p1.x, p2.y - p1.y);
        const r = Math.min(radius, d1 / 2, d2 / 2);
        if (r < 0.5) {
            d += `L${f(p1.x)},${f(p1.y)}`;
            continue;
        }
        const a = { x: p1.x + ((p0.x - p1.x) / d1) * r, y: p1.y + ((p0.y - p1.y) / d1) * r };
        const b = { x: p1.x + ((p2.x - p1.x) / d2) * r, y: p1.y + ((p2.y - p1.y) / d2) * r };
        d += `L${f(a.x)},${f(a.y)}Q${f(p1.x)},${f(p1.y)} ${f(b.x)},${f(b.y)}`;
    }
    const last = points[points.length - 1];
    d += `L${f(last.x)},${f(last.y)}`;
    return d;
}
