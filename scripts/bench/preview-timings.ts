/**
 * `npm run bench` (last step; alone: `npm run bench:preview`): the preview's timings in real
 * Chromium (the test harness: the page as the extension serves it), on the benchmark
 * generator's model at 200, 1,000 and 5,000 services, each in a fresh page:
 *   first paint  from the graph message to the overview on screen (regions collapsed);
 *   full layout  from "Expand all" to everything laid out and painted (level by level), and
 *                to the first level's paint (the regions opened: what the user sees first);
 *   focus        a neighbourhood (1 hop) of one service, from the message to its paint;
 *   one region   the first region opened from the overview (its toggle), from the click to the paint.
 * Writes bench-results/preview.md and preview.json. A full layout that has not finished after
 * --timeout seconds (default 300) is reported as "> T s".
 *
 * Usage: node --import tsx scripts/bench/preview-timings.ts [--only 200,1000] [--timeout 300]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchGraph } from '../../test/webview/fixtures/bench-graph.js';
import { chromiumAvailable, openHarness, ROOT } from '../../test/webview/harness.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('only') ?? '200,1000,5000').split(',').map(Number);
const timeoutS = Number(option('timeout') ?? 300);

interface Row { services: number; firstPaintMs: number; overviewBoxes: number; fullLayoutMs: number | null; firstLevelMs: number | null; fullBoxes: number; focusMs: number; expandOneMs: number; expandOneBoxes: number }

async function measure(n: number): Promise<Row> {
    const h = await openHarness({ theme: 'dark' });
    try {
        const graph = benchGraph(n);
        await h.send({ type: 'graph', graph, direction: 'DOWN' });
        await h.waitForRender(1);
        const firstPaintMs = Number(await h.data('paintedAt')) - Number(await h.data('graphAt'));
        const overviewBoxes = await h.page.locator('g.node').count();
        const name = graph.elements.find(e => e.kind === 'service' && e.name.endsWith('42'))!.name;
        let t0 = await h.js<number>('performance.now()');
        await h.send({ type: 'focus', name, hops: 1 });
        await h.waitForRender(2);
        const focusMs = Number(await h.data('paintedAt')) - t0;
        await h.send({ type: 'focus', name: null });
        await h.waitForRender(3);
        // one region opened from the overview (its toggle), then closed again
        const region = await h.page.locator('g.node.k-region').first().getAttribute('data-name');
        t0 = await h.js<number>('performance.now()');
        await h.page.locator(`g.node[data-name="${region}"] [data-toggle]`).click();
        await h.waitForRender(4);
        const expandOneMs = Number(await h.data('paintedAt')) - t0;
        const expandOneBoxes = await h.page.locator('g.node').count();
        await h.page.locator(`g.node[data-name="${region}"] [data-toggle]`).click();
        await h.waitForRender(5);
        t0 = await h.js<number>('performance.now()');
        await h.page.getByRole('button', { name: 'Expand all' }).click();
        let fullLayoutMs: number | null = null;
        let firstLevelMs: number | null = null;
        try {
            await h.waitForRender(6);
            firstLevelMs = Number(await h.data('paintedAt')) - t0;
            await h.page.waitForFunction(() => {
                // the last level's paint: nothing collapsed is left on screen, services are
                const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
                return doc.querySelector('g.node.t-container.collapsed') === null && doc.querySelector('g.node.k-service') !== null;
            }, undefined, { timeout: timeoutS * 1000, polling: 200 });
            fullLayoutMs = Number(await h.data('paintedAt')) - t0;
        } catch {
            fullLayoutMs = null;
        }
        const fullBoxes = await h.page.locator('g.node').count();
        return { services: n, firstPaintMs, overviewBoxes, fullLayoutMs, firstLevelMs, fullBoxes, focusMs, expandOneMs, expandOneBoxes };
    } finally {
        await h.close();
    }
}

const s = (ms: number | null): string => (ms === null ? `> ${timeoutS} s` : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

async function main(): Promise<void> {
    if (!chromiumAvailable()) {
        console.log('preview timings: skipped (no Chromium at /usr/bin/chromium)');
        return;
    }
    const rows: Row[] = [];
    for (const n of sizes) {
        const row = await measure(n);
        rows.push(row);
        console.log(`preview ${n} services: first paint ${s(row.firstPaintMs)} (${row.overviewBoxes} boxes), focus ${s(row.focusMs)}, one region opened ${s(row.expandOneMs)} (${row.expandOneBoxes} boxes), full layout ${s(row.fullLayoutMs)} (${row.fullBoxes} boxes; first level painted after ${s(row.firstLevelMs)})`);
    }
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const md = [
        `Preview timings in Chromium, ${when} UTC (from the graph message to the paint):`, '',
        '| services | first paint (overview) | neighbourhood of one service | one region opened | "Expand all" to the full layout | "Expand all" to its first level |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        ...rows.map(r => `| ${r.services.toLocaleString('en')} | ${s(r.firstPaintMs)} (${r.overviewBoxes} boxes) | ${s(r.focusMs)} | ${s(r.expandOneMs)} (${r.expandOneBoxes} boxes) | ${s(r.fullLayoutMs)} (${r.fullBoxes} boxes) | ${s(r.firstLevelMs)} |`), ''
    ].join('\n');
    const out = path.join(ROOT, 'bench-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'preview.md'), md);
    writeFileSync(path.join(out, 'preview.json'), JSON.stringify({ when, rows }, null, 2));
    console.log(md);
}

await main();
