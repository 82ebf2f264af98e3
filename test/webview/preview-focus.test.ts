/**
 * Focus and search in the preview, in real Chromium: "Show neighbourhood" from the context
 * menu, the keyboard (N) and the extension (`focus`, as `topo.previewFocus` sends it), hops
 * 1–3, "Show all", "Follow cursor", and the search box driven by the keyboard alone.
 */
import * as assert from 'node:assert/strict';
import { kakaoGraph } from './fixtures/graphs.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite } from './harness.js';

/**
 * talk, what it depends on (services, the sites it runs on), what depends on it, the whole
 * 2-of-3 term of bank, where each of them runs (bank's stores: bank-dc, bank-dr, chuncheon) and
 * the regions of those sites.
 */
const TALK_1_HOP = ['ansan', 'auth', 'bank', 'bank-core', 'bank-dc', 'bank-dr', 'bank-replica', 'capital', 'chuncheon', 'gangwon', 'ledger', 'media', 'messages', 'monitoring', 'ops-tooling', 'pangyo', 'pay', 'status', 'talk'];

describe('preview focus and search (Chromium)', function () {
    this.timeout(60_000);
    let h: Harness;
    let generation = 1;
    const drawn = async (): Promise<string[]> =>
        (await h.page.locator('g.node[data-name]').evaluateAll(gs => gs.map(g => g.getAttribute('data-name')!))).sort();
    const rendered = async (): Promise<void> => h.waitForRender(++generation);

    before(async function () {
        requireBrowserSuite(this);
        h = await openHarness({ theme: 'dark' });
        await h.send({ type: 'graph', graph: kakaoGraph(), direction: 'DOWN' });
        await h.waitForRender(1);
    });

    after(async () => {
        await h?.close();
    });

    it('shows the neighbourhood of a node from its context menu, and everything again with "Show all"', async () => {
        const all = await drawn();
        await h.page.locator('g.node[data-name="talk"] > .shape').click({ button: 'right' });
        const menu = h.page.getByRole('menu');
        await menu.waitFor();
        await menu.getByRole('menuitem', { name: /Show neighbourhood/ }).click();
        await rendered();
        assert.deepEqual(await drawn(), TALK_1_HOP);
        assert.equal(await h.page.locator('.focus-name').textContent(), 'talk');
        assert.equal(await h.page.locator('g.node.focus-root').getAttribute('data-name'), 'talk');
        await h.page.getByRole('combobox', { name: 'Hops shown around the focus' }).selectOption('2');
        await rendered();
        const two = await drawn();
        assert.ok(TALK_1_HOP.every(n => two.includes(n)) && two.includes('pangyo-power-room') && two.includes('kepco-ansan'), 'two hops: the sites\' power too');
        assert.ok(!two.includes('portal') && !two.includes('map'), 'not what is further');
        assert.ok(!two.includes('search'), 'nor what merely runs on a shown site');
        await h.page.getByRole('button', { name: 'Show all' }).click();
        await rendered();
        assert.deepEqual(await drawn(), all);
        assert.deepEqual(h.errors, []);
    });

    it('shows a neighbourhood from the keyboard (N, the context-menu key) and leaves it with Escape', async () => {
        await h.page.locator('svg.graph').focus();
        await h.page.locator('g.node[data-name="auth"]').focus();
        await h.page.keyboard.press('n');
        await rendered();
        const names = await drawn();
        assert.ok(names.includes('auth') && names.includes('talk') && !names.includes('portal'));
        await h.page.keyboard.press('Escape');
        await rendered();
        assert.ok((await drawn()).includes('portal'));
        await h.page.locator('g.node[data-name="bank"]').focus();
        await h.page.keyboard.press('Shift+F10');
        const item = h.page.getByRole('menuitem', { name: /Show neighbourhood/ });
        await item.waitFor();
        assert.equal(await h.js<string | null>('document.activeElement?.textContent ?? null'), 'Show neighbourhoodN', 'the menu has the focus');
        await h.page.keyboard.press('Enter');
        await rendered();
        assert.equal(await h.page.locator('.focus-name').textContent(), 'bank');
        await h.page.keyboard.press('Escape');
        await rendered();
    });

    it('focuses as the extension asks (topo.previewFocus), and follows the cursor in follow mode', async () => {
        await h.send({ type: 'focus', name: 'pay', hops: 1 });
        await rendered();
        assert.deepEqual(await drawn(), ['ansan', 'auth', 'capital', 'pangyo', 'pay', 'status', 'talk'], 'pay, what it uses, where it runs, who watches it, and where those run (talk: ansan too)');
        await h.send({ type: 'focus', name: null });
        await rendered();
        await h.page.getByRole('button', { name: 'Follow cursor' }).click();
        await h.send({ type: 'highlight', name: 'map' });
        await rendered();
        assert.equal(await h.page.locator('.focus-name').textContent(), 'map');
        assert.deepEqual(await drawn(), ['ansan', 'capital', 'map', 'pangyo', 'taxi']);
        await h.page.getByRole('button', { name: 'Follow cursor' }).click();
        await h.send({ type: 'highlight', name: 'auth' });
        assert.equal(await h.page.locator('.focus-name').textContent(), 'map', 'not following any more');
        await h.send({ type: 'focus', name: null });
        await rendered();
    });

    it('finds a node with the keyboard alone: Ctrl+F, type, arrows, Enter', async () => {
        await h.page.locator('svg.graph').focus();
        await h.page.keyboard.press('Control+f');
        assert.equal(await h.js<string>('document.activeElement.className'), 'search-input');
        await h.page.keyboard.type('bank');
        const options = h.page.getByRole('option');
        assert.deepEqual(await options.locator('.sr-name').allTextContents(), ['bank', 'bank-core', 'bank-dc', 'bank-dr', 'bank-replica']);
        assert.equal(await h.page.locator('.search-count').textContent(), '5 matches');
        await h.page.keyboard.press('ArrowDown');
        assert.equal(await h.page.locator('[role="option"][aria-selected="true"] .sr-name').textContent(), 'bank-core');
        await h.page.keyboard.press('Enter');
        await rendered();
        assert.equal(await h.page.locator('.focus-name').textContent(), 'bank-core');
        // bank-core, its site, bank (which needs 2 of its 3 stores: the term is shown whole), and where they run
        assert.deepEqual(await drawn(), ['bank', 'bank-core', 'bank-dc', 'bank-dr', 'bank-replica', 'chuncheon', 'gangwon', 'ledger']);
        // by label, and model text stays text
        await h.page.keyboard.press('Control+f');
        await h.page.keyboard.type('onerror');
        assert.deepEqual(await options.locator('.sr-name').allTextContents(), ['ops-tooling']);
        assert.equal(await h.page.locator('.search-results img').count(), 0);
        await h.page.keyboard.press('Escape');
        assert.equal(await h.page.getByRole('listbox').isHidden(), true);
        assert.deepEqual(h.errors, []);
        assert.deepEqual(h.dialogs, []);
        assert.deepEqual(await h.violations(), []);
    });
});
