/**
 * The layout of a scene one level at a time: the inside of each expanded container is laid
 * out on its own (innermost first), then its parent level with it as a box of fixed size, up
 * to the top level. This is what ELK's `SEPARATE_CHILDREN` does in one run (elk-graph.ts), in
 * separate runs instead, so that:
 * - a level laid out before is not laid out again (`LevelCache`, keyed by everything the
 *   level's layout depends on: its boxes' sizes, its edges, its options). "Expand all" then
 *   lays out each site once, and expanding one region re-lays out only that region and the
 *   top level;
 * - a level too big for ELK (more than `QUICK_ABOVE` boxes: the top level of a fully expanded
 *   model of 1,000 services holds about 600) gets the fast layout of quick-layered.ts, in
 *   milliseconds rather than ELK's many seconds (minutes at 5,000 services); its edges are
 *   drawn as curves from box to box;
 * - a layout nobody wants any more stops between two levels (`alive`).
 * Pure apart from the ELK runs it is given (a Web Worker in the webview, elkjs in Node).
 */
import type { Scene } from '../scene/scene.js';
import { SIZES } from '../scene/sizes.js';
import type { ElkNodeIn, ElkNodeOut, LayoutInput } from './elk-graph.js';
import type { Box, Direction, Layout, Point } from './layout.js';
import { quickLayered } from './quick-layered.js';

/** Levels with more boxes than this are laid out by quick-layered.ts instead of ELK. */
export const QUICK_ABOVE = 250;

const LAYER = 'elk.layered.layering.layerConstraint';

export type RunElk = (graph: ElkNodeIn) => Promise<ElkNodeOut>;

/** One level's answer: its size, and its own boxes and edge routes relative to its top-left corner. */
interface LevelOut {
    width: number;
    height: number;
    boxes: Map<string, Box>;
    routes: Map<string, Point[]>;
}

/** Levels laid out before, by what their layout depends on. */
export class LevelCache {
    private readonly levels = new Map<string, LevelOut>();

    constructor(private readonly max = 5000) {}

    get(key: string): LevelOut | undefined {
        return this.levels.get(key);
    }

    set(key: string, level: LevelOut): void {
        if (this.levels.size >= this.max) this.levels.clear();
        this.levels.set(key, level);
    }

    get size(): number {
        return this.levels.size;
    }
}

export interface LevelStats {
    /** levels laid out by ELK, by quick-layered.ts, and taken from the cache */
    elk: number;
    quick: number;
    cached: number;
}

export interface ByLevelsOptions {
    run: RunElk;
    cache?: LevelCache;
    /** false once the layout is not wanted any more: no further level is started */
    alive?: () => boolean;
    stats?: LevelStats;
}

/** Thrown between two levels when `alive()` turned false. */
export class LevelsStopped extends Error {
    constructor() {
        super('the layout was stopped');
        this.name = 'LevelsStopped';
    }
}

/** A laid-out level and everything inside it, relative to its top-left corner. */
interface Placed {
    width: number;
    height: number;
    boxes: Map<string, Box>;
    routes: Map<string, Point[]>;
}

export async function layOutByLevels(scene: Scene, input: LayoutInput, direction: Direction, options: ByLevelsOptions): Promise<Layout> {
    const stats = options.stats ?? { elk: 0, quick: 0, cached: 0 };
    const alive = options.alive ?? (() => true);

    const layOut = async (node: ElkNodeIn): Promise<Placed> => {
        const kids = node.children ?? [];
        const inner = new Map<string, Placed>();
        await Promise.all(kids.filter(k => k.children !== undefined).map(async k => {
            inner.set(k.id, await layOut(k));
        }));
        const level: ElkNodeIn = {
            id: node.id,
            layoutOptions: node.layoutOptions,
            children: kids.map(k => {
                const p = inner.get(k.id);
                const pinned = k.layoutOptions?.[LAYER];
                return {
                    id: k.id,
                    width: p ? p.width : k.width,
                    height: p ? p.height : k.height,
                    ...(pinned ? { layoutOptions: { [LAYER]: pinned } } : {})
                };
            }),
            edges: node.edges ?? []
        };
        const out = await layOutLevel(level, node.id === input.graph.id);
        const min = scene.nodes.get(node.id);
        const placed: Placed = {
            width: Math.max(out.width, min?.width ?? 0),
            height: Math.max(out.height, min?.height ?? 0),
            boxes: new Map(out.boxes),
            routes: new Map(out.routes)
        };
        for (const [id, p] of inner) {
            const at = out.boxes.get(id)!;
            // the container takes the size its inside needs (ELK answers the size it was given)
            placed.boxes.set(id, { x: at.x, y: at.y, width: p.width, height: p.height });
            for (const [inside, b] of p.boxes) placed.boxes.set(inside, { ...b, x: b.x + at.x, y: b.y + at.y });
            for (const [edge, points] of p.routes) placed.routes.set(edge, points.map(q => ({ x: q.x + at.x, y: q.y + at.y })));
        }
        return placed;
    };

    const layOutLevel = async (level: ElkNodeIn, isRoot: boolean): Promise<LevelOut> => {
        const key = `${direction}|${isRoot ? 'root' : 'in'}|${JSON.stringify(level)}`;
        const known = options.cache?.get(key);
        if (known) {
            stats.cached++;
            return known;
        }
        if (!alive()) throw new LevelsStopped();
        const kids = level.children ?? [];
        let result: LevelOut;
        if (kids.length > QUICK_ABOVE) {
            stats.quick++;
            const pad = isRoot ? { top: 20, left: 20, bottom: 20, right: 20 } : SIZES.containerPad;
            const quick = quickLayered(
                kids.map(k => ({ id: k.id, width: k.width ?? 0, height: k.height ?? 0, last: k.layoutOptions?.[LAYER] === 'LAST' })),
                (level.edges ?? []).map(e => ({ source: e.sources[0], target: e.targets[0] })),
                direction,
                { node: 18, layer: 56, padding: pad }
            );
            result = { ...quick, routes: new Map() };
        } else {
            stats.elk++;
            result = readLevel(await options.run(level));
        }
        options.cache?.set(key, result);
        return result;
    };

    const top = await layOut(input.graph);
    return { boxes: top.boxes, routes: top.routes, lifts: input.lifts, width: top.width, height: top.height, direction };
}

/** ELK's answer for one level: the boxes of its children and the routes of its edges. */
function readLevel(out: ElkNodeOut): LevelOut {
    const boxes = new Map<string, Box>();
    const routes = new Map<string, Point[]>();
    for (const c of out.children ?? []) boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
    for (const e of out.edges ?? []) {
        const s = e.sections?.[0];
        if (s) routes.set(e.id, [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    }
    return { width: out.width ?? 0, height: out.height ?? 0, boxes, routes };
}
