/**
 * "Expand all" on a big model, in real Chromium: it ends with every service drawn and every
 * dependency drawn between the right boxes, and the page keeps handling input while it
 * expands (level by level, the layout in its worker). No time is asserted (npm run
 * bench:preview measures it); the waits only guard against a hang.
 */
import * as assert from 'node:assert/strict';
import { HANG_GUARD_MS } from '../helpers/hang-guard.js';
import { benchGraph } from './fixtures/bench-graph.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite } from './harness.js';

/** Each drawn edge whose two ends are drawn boxes: does it start at its source's box and end at its target's (screen pixels)? */
const EDGES_ATTACHED = `(() => {
    const rect = name => document.querySelector('g.node[data-name="' + CSS.escape(name) + '"]')?.getBoundingClientRect();
    const screen = (path, len) => {
        const p = path.getPointAtLength(len);
        const m = path.getScreenCTM();
        return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    };
    const k = Number(/scale\\(([0-9.]+)\\)/.exec(document.querySelector('g.viewport').getAttribute('transform'))[1]);
    const slack = 16 * k + 2;
    const near = (p, r) => p.x >= r.left - slack && p.x <= r.right + slack && p.y >= r.top - slack && p.y <= r.bottom + slack;
    let checked = 0;
    const wrong = [];
    for (const path of document.querySelectorAll('path.edge')) {
        const a = rect(path.dataset.from);
        const b = rect(path.dataset.to);
        if (!a || !b) continue;
        checked++;
        if (!near(screen(path, 0), a) || !near(screen(path, path.getTotalLength()), b)) wrong.push(path.dataset.from + ' -> ' + path.dataset.to);
    }
    return { checked, wrong: wrong.slice(0, 5), wrongCount: wrong.length };
})()`;

describe('preview: "Expand all" on a big model (Chromium)', function () {
    this.timeout(HANG_GUARD_MS * 8);
    let h: Harness;

    before(function () {
        requireBrowserSuite(this);
    });

    after(async () => {
        await h?.close();
    });

    it('draws every service and dependency, handling input while it expands', async () => {
        h = await openHarness({ theme: 'dark', width: 1200, height: 800 });
        const graph = benchGraph(600);
        await h.send({ type: 'graph', graph, direction: 'DOWN' });
        await h.waitForRender(1);
        assert.ok(await h.page.locator('g.node.t-container.collapsed').count() > 0, 'it opens as an overview');

        // Every key press the page handles: which paint was on screen, and whether anything was still collapsed.
        await h.js(`window.__keys = []; document.addEventListener('keydown', () => window.__keys.push({
            rendered: Number(document.body.dataset.rendered),
            collapsedLeft: document.querySelectorAll('g.node.t-container.collapsed').length }), true); 0`);
        await h.page.getByRole('button', { name: 'Expand all' }).click();
        await h.page.locator('svg.graph').focus();
        const before = await h.page.locator('g.viewport').getAttribute('transform');
        await h.page.keyboard.press('+');
        const moved = await h.page.locator('g.viewport').getAttribute('transform');
        assert.notEqual(moved, before, 'the key zoomed the graph in');

        await h.page.waitForFunction(() => {
            const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
            return doc.querySelector('g.node.t-container.collapsed') === null && doc.querySelector('g.node.k-service') !== null;
        }, undefined, { timeout: HANG_GUARD_MS * 6, polling: 200 });
        const finalPaint = Number(await h.data('rendered'));
        const keys = await h.js<{ rendered: number; collapsedLeft: number }[]>('window.__keys');
        assert.equal(keys.length, 1);
        assert.ok(keys[0].rendered < finalPaint && keys[0].collapsedLeft > 0,
            `the key was handled while expanding (paint ${keys[0].rendered} of ${finalPaint}, ${keys[0].collapsedLeft} containers still collapsed)`);
        assert.ok(finalPaint >= 3, `painted level by level (${finalPaint - 1} paints after the overview)`);

        const drawn = new Set(await h.page.locator('g.node[data-name]').evaluateAll(gs => gs.map(g => g.getAttribute('data-name'))));
        const missing = graph.elements.filter(e => !drawn.has(e.name)).map(e => e.name);
        assert.deepEqual(missing, [], 'every element is drawn');
        const edges = new Set(await h.page.locator('path.edge').evaluateAll(ps => ps.map(p => `${p.getAttribute('data-from')} -> ${p.getAttribute('data-to')}`)));
        assert.deepEqual(graph.edges.map(e => `${e.from} -> ${e.to}`).filter(e => !edges.has(e)), [], 'every dependency is drawn');
        const attached = await h.js<{ checked: number; wrong: string[]; wrongCount: number }>(EDGES_ATTACHED);
        assert.ok(attached.checked >= graph.edges.length, `${attached.checked} edges checked`);
        assert.deepEqual(attached.wrong, [], `${attached.wrongCount} edges away from their boxes`);
        assert.deepEqual(h.errors, []);
        assert.deepEqual(await h.violations(), []);
    });
});
