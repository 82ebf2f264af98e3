/**
 * The preview webview in real Chromium (playwright-core driving /usr/bin/chromium), loaded
 * exactly as the extension serves it (same HTML and Content-Security-Policy, built bundle).
 * Needs `node scripts/build.mjs` first (out/preview.js, out/preview.css). Skipped, with a
 * message, when Chromium is not installed.
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { FromPreview, ModelGraph } from '../../server/src/common/protocol.js';
import { generatedGraph, INJECTION, kakaoGraph, pangyoFire } from './fixtures/graphs.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite, SHOTS } from './harness.js';


describe('preview webview (Chromium)', function () {
    this.timeout(120_000);
    let h: Harness;

    before(function () {
        requireBrowserSuite(this);
    });

    after(async () => {
        await h?.close();
    });

    it('draws containers, nodes, edges, junctions and badges for a model', async () => {
        h = await openHarness({ theme: 'dark' });
        await h.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
        await h.waitForRender(1);
        const count = (selector: string): Promise<number> => h.page.locator(selector).count();
        assert.equal(await count('g.node.t-container'), 7, 'regions and sites are containers');
        assert.equal(await count('g.node.t-container.k-region'), 2);
        assert.equal(await count('g.node.t-element.k-infra'), 4, 'infra are shared boxes');
        assert.equal(await count('g.node.t-element.k-service') + await count('g.node.t-element.k-datastore'), 17);
        assert.equal(await count('g.node.t-junction'), 3, 'one junction per any / K of term');
        assert.deepEqual((await h.page.locator('g.t-junction text').allTextContents()).sort(), ['2 of 3', 'any', 'any']);
        assert.ok(await count('path.edge.e-hard') >= 8, 'hard dependencies');
        assert.ok(await count('path.edge.e-soft') >= 3, 'soft dependencies (dashed)');
        assert.ok(await count('path.edge.e-monitors') >= 8);
        assert.ok(await count('path.edge.e-placement.standby') >= 2, 'standby placements are dashed connectors');
        assert.equal(await count('g.node.spof .badge.b-spof'), 10, 'every SPOF service carries a badge');
        assert.equal(await count('g.node[data-name="portal"] .badge'), 0, 'portal has no SPOF');
        assert.ok(await count('g.node[data-name="pangyo"].spof-domain'), 'the nearest SPOF is outlined');
        // Placement: single-site services inside their site, multi-site ones with a tag per deployment.
        const inside = async (inner: string, outer: string): Promise<boolean> => {
            const a = (await h.page.locator(`g.node[data-name="${inner}"] > .shape`).boundingBox())!;
            const b = (await h.page.locator(`g.node[data-name="${outer}"] > .shape`).boundingBox())!;
            return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
        };
        assert.ok(await inside('auth', 'pangyo'), 'auth is drawn in pangyo');
        assert.ok(await inside('pangyo', 'capital'), 'pangyo is drawn in capital');
        assert.ok(await inside('talk', 'capital') && !(await inside('talk', 'pangyo')), 'talk spans pangyo and ansan');
        assert.deepEqual(await h.page.locator('g.node[data-name="talk"] .dtag text').allTextContents(), ['pangyo ×200', 'ansan ×40 standby']);
        assert.equal(await count('g.node[data-name="talk"] .dtag.standby'), 1);
        assert.deepEqual(h.errors, []);
        assert.deepEqual(await h.violations(), [], 'no Content-Security-Policy violation (the worker starts from blob:)');
    });

    it('shows a hostile label as text and runs nothing', async () => {
        const subtitle = h.page.locator('g.node[data-name="ops-tooling"] text.subtitle');
        assert.equal(await subtitle.textContent(), INJECTION);
        assert.equal(await h.page.locator('img').count(), 0);
        // The hover card renders Markdown from the editor's hover: HTML in it stays text too.
        await h.page.locator('g.node[data-name="ops-tooling"] > .shape').hover();
        const request = await h.waitForPost('hoverRequest', m => m.name === 'ops-tooling');
        await h.send({ type: 'hover', name: request.name, markdown: `**ops-tooling** ${INJECTION}\n\n<script>alert(2)</script>\n\n- a \`code\` item` });
        const card = h.page.locator('.hover-card:not([hidden])');
        await card.waitFor();
        await h.page.locator('.hover-card strong', { hasText: 'ops-tooling' }).first().waitFor();
        const text = await card.textContent();
        assert.ok(text?.includes(INJECTION), 'the markup is shown literally');
        assert.ok(text?.includes('<script>alert(2)</script>'));
        assert.equal(await h.page.locator('img, .hover-card script').count(), 0);
        assert.deepEqual(h.dialogs, [], 'no alert fired');
        await h.page.mouse.move(5, 5);
    });

    it('posts "reveal" when a node is clicked', async () => {
        await h.page.locator('g.node[data-name="talk"] > .shape').click();
        const message = await h.waitForPost('reveal', m => m.name === 'talk');
        assert.deepEqual(message, { type: 'reveal', name: 'talk' });
    });

    it('moves between nodes with the keyboard and reveals with Enter', async () => {
        await h.page.locator('g.node[data-name="talk"]').focus();
        await h.page.keyboard.press('ArrowDown');
        const focused = await h.js<string | null>(`document.activeElement?.getAttribute('data-name') ?? null`);
        assert.ok(focused && focused !== 'talk', `focus moved from talk (to ${focused})`);
        const before = h.posted.length;
        await h.page.keyboard.press('Enter');
        const reveal = await h.waitForPost('reveal', m => m.name === focused && h.posted.indexOf(m as FromPreview) >= before);
        assert.equal(reveal.name, focused);
    });

    it('highlights the element under the editor cursor', async () => {
        await h.send({ type: 'highlight', name: 'auth' });
        await h.page.locator('g.node[data-name="auth"].highlighted').waitFor({ state: 'attached' });
        assert.ok(await h.page.locator('g.node[data-name="pangyo"].nearest-of-highlighted').count(), "auth's nearest SPOF is emphasised");
        await h.send({ type: 'highlight', name: null });
        await h.page.locator('g.node.highlighted').waitFor({ state: 'detached' });
    });

    it('colours a simulation (with patterns and text) and fills the outage table', async () => {
        await h.send({ type: 'simulation', result: pangyoFire() });
        await h.page.locator('.outages table tbody tr').first().waitFor();
        assert.ok(await h.page.locator('g.node[data-name="talk"].s-down').count());
        assert.ok(await h.page.locator('g.node[data-name="bank"].s-degraded').count());
        assert.ok(await h.page.locator('g.node[data-name="pangyo"].s-failed').count());
        assert.ok(await h.page.locator('g.node[data-name="messages"].s-interrupted').count(), 'failed over');
        const style = await h.js<Record<string, string>>(`(() => {
            const cs = s => getComputedStyle(document.querySelector(s));
            return {
                downPattern: cs('g.node[data-name="talk"] > .pattern').fill,
                downStroke: cs('g.node[data-name="talk"] > .shape').stroke,
                upStroke: cs('g.node[data-name="search"] > .shape').stroke,
                degradedPattern: cs('g.node[data-name="bank"] > .pattern').fill,
                degradedDash: cs('g.node[data-name="bank"] > .shape').strokeDasharray,
                strike: cs('g.node[data-name="pangyo"] > .strike').stroke
            };
        })()`);
        assert.match(style.downPattern, /url\("?#hatch-down"?\)/, 'down is hatched, not only red');
        assert.equal(style.downStroke, 'rgb(241, 76, 76)', 'down is red (--vscode-charts-red)');
        assert.notEqual(style.upStroke, style.downStroke);
        assert.match(style.degradedPattern, /url\("?#dots-degraded"?\)/);
        assert.notEqual(style.degradedDash, 'none', 'degraded has a dashed outline');
        assert.notEqual(style.strike, 'none', 'a failed element is struck through');
        assert.match(await h.page.locator('g.node[data-name="talk"] .state-tag').textContent() ?? '', /DOWN · 10 h/);
        // The table: sorted by users, then by length.
        const rows = await h.js<string[]>(`[...document.querySelectorAll('.outages tbody tr')].map(tr => tr.dataset.service)`);
        assert.deepEqual(rows.slice(0, 2), ['talk', 'bank']);
        assert.equal(rows.length, 12);
        assert.equal(rows[rows.length - 1], 'messages', 'the shortest outage last among those without users');
        const first = await h.page.locator('.outages tbody tr').first().locator('td').allTextContents();
        assert.match(first[0], /talk/);
        assert.equal(first[1], '10 h');
        assert.match(first[2], /until pangyo recovers/);
        assert.equal(first[3], '43.2M');
        assert.equal(await h.page.locator('.sim-summary').textContent(), 'pangyo fails: 10 services down, 1 degraded, 60.2M users, longest 10 h');
        // Screenshots: the whole model, and zoomed in on the fire (no hover card, no focus ring).
        await h.js('document.activeElement?.blur()');
        await h.page.locator('.hover-card').waitFor({ state: 'hidden' });
        await h.page.screenshot({ path: path.join(SHOTS, 'preview-overview.png') });
        const viewBefore = await h.page.locator('g.viewport').getAttribute('transform');
        const target = (await h.page.locator('g.node[data-name="capital"] > .shape').boundingBox())!;
        await h.page.mouse.move(target.x + target.width * 0.45, target.y + target.height * 0.45);
        for (let i = 0; i < 4; i++) await h.page.mouse.wheel(0, -100);
        await h.page.waitForFunction(`document.querySelector('g.viewport').getAttribute('transform') !== ${JSON.stringify(viewBefore)}`);
        await h.page.mouse.move(2, 2);
        await h.page.locator('.hover-card').waitFor({ state: 'hidden' });
        await h.page.screenshot({ path: path.join(SHOTS, 'preview.png') });
    });

    it('clears the simulation', async () => {
        await h.page.locator('.outages button', { hasText: 'Clear' }).click();
        const message = await h.waitForPost('simulate', m => m.names.length === 0);
        assert.deepEqual(message.names, []);
        await h.send({ type: 'simulation', result: null });
        await h.page.locator('.outages').waitFor({ state: 'hidden' });
        assert.equal(await h.page.locator('g.node.s-down').count(), 0);
    });

    it('repaints a one-line edit without a new layout, keeping every other position and the view', async () => {
        const layoutsBefore = await h.data('layouts');
        const transform = async (name: string): Promise<string | null> => await h.page.locator(`g.node[data-name="${name}"]`).getAttribute('transform');
        const before = { auth: await transform('auth'), pay: await transform('pay'), view: await h.page.locator('g.viewport').getAttribute('transform') };
        const graph = kakaoGraph();
        const talk = graph.elements.find(e => e.name === 'talk')!;
        talk.users = 45_000_000; // users 43.2M → 45M
        const gen = Number(await h.data('rendered'));
        await h.send({ type: 'graph', graph, direction: 'DOWN' });
        await h.waitForRender(gen + 1);
        assert.equal(await h.data('layouts'), layoutsBefore, 'no layout ran');
        assert.match(await h.page.locator('g.node[data-name="talk"] text.meta').textContent() ?? '', /45M users/);
        assert.equal(await transform('auth'), before.auth);
        assert.equal(await transform('pay'), before.pay);
        assert.equal(await h.page.locator('g.viewport').getAttribute('transform'), before.view, 'zoom and position kept');
        // A renamed element keeps its place; a new dependency is drawn without a layout.
        const renamed = kakaoGraph();
        renamed.elements.find(e => e.name === 'map')!.name = 'maps';
        for (const p of renamed.placements) if (p.service === 'map') p.service = 'maps';
        for (const e of renamed.edges) if (e.to === 'map') e.to = 'maps';
        renamed.edges.push({ from: 'pay', to: 'media', kind: 'soft' });
        const mapAt = await transform('map');
        await h.send({ type: 'graph', graph: renamed, direction: 'DOWN' });
        await h.waitForRender(gen + 2);
        assert.equal(await h.data('layouts'), layoutsBefore, 'still no layout');
        assert.equal(await transform('maps'), mapAt);
        assert.equal(await h.page.locator('path.edge[data-from="pay"][data-to="media"]').count(), 1);
    });

    it('keeps the last good graph, dimmed, under a banner naming the errors', async () => {
        const broken: ModelGraph = { ...kakaoGraph(), elements: kakaoGraph().elements.slice(0, 3), errors: ['kakao-2022.topo:12:3: Expecting token of type \'}\' but found `service`.'] };
        const nodes = await h.page.locator('g.node').count();
        await h.send({ type: 'graph', graph: broken, direction: 'DOWN' });
        await h.page.locator('.banner:not([hidden])').waitFor();
        assert.match(await h.page.locator('.banner').textContent() ?? '', /Expecting token of type '}' but found `service`/);
        assert.ok(await h.page.locator('#app.stale').count());
        assert.equal(await h.page.locator('g.node').count(), nodes, 'the last good graph stays');
        const opacity = await h.js<string>(`getComputedStyle(document.querySelector('svg.graph')).opacity`);
        assert.ok(Number(opacity) < 1, 'dimmed');
        const gen = Number(await h.data('rendered'));
        await h.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
        await h.waitForRender(gen + 1);
        assert.ok(await h.page.locator('.banner[hidden]').count(), 'fixed: the banner goes');
        assert.equal(await h.page.locator('#app.stale').count(), 0);
    });

    it('exports the drawing as a standalone SVG', async () => {
        await h.send({ type: 'exportSvg' });
        const message = await h.waitForPost('exportSvg');
        assert.match(message.svg, /^<\?xml[^>]*>\n<svg[^>]*viewBox="/);
        assert.match(message.svg, />talk</);
        assert.ok(!message.svg.includes('<img'), 'the hostile label is escaped');
        assert.ok(message.svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
        assert.ok(!/var\(--/.test(message.svg), 'colours are resolved, not theme variables');
    });

    it('restores its zoom and position after a reload', async () => {
        await h.page.locator('svg.graph').focus();
        // the zoom before the key press (read before it: its own viewState may come at once)
        const zoomBefore = (h.posted.filter(p => p.type === 'viewState').pop() as { state: { zoom: number } }).state.zoom;
        await h.page.keyboard.press('+');
        await h.waitForPost('viewState', m => Math.abs((m.state as { zoom: number }).zoom - zoomBefore * 1.25) < 1e-6);
        await h.page.waitForFunction(`(sessionStorage.getItem('vscodeState') ?? '').includes('"k"')`);
        const transform = await h.page.locator('g.viewport').getAttribute('transform');
        await h.page.reload();
        await h.waitForPost('ready', () => true);
        await h.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
        await h.waitForRender(1);
        assert.equal(await h.page.locator('g.viewport').getAttribute('transform'), transform);
    });

    it('lays out and paints a 200-service model', async function () {
        // a fresh page (a cold layout worker, as when a preview opens); how long it takes is
        // measured by npm run bench (the preview timings), not asserted here: the machine may be busy
        const big = await openHarness({ theme: 'dark' });
        try {
            const t0 = await big.js<number>('performance.now()');
            await big.send({ type: 'graph', graph: generatedGraph(200), direction: 'DOWN' });
            await big.waitForRender(1);
            // it opens as an overview (more than 150 elements); "Expand all" lays all of it out, level by level
            await big.page.getByRole('button', { name: 'Expand all' }).click();
            await big.page.waitForFunction(() => {
                const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
                return doc.querySelectorAll('g.node.t-container.collapsed').length === 0 && doc.querySelectorAll('g.node').length >= 218;
            }, undefined, { timeout: 60_000 });
            const ms = Math.round(Number(await big.data('paintedAt')) - t0);
            const nodes = await big.page.locator('g.node').count();
            console.log(`      200 services: ${nodes} boxes laid out and painted in ${ms} ms (layout ${await big.data('layoutMs')} ms, drawing ${await big.data('renderMs')} ms)`);
            assert.ok(nodes >= 218);
            assert.deepEqual(big.errors, []);
            await big.page.screenshot({ path: path.join(SHOTS, 'preview-200.png') });
        } finally {
            await big.close();
        }
    });

    it('opens a big model with its regions and sites collapsed, and expands one on demand', async () => {
        const big = await openHarness({ theme: 'dark' });
        try {
            const t0 = await big.js<number>('performance.now()');
            await big.send({ type: 'graph', graph: generatedGraph(1000), direction: 'DOWN' });
            await big.waitForRender(1);
            const ms = Math.round(Number(await big.data('paintedAt')) - t0);
            const collapsed = await big.page.locator('g.node.t-container.collapsed').count();
            console.log(`      1,000 services, collapsed: ${await big.page.locator('g.node').count()} boxes painted in ${ms} ms`);
            assert.equal(collapsed, 3, 'the three regions, collapsed (their sites inside them)');
            assert.match(await big.page.locator('g.node[data-name="us-east"] text.meta').textContent() ?? '', /^\d+ services · \d+ with a SPOF$/);
            await big.page.locator('g.node[data-name="us-east"] [data-toggle]').click();
            await big.waitForRender(2);
            assert.equal(await big.page.locator('g.node[data-name="us-east"].collapsed').count(), 0, 'expanded');
            assert.equal(await big.page.locator('g.node[data-name="us-east-a"].collapsed').count(), 1, 'its sites stay collapsed');
            assert.deepEqual(big.errors, []);
        } finally {
            await big.close();
        }
    });

    it('follows the light theme', async () => {
        const light = await openHarness({ theme: 'light' });
        try {
            await light.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
            await light.waitForRender(1);
            const bg = await light.js<string>('getComputedStyle(document.body).backgroundColor');
            assert.equal(bg, 'rgb(255, 255, 255)');
            await light.send({ type: 'simulation', result: pangyoFire() });
            await light.page.locator('.outages table').waitFor();
            await light.page.screenshot({ path: path.join(SHOTS, 'preview-light.png') });
        } finally {
            await light.close();
        }
    });
});
