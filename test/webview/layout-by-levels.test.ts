/**
 * The layout one level at a time (media/src/layout/by-levels.ts) and the fast layout of big
 * levels (quick-layered.ts), in Node with elkjs: every box placed, each inside its container,
 * no two siblings overlapping, lifted edges routed from their source to their target, a
 * level laid out before taken from the cache, and a stopped layout starting no further level.
 */
import * as assert from 'node:assert/strict';
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ModelGraph } from '../../server/src/common/protocol.js';
import type { ElkNodeIn, ElkNodeOut } from '../../media/src/layout/elk-graph.js';
import { layoutInput } from '../../media/src/layout/elk-graph.js';
import type { LevelStats } from '../../media/src/layout/by-levels.js';
import { LevelCache, layOutByLevels, LevelsStopped, QUICK_ABOVE } from '../../media/src/layout/by-levels.js';
import type { Box, Direction, Layout } from '../../media/src/layout/layout.js';
import { quickLayered } from '../../media/src/layout/quick-layered.js';
import { buildScene } from '../../media/src/scene/build-scene.js';
import type { Scene } from '../../media/src/scene/scene.js';
import type { Measure } from '../../media/src/scene/text.js';
import { benchGraph } from './fixtures/bench-graph.js';
import { kakaoGraph } from './fixtures/graphs.js';

const ELK = elkBundled as unknown as new () => { layout(graph: unknown): Promise<ElkNodeOut> };
const elk = new ELK();
const run = (graph: ElkNodeIn): Promise<ElkNodeOut> => elk.layout(structuredClone(graph));
const measure: Measure = (text, role) => text.length * (role === 'chip' ? 6 : 7);

const inside = (inner: Box, outer: Box): boolean =>
    inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
    && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box): boolean =>
    a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every node has a box of its size (containers: at least), inside its container, not over a sibling. */
function assertSound(scene: Scene, layout: Layout): void {
    for (const [id, node] of scene.nodes) {
        const box = layout.boxes.get(id);
        assert.ok(box, `${id} is placed`);
        assert.ok(box.width >= node.width - 0.5 && box.height >= node.height - 0.5, `${id} has its size`);
        if (node.parent !== null) assert.ok(inside(box, layout.boxes.get(node.parent)!), `${id} is inside ${node.parent}`);
        else assert.ok(inside(box, { x: 0, y: 0, width: layout.width, height: layout.height }), `${id} is inside the drawing`);
    }
    for (const kids of scene.children.values()) {
        for (let i = 0; i < kids.length; i++) {
            for (let j = i + 1; j < kids.length; j++) {
                assert.ok(!overlap(layout.boxes.get(kids[i])!, layout.boxes.get(kids[j])!), `${kids[i]} and ${kids[j]} do not overlap`);
            }
        }
    }
    // A lifted edge's route starts on its source box's border and ends on its target's.
    const near = (p: { x: number; y: number }, b: Box): boolean =>
        p.x >= b.x - 2 && p.x <= b.x + b.width + 2 && p.y >= b.y - 2 && p.y <= b.y + b.height + 2;
    for (const lift of layout.lifts.values()) {
        const route = layout.routes.get(lift.layoutEdge);
        if (!route) continue;
        const [, a, b] = lift.layoutEdge.split('>');
        assert.ok(near(route[0], layout.boxes.get(a)!), `${lift.layoutEdge} starts at ${a}`);
        assert.ok(near(route[route.length - 1], layout.boxes.get(b)!), `${lift.layoutEdge} ends at ${b}`);
    }
}

async function layOut(graph: ModelGraph, collapsed: Set<string>, direction: Direction, cache?: LevelCache): Promise<{ scene: Scene; layout: Layout; stats: LevelStats }> {
    const scene = buildScene(graph, { collapsed }, measure);
    const stats: LevelStats = { elk: 0, quick: 0, cached: 0 };
    const layout = await layOutByLevels(scene, layoutInput(scene, direction), direction, { run, cache, stats });
    return { scene, layout, stats };
}

describe('layout one level at a time', function () {
    this.timeout(300_000);

    for (const direction of ['DOWN', 'RIGHT'] as const) {
        it(`lays out the Kakao model (${direction}): every box inside its container, no overlaps, edges between their boxes`, async () => {
            const { scene, layout, stats } = await layOut(kakaoGraph(), new Set(), direction);
            assertSound(scene, layout);
            assert.equal(stats.quick, 0);
            assert.equal(stats.elk, [...scene.children.keys()].length);
            assert.ok(layout.routes.size > 0, 'lifted edges have routes');
        });
    }

    it('takes a level laid out before from the cache: collapsing and expanding again lays out nothing', async () => {
        const cache = new LevelCache();
        const first = await layOut(kakaoGraph(), new Set(), 'DOWN', cache);
        const site = [...first.scene.nodes.values()].find(n => n.element?.kind === 'site' && (first.scene.children.get(n.id)?.length ?? 0) > 0)!;
        const closed = await layOut(kakaoGraph(), new Set([site.element!.name]), 'DOWN', cache);
        assert.ok(closed.stats.cached > 0, 'the other containers come from the cache');
        const again = await layOut(kakaoGraph(), new Set(), 'DOWN', cache);
        assert.deepEqual(again.stats, { elk: 0, quick: 0, cached: first.stats.elk });
        assert.deepEqual(again.layout.boxes, first.layout.boxes);
    });

    it('lays out a fully expanded 1,000-service model, its big top level by the quick layout', async () => {
        const graph = benchGraph(1000);
        const { scene, layout, stats } = await layOut(graph, new Set(), 'DOWN');
        assert.ok((scene.children.get('')?.length ?? 0) > QUICK_ABOVE, 'the top level is big');
        assert.equal(stats.quick, 1);
        assertSound(scene, layout);
    });

    it('starts no further level once the layout is not wanted', async () => {
        let calls = 0;
        const stopped = layOutByLevels(buildScene(kakaoGraph(), { collapsed: new Set() }, measure), layoutInput(buildScene(kakaoGraph(), { collapsed: new Set() }, measure), 'DOWN'), 'DOWN', {
            run: graph => { calls++; return run(graph); },
            alive: () => calls === 0
        });
        await assert.rejects(stopped, LevelsStopped);
        assert.equal(calls, 1);
    });
});

describe('the quick layered layout', () => {
    it('puts each box below what it points to, wraps wide layers, breaks cycles, packs pinned boxes last', () => {
        const boxes = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, width: 100 + (i % 3) * 20, height: 40 + (i % 2) * 10, last: i >= 390 }));
        const edges = [
            ...Array.from({ length: 300 }, (_, i) => ({ source: `n${i}`, target: `n${Math.min(389, i + 1 + (i * 7) % 50)}` })),
            { source: 'n1', target: 'n2' }, { source: 'n2', target: 'n1' }, // a cycle
            { source: 'n5', target: 'n395' } // into a pinned box: ignored
        ];
        for (const direction of ['DOWN', 'RIGHT'] as const) {
            const pad = { top: 20, left: 20, bottom: 20, right: 20 };
            const { boxes: placed, width, height } = quickLayered(boxes, edges, direction, { node: 18, layer: 56, padding: pad });
            assert.equal(placed.size, boxes.length);
            const all = [...placed.values()];
            for (const b of all) assert.ok(inside(b, { x: 0, y: 0, width, height }));
            for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlap(all[i], all[j]), `${i} and ${j}`);
            // the middle of a box across the layers: the same for all boxes of a layer
            const along = (b: Box): number => (direction === 'DOWN' ? b.y + b.height / 2 : b.x + b.width / 2);
            // pinned boxes come after all others
            const lastFree = Math.max(...boxes.filter(b => !b.last).map(b => along(placed.get(b.id)!)));
            for (const b of boxes.filter(b => b.last)) assert.ok(along(placed.get(b.id)!) > lastFree);
            // every edge points forward but one of the cycle's two
            const backward = edges.filter(e => along(placed.get(e.source)!) >= along(placed.get(e.target)!));
            assert.equal(backward.length, 1, JSON.stringify(backward));
            assert.ok(['n1', 'n2'].includes(backward[0].source));
            // wrapped: no layer holds more than the cap
            const rows = new Map<number, number>();
            for (const b of boxes.filter(b => !b.last)) rows.set(along(placed.get(b.id)!), (rows.get(along(placed.get(b.id)!)) ?? 0) + 1);
            assert.ok(Math.max(...rows.values()) <= Math.ceil(Math.sqrt(390) * 1.6));
        }
    });
});
