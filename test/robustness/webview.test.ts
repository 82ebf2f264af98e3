/**
 * The preview webview under hostile models (test/robustness/hostile-graphs.ts), in real
 * Chromium through the harness of test/webview: markup, `javascript:` URLs, template syntax
 * and right-to-left overrides are shown as text and run nothing; 10,000-character labels and
 * names are cut with an ellipsis (the whole text in the hover card, the tooltip), so that no
 * box is wider than the widest box, the graph paints and the page keeps
 * answering; no dialog, no error, no Content-Security-Policy violation.
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { SIZES } from '../../media/src/scene/sizes.js';
import type { Harness } from '../webview/harness.js';
import { openHarness, requireBrowserSuite, SHOTS } from '../webview/harness.js';
import { HOSTILE, hostileGraph, hostileSimulation, LONG_NAME, MARKUP_NAME, TEMPLATE_NAME } from './hostile-graphs.js';

/** a few seconds, on a shared 2-core machine */
/** A page that does not answer within this long is frozen (a hang guard, not a speed limit: speed is for npm run bench). */
const FROZEN_MS = 10_000;

interface Box { x: number; y: number; width: number; height: number }

describe('robustness: the preview under hostile models (Chromium)', function () {
    this.timeout(60_000);
    let h: Harness;

    before(function () {
        requireBrowserSuite(this);
    });

    after(async () => {
        await h?.close();
    });

    /** Nothing from the model became markup: no new script, image, link, frame or handler attribute. */
    async function assertInert(): Promise<void> {
        const found = await h.js<Record<string, unknown>>(`(() => {
            const all = [...document.body.querySelectorAll('*')];
            return {
                scripts: document.scripts.length,
                // (the page's own two inputs, the search box and the timeline's slider, are not from the model)
                elements: document.querySelectorAll('img, iframe, object, embed, a, foreignObject, image, use, animate, set, form, input:not(.search-input):not(.timeline-slider), style:not(head style)').length,
                ownInputs: document.querySelectorAll('input').length,
                handlers: all.flatMap(el => [...el.attributes].filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name)),
                urls: all.flatMap(el => [...el.attributes].filter(a => /^\\s*javascript:/i.test(a.value) || (/href$/i.test(a.name))).map(a => el.tagName + ' ' + a.name))
            };
        })()`);
        assert.deepEqual(found, { scripts: 2, elements: 0, ownInputs: 2, handlers: [], urls: [] });
        assert.deepEqual(h.dialogs, [], 'no dialog');
        assert.deepEqual(h.errors, [], 'no error in the page');
        assert.deepEqual(await h.violations(), [], 'no Content-Security-Policy violation');
    }

    it('paints a hostile model, every string as text, every box within bounds', async () => {
        h = await openHarness({ theme: 'dark', width: 1280, height: 800 });
        const t0 = await h.js<number>('performance.now()');
        await h.send({ type: 'graph', graph: hostileGraph(), direction: 'DOWN' });
        await h.waitForRender(1);
        const paintMs = Number(await h.data('paintedAt')) - t0;
        console.log(`      hostile model painted in ${paintMs.toFixed(0)} ms (layout ${await h.data('layoutMs')} ms, scene ${await h.data('sceneMs')} ms, drawing ${await h.data('renderMs')} ms)`);
        await h.page.screenshot({ path: path.join(SHOTS, 'robustness-hostile.png') });

        // every name is drawn, as the characters it is (cut when long)
        const title = (name: string): Promise<string | null> => h.page.locator(`g.node[data-name="${cssString(name)}"] text.title`).first().textContent();
        const subtitle = (name: string): Promise<string | null> => h.page.locator(`g.node[data-name="${cssString(name)}"] text.subtitle`).first().textContent();
        const literal = (shown: string | null, full: string): void =>
            assert.ok(shown === full || (shown !== null && shown.length > 6 && shown.endsWith('…') && full.startsWith(shown.slice(0, -1))), `${JSON.stringify(full)} shown as ${JSON.stringify(shown)}`);
        literal(await title(TEMPLATE_NAME), TEMPLATE_NAME);
        literal(await title(MARKUP_NAME), MARKUP_NAME);
        literal(await subtitle('svc-js'), HOSTILE.javascript);
        literal(await subtitle('svc-link'), HOSTILE.link);
        literal(await subtitle(MARKUP_NAME), HOSTILE.svg);
        literal(await subtitle('dc-img'), HOSTILE.img);
        literal(await subtitle('region-script'), HOSTILE.script);
        literal(await subtitle(TEMPLATE_NAME), HOSTILE.template);
        for (const name of [LONG_NAME, 'svc-long']) {
            const shown = name === LONG_NAME ? await title(name) : await subtitle(name);
            assert.ok(shown && shown.endsWith('…') && shown.length < 100, `${name.slice(0, 12)}…: cut with an ellipsis (${shown?.length} characters)`);
        }
        literal(await subtitle('svc-astral'), HOSTILE.astral);
        const broken = await h.js<string[]>(`[...document.querySelectorAll('svg.graph text')].map(t => t.textContent)
            .filter(t => /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/.test(t)).map(t => t.slice(-8))`);
        assert.deepEqual(broken, [], 'no text cut inside a surrogate pair');
        const tags = await h.page.locator(`g.node[data-name="${cssString(LONG_NAME)}"] .dtag text`).allTextContents();
        assert.ok(tags.length > 0 && tags.every(t => t.length < 100), `deployment tags cut: ${tags.map(t => t.length)}`);

        // no box wider than the widest box; container headers cut too; the whole drawing bounded
        const boxes = await h.js<{ name: string; kind: string; width: number; header: number }[]>(`[...document.querySelectorAll('g.node')].map(g => ({
            name: (g.dataset.name ?? '').slice(0, 24), kind: g.classList.contains('t-container') ? 'container' : 'box',
            width: g.querySelector(':scope > .shape').getBBox().width,
            header: Math.max(0, ...[...g.querySelectorAll(':scope > text')].map(t => t.getBBox().x + t.getBBox().width))
        }))`);
        assert.equal(boxes.length, hostileGraph().elements.length + 2, 'every element and both junctions');
        for (const b of boxes.filter(b => b.kind === 'box')) assert.ok(b.width <= SIZES.maxWidth, `${b.name}: ${b.width} wide`);
        for (const b of boxes.filter(b => b.kind === 'container')) assert.ok(b.header <= 720, `${b.name}: header text ends at ${b.header}`);
        const drawing = await h.js<Box>(`(() => { const b = document.querySelector('g.viewport').getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; })()`);
        console.log(`      widest box ${Math.max(...boxes.filter(b => b.kind === 'box').map(b => b.width)).toFixed(0)} px; drawing ${drawing.width.toFixed(0)} × ${drawing.height.toFixed(0)}`);
        assert.ok(drawing.width < 4000 && drawing.height < 4000, `the drawing is ${drawing.width} × ${drawing.height}`);

        // the page answers: it is not frozen
        const ping = await timedPing(h);
        assert.ok(ping < FROZEN_MS, `a round trip to the page took ${ping} ms`);
        await assertInert();
    });

    it('keeps a right-to-left override inside its own text', async () => {
        // the meta line under an overridden label still reads left to right
        const order = await h.js<{ first: number; last: number; text: string }>(`(() => {
            const t = document.querySelector('g.node[data-name="svc-rtl"] text.meta');
            return { first: t.getStartPositionOfChar(0).x, last: t.getStartPositionOfChar(t.getNumberOfChars() - 1).x, text: t.textContent };
        })()`);
        assert.ok(order.first < order.last, `"${order.text}" reads left to right`);
        assert.equal(await h.page.locator('g.node[data-name="svc-rtl"] text.subtitle').textContent(), HOSTILE.rtl);
    });

    it('shows the whole of a cut label in the hover card, which stays inside the panel', async () => {
        for (const [name, full] of [['svc-long', hostileGraph().elements.find(e => e.name === 'svc-long')!.label!], [LONG_NAME, HOSTILE.words]] as const) {
            await h.page.mouse.move(2, 2);
            await h.page.locator('.hover-card').waitFor({ state: 'hidden' });
            await h.page.locator(`g.node[data-name="${cssString(name)}"] > .shape`).hover();
            const request = await h.waitForPost('hoverRequest', m => m.name === name);
            await h.send({ type: 'hover', name: request.name, markdown: `**service** \`${name}\` — ${full}\n\n${HOSTILE.link}\n\n${HOSTILE.script}` });
            const card = h.page.locator('.hover-card:not([hidden])');
            await card.waitFor();
            await h.page.locator('.hover-card .hover-body p').first().waitFor();
            const text = await card.textContent() ?? '';
            assert.ok(text.includes(full), 'the whole label');
            assert.ok(text.includes(name), 'the whole name');
            assert.ok(text.includes(HOSTILE.script), 'markup shown as text');
            const bounds = await h.js<{ card: Box; main: Box; scrolls: boolean }>(`(() => {
                const c = document.querySelector('.hover-card'), m = document.querySelector('.main');
                const r = b => ({ x: b.x, y: b.y, width: b.width, height: b.height });
                return { card: r(c.getBoundingClientRect()), main: r(m.getBoundingClientRect()), scrolls: c.scrollHeight > c.clientHeight };
            })()`);
            const { card: c, main: m } = bounds;
            assert.ok(c.x >= m.x - 1 && c.y >= m.y - 1 && c.x + c.width <= m.x + m.width + 1 && c.y + c.height <= m.y + m.height + 1,
                `the card ${JSON.stringify(c)} is inside the panel ${JSON.stringify(m)}`);
        }
        await h.page.mouse.move(2, 2);
        await assertInert();
    });

    it('keeps the outage table and the error banner bounded, with the whole text in a tooltip', async () => {
        await h.send({ type: 'simulation', result: hostileSimulation() });
        await h.page.locator('.outages tbody tr').first().waitFor();
        const table = await h.js<{ panel: Box; rows: { width: number; title: string | null; text: string }[] }>(`(() => {
            const r = b => ({ x: b.x, y: b.y, width: b.width, height: b.height });
            return {
                panel: r(document.querySelector('.outages').getBoundingClientRect()),
                rows: [...document.querySelectorAll('.outages tbody tr')].map(tr => ({
                    width: tr.getBoundingClientRect().width,
                    title: tr.querySelector('.row-label')?.getAttribute('title') ?? null,
                    text: tr.textContent
                }))
            };
        })()`);
        assert.ok(table.panel.height <= 800 * 0.4, `the outage panel is ${table.panel.height} high`);
        for (const row of table.rows) assert.ok(row.width <= 1280, `a row ${row.width} wide: ${row.text.slice(0, 60)}`);
        assert.ok(table.rows.some(r => r.title === hostileGraph().elements.find(e => e.name === 'svc-long')!.label), 'the whole label in a tooltip');
        await assertInert();
        await h.send({ type: 'simulation', result: null });

        const errors = [`hostile.topo:3:5: ${HOSTILE.long}`, `hostile.topo:4:1: ${HOSTILE.script}`, `hostile.topo:5:1: ${HOSTILE.words}`];
        await h.send({ type: 'graph', graph: { ...hostileGraph(), errors }, direction: 'DOWN' });
        await h.page.locator('.banner:not([hidden])').waitFor();
        const banner = await h.js<{ box: Box; titles: (string | null)[]; text: string }>(`(() => {
            const b = document.querySelector('.banner').getBoundingClientRect();
            return { box: { x: b.x, y: b.y, width: b.width, height: b.height }, titles: [...document.querySelectorAll('.banner li')].map(li => li.getAttribute('title')), text: document.querySelector('.banner').textContent };
        })()`);
        assert.ok(banner.text.includes(HOSTILE.script), 'markup shown as text');
        assert.ok(banner.box.height <= 800 * 0.4 && banner.box.width <= 1280, `the banner is ${banner.box.width} × ${banner.box.height}`);
        assert.deepEqual(banner.titles, errors, 'each whole error in a tooltip');
        const graphArea = await h.js<number>(`document.querySelector('.main').getBoundingClientRect().height`);
        assert.ok(graphArea >= 800 * 0.4, `the graph keeps ${graphArea} px`);
        await assertInert();
    });

    it('stays responsive and flat in memory while a 10,000-character label is typed into', async () => {
        const cdp = await h.page.context().newCDPSession(h.page);
        const heap = async (): Promise<number> => {
            await cdp.send('HeapProfiler.collectGarbage');
            return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        let gen = Number(await h.data('rendered'));
        await h.send({ type: 'graph', graph: hostileGraph(0), direction: 'DOWN' });
        await h.waitForRender(++gen);
        const before = await heap();
        const rounds = 100;
        const t0 = performance.now();
        let slowest = 0;
        for (let i = 1; i <= rounds; i++) {
            await h.send({ type: 'graph', graph: hostileGraph(i), direction: 'DOWN' });
            await h.waitForRender(++gen);
            slowest = Math.max(slowest, await timedPing(h));
        }
        const ms = performance.now() - t0;
        const after = await heap();
        const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
        console.log(`      ${rounds} graphs with a changed 10,000-character label in ${(ms / 1000).toFixed(1)} s; page heap ${mb(before)} → ${mb(after)} MB; slowest round trip ${slowest.toFixed(0)} ms`);
        assert.ok(after - before < 2.5 * 1024 * 1024, `the page's heap grew by ${mb(after - before)} MB`);
        assert.ok(slowest < FROZEN_MS, `a round trip took ${slowest} ms`);
        await assertInert();
        await cdp.detach();
    });
});

/** A name inside a CSS attribute selector in double quotes. */
function cssString(name: string): string {
    return name.replace(/["\\]/g, '\\$&');
}

async function timedPing(h: Harness): Promise<number> {
    const t0 = performance.now();
    await h.js('1');
    return performance.now() - t0;
}
