/**
 * The outage over time and the heat map, in real Chromium: the timeline chart under the graph
 * during a simulation with a timeline, moved along with the keyboard and the pointer (the graph
 * shows that moment), an unknown end drawn as unknown; the heat map colouring failure domains
 * by their blast radius, with its legend, and by an importance measure chosen with the keyboard
 * or the pointer (asked of the extension only then; a domain without a value drawn as such).
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { ModelGraph, SimulationResult } from '../../server/src/common/protocol.js';
import { kakaoGraph, pangyoFire } from './fixtures/graphs.js';
import type { Harness } from './harness.js';
import { openHarness, requireBrowserSuite, SHOTS } from './harness.js';

const DOWN = ['auth', 'map', 'media', 'monitoring', 'ops-tooling', 'pay', 'search-b', 'status', 'talk', 'taxi'];

/** The pangyo fire with its timeline: messages fails over in 1 h, the rest is back when pangyo is (10 h). */
function pangyoFireOverTime(): SimulationResult {
    return {
        ...pangyoFire(),
        timeline: {
            steps: [
                { at: 0, down: [...DOWN, 'messages'].sort(), degraded: ['bank'], users: 60_200_000, unknown: [] },
                { at: 60, down: DOWN, degraded: ['bank'], users: 60_200_000, unknown: [] },
                { at: 600, down: [], degraded: [], users: 0, unknown: [] }
            ],
            end: 600
        }
    };
}

/** Kakao with blast radii on its failure domains (users affected when each fails alone). */
function kakaoWithBlast(): ModelGraph {
    const blast: Record<string, number> = {
        capital: 60_200_000, pangyo: 60_200_000, 'pangyo-power-room': 60_200_000, ansan: 0, 'kepco-ansan': 0, 'kepco-seongnam': 0,
        'pangyo-generators': 0, 'bank-dc': 17_000_000, 'bank-dr': 0, gangwon: 30_000_000, chuncheon: 30_000_000
    };
    const graph = kakaoGraph();
    for (const e of graph.elements) if (Object.hasOwn(blast, e.name)) e.blastUsers = blast[e.name];
    return graph;
}

/**
 * kakaoWithBlast as the extension answers while the heat map shows an importance measure: pangyo
 * and bank-dc declare an availability too, and the three domains that do carry their
 * user-weighted measures; the other failure domains have none.
 */
function kakaoWithImportance(): ModelGraph {
    const graph = kakaoWithBlast();
    const importance: Record<string, { availability: number; birnbaum: number; raw: number | null; fussellVesely: number | null }> = {
        pangyo: { availability: 0.9995, birnbaum: 0.62, raw: 1200, fussellVesely: 0.31 },
        'bank-dc': { availability: 0.999, birnbaum: 0.2, raw: 401, fussellVesely: 0.1 },
        'kepco-seongnam': { availability: 0.9999, birnbaum: 0, raw: 1, fussellVesely: 0 }
    };
    for (const e of graph.elements) {
        const i = importance[e.name];
        if (i) {
            e.availability = i.availability;
            e.importance = { birnbaum: i.birnbaum, raw: i.raw, fussellVesely: i.fussellVesely };
        }
    }
    graph.importance = 'computed';
    return graph;
}

describe('preview timeline and heat map (Chromium)', function () {
    this.timeout(60_000);
    let h: Harness;
    const stateOf = (name: string): Promise<string> =>
        h.page.locator(`g.node[data-name="${name}"]`).evaluate(g => [...g.classList].find(c => c.startsWith('s-')) ?? '');

    before(async function () {
        requireBrowserSuite(this);
        h = await openHarness({ theme: 'dark' });
        await h.send({ type: 'graph', graph: kakaoWithBlast(), direction: 'DOWN' });
        await h.waitForRender(1);
    });

    after(async () => {
        await h?.close();
    });

    it('has no timeline without a simulation, nor for a simulation without one', async () => {
        assert.equal(await h.page.locator('section.timeline').isHidden(), true);
        await h.send({ type: 'simulation', result: pangyoFire() });
        await h.page.locator('.outages table').waitFor();
        assert.equal(await h.page.locator('section.timeline').isHidden(), true);
    });

    it('shows the outage over time, and the graph at the moment chosen (keyboard and pointer)', async () => {
        await h.send({ type: 'simulation', result: pangyoFireOverTime() });
        const chart = h.page.locator('section.timeline');
        await chart.waitFor();
        const readout = h.page.locator('.timeline-readout');
        assert.equal(await readout.textContent(), 'failure: 11 services down, 1 degraded, 60.2M users');
        assert.deepEqual(await h.page.locator('.tl-tick').allTextContents(), ['failure', '+1h', '+10h all back']);
        const slider = h.page.getByRole('slider', { name: 'Moment of the outage' });
        await slider.focus();
        await h.page.keyboard.press('ArrowRight');
        assert.equal(await readout.textContent(), '+1h: 10 services down, 1 degraded, 60.2M users');
        assert.equal(await stateOf('messages'), 's-up', 'messages has failed over');
        assert.equal(await stateOf('talk'), 's-down');
        assert.equal(await stateOf('pangyo'), 's-failed');
        await h.page.keyboard.press('ArrowRight');
        assert.equal(await readout.textContent(), '+10h: 0 services down, 0 degraded, 0 users');
        assert.equal(await stateOf('talk'), 's-up', 'everything is back');
        assert.equal(await stateOf('bank'), 's-up');
        await h.page.screenshot({ path: path.join(SHOTS, 'preview-timeline.png') });
        // the pointer: near the start of the chart is the failure
        const box = (await h.page.locator('svg.timeline-chart').boundingBox())!;
        await h.page.mouse.click(box.x + 64, box.y + 20);
        assert.equal(await readout.textContent(), 'failure: 11 services down, 1 degraded, 60.2M users');
        assert.equal(await stateOf('messages'), 's-down');
        assert.equal(await slider.inputValue(), '0');
        assert.deepEqual(h.errors, []);
    });

    it('draws an outage of unknown length as unknown, not as over', async () => {
        const result = pangyoFireOverTime();
        result.timeline = { steps: [result.timeline!.steps[0], { at: 60, down: ['talk'], degraded: [], users: 43_200_000, unknown: ['talk'] }], end: null };
        await h.send({ type: 'simulation', result });
        await h.page.locator('.tl-unknown-label').waitFor();
        assert.equal(await h.page.locator('.tl-unknown-label').textContent(), 'unknown →');
        assert.equal(await h.page.locator('rect.tl-bar.tl-unknown').count(), 2, 'services and users, open to the edge');
        await h.page.getByRole('slider', { name: 'Moment of the outage' }).focus();
        await h.page.keyboard.press('End');
        assert.equal(await h.page.locator('.timeline-readout').textContent(), '+1h: 1 service down, 0 degraded, 43.2M users, 1 for an unknown time');
        await h.send({ type: 'simulation', result: null });
        await h.page.locator('section.timeline').waitFor({ state: 'hidden' });
    });

    it('colours failure domains by their blast radius in heat-map mode, with a legend', async () => {
        await h.page.getByRole('button', { name: 'Heat map' }).click();
        assert.equal(await h.page.getByRole('button', { name: 'Heat map' }).getAttribute('aria-pressed'), 'true');
        const heat = (name: string): Promise<string> =>
            h.page.locator(`g.node[data-name="${name}"]`).evaluate(g => [...g.classList].find(c => c.startsWith('heat-')) ?? '');
        assert.equal(await heat('pangyo'), 'heat-4', 'the largest blast radius');
        assert.equal(await heat('chuncheon'), 'heat-2', '30M of 60.2M: the second quarter');
        assert.equal(await heat('bank-dc'), 'heat-2');
        assert.equal(await heat('ansan'), 'heat-0', 'nobody affected');
        assert.equal(await heat('talk'), '', 'services are not failure domains');
        const legend = h.page.getByRole('region', { name: 'Heat map legend' });
        assert.match(await legend.textContent() ?? '', /users affected if the failure domain fails alone/);
        assert.deepEqual(await legend.locator('.heat-label').allTextContents(), ['none', 'up to 15.1M', '15.1M–30.1M', '30.1M–45.1M', '45.1M–60.2M']);
        // the swatches are the colours the domains are drawn in
        const swatch = await h.js<string>(`getComputedStyle(document.querySelector('.heat-swatch.heat-4')).backgroundColor`);
        const fill = await h.js<string>(`getComputedStyle(document.querySelector('g.node[data-name="pangyo"] > .shape')).fill`);
        assert.equal(fill, swatch);
        await h.page.screenshot({ path: path.join(SHOTS, 'preview-heat-map.png') });
        await h.page.getByRole('button', { name: 'Heat map' }).press('Enter');
        assert.equal(await heat('pangyo'), '');
        assert.equal(await legend.isHidden(), true);
        assert.deepEqual(h.errors, []);
        assert.deepEqual(await h.violations(), []);
    });

    it('colours failure domains by an importance measure chosen with the keyboard or the pointer, asked for only then', async () => {
        const heatButton = h.page.getByRole('button', { name: 'Heat map' });
        const measure = h.page.getByRole('combobox', { name: 'Heat map measure' });
        const legend = h.page.getByRole('region', { name: 'Heat map legend' });
        const heat = (name: string): Promise<string> =>
            h.page.locator(`g.node[data-name="${name}"]`).evaluate(g => [...g.classList].filter(c => c.startsWith('heat-')).join(' '));
        assert.equal(await measure.isHidden(), true, 'no choice while the heat map is off');
        h.posted.length = 0;
        await heatButton.focus();
        await h.page.keyboard.press('Enter');
        assert.equal(await measure.isVisible(), true, 'kepco-seongnam declares an availability: the importance measures are offered');
        assert.deepEqual(await measure.locator('option').allTextContents(),
            ['Blast radius (users)', 'Birnbaum importance', 'Risk achievement worth', 'Fussell–Vesely importance']);
        assert.equal(await measure.inputValue(), 'blast');
        assert.deepEqual(h.posted.filter(m => m.type === 'importance'), [{ type: 'importance', on: false }], 'the blast radius needs no importance');

        // keyboard only: Tab from the button to the choice, arrows down to RAW
        await h.page.keyboard.press('Tab');
        assert.equal(await measure.evaluate(el => el.matches(':focus')), true);
        await h.page.keyboard.press('ArrowDown');
        await h.page.keyboard.press('ArrowDown');
        assert.equal(await measure.inputValue(), 'raw', 'the arrows are the choice\'s, not the graph\'s panning');
        await h.waitForPost('importance', m => m.on);
        // until the extension answers with the measures, the legend says so and no domain is drawn as 0
        assert.match(await legend.textContent() ?? '', /risk achievement worth \(RAW\) for users.*Computing the importance of the failure domains/);
        assert.equal(await heat('pangyo'), 'heat-na');

        await h.send({ type: 'graph', graph: kakaoWithImportance(), direction: 'DOWN' });
        await legend.getByText('×900–×1,200').waitFor();
        assert.deepEqual(await legend.locator('.heat-label').allTextContents(),
            ['none (1)', 'up to ×301', '×301–×601', '×601–×900', '×900–×1,200', 'no value (8 failure domains): no availability declared']);
        assert.equal(await heat('pangyo'), 'heat-4', 'RAW 1,200: the largest');
        assert.equal(await heat('bank-dc'), 'heat-2', 'RAW 401');
        assert.equal(await heat('kepco-seongnam'), 'heat-0', 'RAW 1: no more likely');
        assert.equal(await heat('capital'), 'heat-na', 'no availability declared: no value, not "none"');
        assert.equal(await heat('talk'), '', 'services are not failure domains');
        assert.equal(await h.page.locator('g.node[data-name="pangyo"]').getAttribute('data-heat-value'), '1200');
        const swatch = await h.js<string>(`getComputedStyle(document.querySelector('.heat-swatch.heat-na')).backgroundColor`);
        const fill = await h.js<string>(`getComputedStyle(document.querySelector('g.node[data-name="capital"] > .shape')).fill`);
        assert.equal(fill, swatch, 'the swatch of "no value" is the colour those domains are drawn in');
        await h.page.screenshot({ path: path.join(SHOTS, 'preview-heat-map-raw.png') });

        // the pointer: Birnbaum from the list
        await measure.selectOption({ label: 'Birnbaum importance' });
        assert.match(await legend.textContent() ?? '', /Birnbaum importance for users/);
        assert.deepEqual(await legend.locator('.heat-label').allTextContents(),
            ['none', 'up to 0.155', '0.155–0.31', '0.31–0.465', '0.465–0.62', 'no value (8 failure domains): no availability declared']);
        assert.equal(await heat('pangyo'), 'heat-4');
        assert.equal(await heat('bank-dc'), 'heat-2');

        // back to the blast radius: the graphs sent from now on need no importance
        h.posted.length = 0;
        await measure.selectOption('blast');
        assert.deepEqual(h.posted.filter(m => m.type === 'importance'), [{ type: 'importance', on: false }]);
        assert.deepEqual(await legend.locator('.heat-label').allTextContents(), ['none', 'up to 15.1M', '15.1M–30.1M', '30.1M–45.1M', '45.1M–60.2M']);
        assert.equal(await heat('capital'), 'heat-4');

        // a model too large for the editor to compute them: said, with where to find them
        await measure.selectOption('fussellVesely');
        const large = kakaoWithBlast();
        large.importance = 'too large';
        await h.send({ type: 'graph', graph: large, direction: 'DOWN' });
        await legend.getByText(/topo analyze --importance/).waitFor();
        assert.match(await legend.textContent() ?? '', /Not computed in the editor for a model of more than 3,000 elements: run topo analyze --importance\./);

        // no failure domain declares an availability any more: back to the blast radius, no choice shown
        const plain = kakaoWithBlast();
        for (const e of plain.elements) e.availability = e.kind === 'service' ? e.availability : null;
        await h.send({ type: 'graph', graph: plain, direction: 'DOWN' });
        await legend.getByText('users affected if the failure domain fails alone', { exact: false }).waitFor();
        assert.equal(await measure.isHidden(), true);
        await heatButton.click();
        assert.equal(await legend.isHidden(), true);
        assert.deepEqual(h.errors, []);
        assert.deepEqual(await h.violations(), []);
    });
});
