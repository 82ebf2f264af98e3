/**
 * Only the newest model is laid out and painted: a layout that a newer graph replaces, or
 * that an edit reusing the positions on screen makes pointless, is abandoned (its worker
 * ended) and never paints. Real Chromium, through the harness of preview.test.ts.
 */
import * as assert from 'node:assert/strict';
import type { GraphElement, ModelGraph, ToPreview } from '../../server/src/common/protocol.js';
import { generatedGraph, kakaoGraph } from './fixtures/graphs.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite } from './harness.js';

/** The Kakao model with more services like `auth`, and talk's label changed when asked. */
function kakaoWith(extra: string[], talkLabel?: string): ModelGraph {
    const graph = kakaoGraph();
    const auth = graph.elements.find(e => e.name === 'auth')!;
    graph.elements.push(...extra.map((name): GraphElement => ({ ...auth, name })));
    if (talkLabel !== undefined) graph.elements.find(e => e.name === 'talk')!.label = talkLabel;
    return graph;
}

interface Paint { generation: number; names: string[] }

describe('preview webview: superseded layouts (Chromium)', function () {
    this.timeout(60_000);
    let h: Harness;

    before(function () {
        requireBrowserSuite(this);
    });

    after(async () => {
        await h?.close();
    });

    /** Posts the messages to the page in one task: each after the first arrives while the layout the first started runs. */
    async function sendTogether(...messages: ToPreview[]): Promise<void> {
        await h.page.evaluate(list => {
            for (const m of list) (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*');
        }, messages);
    }

    /** Every paint, as it happens: its generation and the elements then on screen. */
    async function recordPaints(): Promise<void> {
        await h.js(`window.__paints = []; new MutationObserver(() => window.__paints.push({
            generation: Number(document.body.dataset.rendered),
            names: [...document.querySelectorAll('g.node[data-name]')].map(g => g.dataset.name)
        })).observe(document.body, { attributes: true, attributeFilter: ['data-rendered'] })`);
    }
    const paints = (): Promise<Paint[]> => h.js<Paint[]>('window.__paints');

    it('abandons the layout of a graph that a newer one replaces, and paints only the newer one', async () => {
        h = await openHarness({ theme: 'dark' });
        await recordPaints();
        const big = generatedGraph(200);
        await sendTogether({ type: 'graph', graph: big, direction: 'DOWN' }, { type: 'graph', graph: kakaoWith(['auth-2']), direction: 'DOWN' });
        await h.waitForRender(1);
        assert.equal(await h.data('layoutsAbandoned'), '1', 'the first layout was abandoned');
        assert.equal(await h.data('layouts'), '1', 'one layout ran to its end');
        assert.equal(await h.page.locator('g.node[data-name="auth-2"]').count(), 1, 'the newer graph is drawn');
        // One more layout and paint; every paint so far shows the newer graphs only.
        await h.send({ type: 'graph', graph: kakaoWith(['auth-2', 'auth-3']), direction: 'DOWN' });
        await h.waitForRender(2);
        assert.equal(await h.data('layouts'), '2');
        const seen = await paints();
        assert.deepEqual(seen.map(p => p.generation), [1, 2], 'one paint per graph laid out');
        const bigOnly = big.elements.map(e => e.name).filter(n => !kakaoGraph().elements.some(e => e.name === n));
        for (const p of seen) assert.ok(!p.names.some(n => bigOnly.includes(n)), `paint ${p.generation} shows nothing of the abandoned graph`);
        assert.ok(await h.page.locator('.status').isHidden(), 'no "Laying out…" left behind');
        assert.deepEqual(h.errors, []);
    });

    it('abandons a layout that an edit reusing the positions on screen makes pointless', async () => {
        const layouts = await h.data('layouts');
        const gen = Number(await h.data('rendered'));
        // auth-4 is new and needs a layout; the edit right after it removes auth-4 again and only
        // relabels talk, which the positions on screen can show.
        await sendTogether(
            { type: 'graph', graph: kakaoWith(['auth-2', 'auth-3', 'auth-4']), direction: 'DOWN' },
            { type: 'graph', graph: kakaoWith(['auth-2', 'auth-3'], 'KakaoTalk (messenger)'), direction: 'DOWN' });
        await h.waitForRender(gen + 1);
        assert.equal(await h.data('layoutsAbandoned'), '2', 'the layout for auth-4 was abandoned');
        assert.equal(await h.page.locator('g.node[data-name="talk"] text.subtitle').textContent(), 'KakaoTalk (messenger)');
        // One more paint of the same kind; no paint so far showed auth-4, and no layout ran to its end.
        await h.send({ type: 'graph', graph: kakaoWith(['auth-2', 'auth-3'], 'KakaoTalk'), direction: 'DOWN' });
        await h.waitForRender(gen + 2);
        const seen = (await paints()).filter(p => p.generation > gen);
        assert.deepEqual(seen.map(p => p.generation), [gen + 1, gen + 2], 'one paint per edit');
        for (const p of seen) assert.ok(!p.names.includes('auth-4'), `paint ${p.generation} does not show auth-4`);
        assert.equal(await h.data('layouts'), layouts, 'no layout ran to its end');
        assert.deepEqual(h.errors, []);
    });
});
