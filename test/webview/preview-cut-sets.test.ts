/**
 * "Cut sets…" in the preview, in real Chromium, from the keyboard alone: the context menu of a
 * service asks for its cut sets, lists them, and choosing one asks for exactly that simulation;
 * the result (computed by the analysis on the same model) shows both members failed and the
 * service and what needs it down; the hover card's cut set links do the same. The extension's side is played by the test with the analysis's
 * own answers (the language server's request is tested in test/lsp/cut-sets.test.ts).
 */
import * as assert from 'node:assert/strict';
import { cutSetsByName } from '../../server/src/analysis/cut-sets.js';
import { simulate, type Model } from '../../server/src/analysis/index.js';
import { graphParts } from '../../server/src/analysis/model-graph.js';
import type { ModelGraph } from '../../server/src/common/protocol.js';
import { one, on, service, site } from '../analysis/build.js';
import { INJECTION } from './fixtures/graphs.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite } from './harness.js';

const MODEL: Model = {
    elements: [
        site('zone-a'), site('zone-b'), site('zone-c'),
        service('talk', { deployments: [on('zone-a'), on('zone-b'), on('zone-c')], quorum: 2 }),
        service('web', { deployments: [on('zone-a'), on('zone-b')], dependsOn: [one('talk')] })
    ]
};

function graphOf(model: Model): ModelGraph {
    const uri = 'file:///work/cut-sets.topo';
    let line = 0;
    const parts = graphParts(model.elements, () => undefined, () => {
        line += 2;
        return { uri, range: { start: { line, character: 8 }, end: { line, character: 12 } } };
    });
    return { uri, ...parts, errors: [] };
}

describe('preview cut sets (Chromium)', function () {
    this.timeout(60_000);
    let h: Harness;

    before(async function () {
        requireBrowserSuite(this);
        h = await openHarness({ theme: 'dark' });
        await h.send({ type: 'graph', graph: graphOf(MODEL), direction: 'DOWN' });
        await h.waitForRender(1);
    });

    after(async () => {
        await h?.close();
    });

    const openCutSets = async (name: string): Promise<void> => {
        await h.page.locator('svg.graph').focus();
        await h.page.locator(`g.node[data-name="${name}"]`).focus();
        await h.page.keyboard.press('Shift+F10');
        await h.page.getByRole('menu', { name: 'Node' }).waitFor();
        // Show neighbourhood, Go to definition, Select for a simulation, Cut sets…
        for (let i = 0; i < 3; i++) await h.page.keyboard.press('ArrowDown');
        assert.equal(await h.js<string | null>('document.activeElement?.textContent ?? null'), 'Cut sets…');
        await h.page.keyboard.press('Enter');
    };

    it('lists a service\'s cut sets and simulates the one chosen: both members failed, the service down', async () => {
        await openCutSets('talk');
        const asked = await h.waitForPost('cutSetsRequest');
        assert.equal(asked.name, 'talk');
        const sets = cutSetsByName(MODEL, 2).get('talk') ?? [];
        assert.deepEqual(sets, [['zone-a', 'zone-b'], ['zone-a', 'zone-c'], ['zone-b', 'zone-c']]);
        await h.send({ type: 'cutSets', name: 'talk', sets, tooLarge: false });
        const menu = h.page.getByRole('menu', { name: 'Cut sets of talk' });
        await menu.waitFor();
        assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), ['zone-a + zone-b', 'zone-a + zone-c', 'zone-b + zone-c']);
        assert.equal(await h.js<string | null>('document.activeElement?.textContent ?? null'), 'zone-a + zone-b', 'the first set has the focus');
        await h.page.keyboard.press('ArrowDown');
        await h.page.keyboard.press('Enter');
        const chosen = await h.waitForPost('simulate', m => m.names.length > 0);
        assert.deepEqual(chosen.names, ['zone-a', 'zone-c']);
        await h.send({ type: 'simulation', result: simulate(MODEL, chosen.names) });
        await h.page.locator('g.node[data-name="talk"].s-down').waitFor();
        assert.equal(await h.page.locator('g.node[data-name="zone-a"].s-failed').count(), 1);
        assert.equal(await h.page.locator('g.node[data-name="zone-c"].s-failed').count(), 1);
        assert.equal(await h.page.locator('g.node[data-name="zone-b"].s-failed').count(), 0, 'only the chosen set fails');
        assert.equal(await h.page.locator('g.node[data-name="web"].s-down').count(), 1, 'what needs talk is down too');
        assert.equal(await h.js<string | null>("document.activeElement?.getAttribute('data-name') ?? null"), 'talk', 'the focus is back on the node');
        assert.deepEqual(h.errors, []);
    });

    it('says so when there are none to list, and shows an error as text', async () => {
        await h.send({ type: 'simulation', result: null });
        await openCutSets('web');
        await h.waitForPost('cutSetsRequest', m => m.name === 'web');
        await h.send({ type: 'cutSets', name: 'web', sets: [], tooLarge: false, error: INJECTION });
        const menu = h.page.getByRole('menu', { name: 'Cut sets of web' });
        await menu.waitFor();
        assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), [`No cut sets: ${INJECTION}`]);
        assert.equal(await h.page.locator('.context-menu img').count(), 0, 'the text is not markup');
        await h.page.keyboard.press('Escape');
        await menu.waitFor({ state: 'hidden' });
        assert.deepEqual(await h.violations(), []);
    });

    it('makes the hover\'s cut set links buttons that simulate the set, and leaves other links text', async () => {
        await h.send({ type: 'simulation', result: null });
        const args = (names: string[]): string => encodeURIComponent(JSON.stringify(['file:///work/cut-sets.topo', names])).replace(/[()]/g, c => `%${c.charCodeAt(0).toString(16)}`);
        const markdown = '**Two failures at once:** it survives any one failure; goes down if zone-a and zone-b both fail, or …\n\n' +
            `Show in the preview: [zone-a + zone-b](command:topo.showCutSet?${args(['zone-a', 'zone-b'])} "Simulate zone-a and zone-b failing together in the preview") · ` +
            `[zone-b + zone-c](command:topo.showCutSet?${args(['zone-b', 'zone-c'])}) · [elsewhere](command:workbench.action.quit) · ` +
            `[broken](command:topo.showCutSet?${encodeURIComponent('["x", [1]]')})`;
        await h.page.locator('g.node[data-name="talk"] > .shape').hover();
        const request = await h.waitForPost('hoverRequest', m => m.name === 'talk');
        await h.send({ type: 'hover', name: request.name, markdown });
        const card = h.page.locator('.hover-card:not([hidden])');
        await card.waitFor();
        assert.deepEqual(await card.locator('button.link').allTextContents(), ['zone-a + zone-b', 'zone-b + zone-c'], 'only well-formed cut set links are buttons');
        assert.equal(await card.locator('span.link', { hasText: 'elsewhere' }).count(), 1);
        await card.locator('button.link', { hasText: 'zone-b + zone-c' }).click();
        const chosen = await h.waitForPost('simulate', m => m.names.length > 0 && m.names[0] === 'zone-b');
        assert.deepEqual(chosen.names, ['zone-b', 'zone-c']);
        await h.send({ type: 'simulation', result: simulate(MODEL, chosen.names) });
        await h.page.locator('g.node[data-name="zone-c"].s-failed').waitFor();
        assert.equal(await h.page.locator('g.node[data-name="talk"].s-down').count(), 1);
        await h.page.mouse.move(5, 5);
    });

    it('offers no "Cut sets…" on a failure domain', async () => {
        await h.page.locator('g.node[data-name="zone-a"]').focus();
        await h.page.keyboard.press('Shift+F10');
        const menu = h.page.getByRole('menu', { name: 'Node' });
        await menu.waitFor();
        assert.ok(!(await menu.getByRole('menuitem').allTextContents()).some(t => t.startsWith('Cut sets')));
        await h.page.keyboard.press('Escape');
    });
});
