/**
 * The preview at scale, in real Chromium: the benchmark generator's 1,000-service model opens
 * as an overview (regions collapsed, what runs inside each and how many of those have a SPOF,
 * edges between them aggregated with a count), one region expands, "Expand all" paints level
 * by level. Times are printed, never asserted (npm run bench measures them).
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { ModelGraph } from '../../server/src/common/protocol.js';
import { benchGraph } from './fixtures/bench-graph.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite, SHOTS } from './harness.js';

/** Per region, independently of the preview: the services with a deployment in it, and how many have a SPOF. */
function expectedInside(graph: ModelGraph): Map<string, { services: number; spof: number }> {
    const regionOf = new Map(graph.elements.filter(e => e.kind === 'site').map(e => [e.name, e.container!]));
    const spof = new Map(graph.elements.map(e => [e.name, e.spof]));
    const sets = new Map<string, Set<string>>();
    for (const p of graph.placements) {
        const region = regionOf.get(p.domain)!;
        if (!sets.has(region)) sets.set(region, new Set());
        sets.get(region)!.add(p.service);
    }
    return new Map([...sets].map(([r, s]) => [r, { services: s.size, spof: [...s].filter(n => spof.get(n)).length }]));
}

/** The smallest text shown in the graph, in screen pixels (font size × zoom), or null when none is shown. */
const SMALLEST_TEXT = `(() => {
    const k = Number(/scale\\(([0-9.]+)\\)/.exec(document.querySelector('g.viewport').getAttribute('transform'))[1]);
    let min = null;
    for (const t of document.querySelectorAll('svg.graph g.viewport text')) {
        if (t.getClientRects().length === 0 || !t.textContent) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * k;
        if (min === null || px < min) min = px;
    }
    return min;
})()`;

describe('preview at scale (Chromium)', function () {
    this.timeout(180_000);
    let h: Harness;

    before(function () {
        requireBrowserSuite(this);
    });

    after(async () => {
        await h?.close();
    });

    it('opens a 1,000-service model as an overview of its regions, with counts', async () => {
        h = await openHarness({ theme: 'dark' });
        const graph = benchGraph(1000);
        const t0 = await h.js<number>('performance.now()');
        await h.send({ type: 'graph', graph, direction: 'DOWN' });
        await h.waitForRender(1);
        console.log(`      1,000 services, overview: ${await h.page.locator('g.node').count()} boxes painted in ${Math.round(Number(await h.data('paintedAt')) - t0)} ms`);
        console.log(`      from the message: ${Math.round(Number(await h.data('paintedAt')) - Number(await h.data('graphAt')))} ms; scene ${await h.data("sceneMs")} ms, layout ${await h.data("layoutMs")} ms, drawing ${await h.data("renderMs")} ms`);
        const regions = graph.elements.filter(e => e.kind === 'region').map(e => e.name);
        assert.equal(await h.page.locator('g.node.t-container.collapsed').count(), regions.length, 'every region, collapsed');
        assert.equal(await h.page.locator('g.node.k-service').count(), 0, 'no service drawn: each is counted in the regions it runs in');
        const expected = expectedInside(graph);
        for (const r of regions) {
            const { services, spof } = expected.get(r)!;
            const text = await h.page.locator(`g.node[data-name="${r}"] text.meta`).textContent();
            assert.equal(text, spof > 0 ? `${services} services · ${spof} with a SPOF` : `${services} services`, r);
        }
        // Dependencies between regions: one drawn edge each way, labelled with how many it stands for.
        const counts = await h.js<{ from: string; to: string; count: number }[]>(
            `[...document.querySelectorAll('path.edge.e-hard')].map(p => ({ from: p.dataset.from, to: p.dataset.to, count: Number(p.dataset.count) }))`);
        assert.ok(counts.some(c => c.count > 1), 'edges are aggregated');
        const labels = await h.page.locator('g.edge-count text').allTextContents();
        assert.equal(labels.length, counts.filter(c => c.count > 1).length + await h.page.locator('path.edge[data-count]:not(.e-hard)').evaluateAll(ps => ps.filter(p => Number(p.getAttribute('data-count')) > 1).length));
        assert.ok(labels.every(l => /^\d+$/.test(l)));
        assert.deepEqual(h.errors, []);
        assert.deepEqual(await h.violations(), []);
        await h.page.screenshot({ path: path.join(SHOTS, 'preview-1k-overview.png') });
    });

    it('expands one region: its sites appear collapsed, with what runs in each', async () => {
        const region = await h.page.locator('g.node.k-region').first().getAttribute('data-name');
        await h.page.locator(`g.node[data-name="${region}"] [data-toggle]`).click();
        await h.waitForRender(2);
        assert.equal(await h.page.locator(`g.node[data-name="${region}"].collapsed`).count(), 0);
        const sites = await h.page.locator('g.node.k-site.collapsed').count();
        assert.ok(sites > 0, 'its sites, collapsed');
        assert.match(await h.page.locator('g.node.k-site.collapsed text.meta').first().textContent() ?? '', /^\d+ services?( · \d+ with a SPOF)?$/);
        assert.deepEqual(h.errors, []);
    });

    it('never shows text under 9 px, and zoomed out too far goes back to the overview', async () => {
        await h.page.locator('svg.graph').focus();
        const seen: (number | null)[] = [];
        for (let i = 0; i < 12; i++) {
            await h.page.keyboard.press('-');
            seen.push(await h.js<number | null>(SMALLEST_TEXT));
        }
        assert.ok(seen.every(px => px === null || px >= 9 - 1e-6), `smallest text at each zoom step: ${seen.join(', ')}`);
        assert.ok(seen.includes(null), 'zoomed far out, no text at all');
        // the semantic zoom: every region collapsed again, and said so
        await h.waitForRender(3);
        assert.equal(await h.page.locator('g.node.k-region:not(.collapsed)').count(), 0);
        assert.match(await h.page.locator('.status').textContent() ?? '', /showing the overview/);
        // (on a busy machine the overview may come while the last presses still zoom out: fit it)
        await h.page.keyboard.press('0');
        const px = await h.js<number | null>(SMALLEST_TEXT);
        assert.ok(px !== null && px >= 9 - 1e-6, `the overview is readable (${px} px)`);
    });

    for (const n of [5000, 10000]) {
        it(`opens ${n.toLocaleString('en')} services as an overview, and shows one service's neighbourhood`, async () => {
            const big = await openHarness({ theme: 'dark' });
            try {
                const graph = benchGraph(n);
                await big.send({ type: 'graph', graph, direction: 'DOWN' });
                await big.waitForRender(1);
                const overview = Math.round(Number(await big.data('paintedAt')) - Number(await big.data('graphAt')));
                console.log(`      overview: scene ${await big.data("sceneMs")} ms, layout ${await big.data("layoutMs")} ms, drawing ${await big.data("renderMs")} ms`);
                const regions = graph.elements.filter(e => e.kind === 'region').length;
                assert.equal(await big.page.locator('g.node.t-container.collapsed').count(), regions);
                assert.equal(await big.page.locator('g.node.k-service').count(), 0);
                const name = graph.elements.find(e => e.kind === 'service' && e.name.endsWith('0042'))!.name;
                const t0 = await big.js<number>('performance.now()');
                await big.send({ type: 'focus', name, hops: 1 });
                await big.waitForRender(2);
                const focus = Math.round(Number(await big.data('paintedAt')) - t0);
                assert.equal(await big.page.locator('.focus-name').textContent(), name);
                assert.equal(await big.page.locator(`g.node[data-name="${name}"]`).count(), 1);
                console.log(`      ${n} services: overview (${await big.page.locator('g.node').count()} boxes) painted ${overview} ms after the message; neighbourhood of ${name} painted in ${focus} ms (scene ${await big.data('sceneMs')} ms, layout ${await big.data('layoutMs')} ms)`);
                assert.deepEqual(big.errors, []);
            } finally {
                await big.close();
            }
        });
    }
});
