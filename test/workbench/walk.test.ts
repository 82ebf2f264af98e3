/**
 * A walk through the real VS Code workbench, as a user: package the extension, install the
 * .vsix into code-server, open a copy of examples/ in Chromium, open kakao-2022.topo, and see
 * the `spof` squiggle and its Problems entry, the hover that explains it, the preview drawing
 * the graph, and a simulation run from the palette with its notification. Screenshots go to
 * bench-results/workbench/*.png.
 *
 * Runs under `npm run test:workbench` (TOPO_WORKBENCH=1) where code-server is installed
 * (scripts/vscode-offline/install.sh; recipe in shared/testing/vscode-offline.md); otherwise it is
 * skipped with a message, so `npm test` never needs it. The .vsix checks (contents, size) need
 * only TOPO_WORKBENCH=1.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import {
    ROOT, installVsix, launchChromium, scratchDir, startCodeServer, workspaceCopy, type CodeServer
} from '../../scripts/vscode-offline/code-server.mjs';
import { skipUnlessWorkbench } from './gate.js';

const SHOTS = path.join(ROOT, 'bench-results/workbench');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
const EXTENSION_DIR_NAME = `${PACKAGE.publisher}.${PACKAGE.name}-${PACKAGE.version}`;
const MAX_VSIX_BYTES = 5 * 1024 * 1024;
const UI_TIMEOUT = 45_000;

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Packages the extension as it is built in out/ with vsce; resolves with vsce's output. */
function vscePackage(vsix: string): Promise<string> {
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '-o', vsix],
            { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
                if (error) reject(new Error(`vsce package failed: ${error.message}\n${stdout}${stderr}`));
                else resolve(`${stdout}${stderr}`);
            });
    });
}

/** The names of the entries of a zip file, from its central directory. */
function zipEntries(file: string): string[] {
    const buf = readFileSync(file);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
        if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    }
    assert.ok(eocd >= 0, `${file} is a zip file`);
    const count = buf.readUInt16LE(eocd + 10);
    let at = buf.readUInt32LE(eocd + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
        assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
        const nameLength = buf.readUInt16LE(at + 28);
        const extraLength = buf.readUInt16LE(at + 30);
        const commentLength = buf.readUInt16LE(at + 32);
        names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
        at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

describe('the packaged extension and a walk through the VS Code workbench', function () {
    this.timeout(240_000);
    let dir: string;
    let vsix: string;

    before(async function () {
        if (!process.env.TOPO_WORKBENCH) {
            console.log('\n    SKIPPED packaging and the workbench walk: runs under `npm run test:workbench` (TOPO_WORKBENCH=1)\n');
            this.skip();
        }
        for (const file of ['out/extension.cjs', 'out/server.cjs']) {
            assert.ok(existsSync(path.join(ROOT, file)), `${file} is built (npm run build)`);
        }
        dir = scratchDir('topo-walk-');
        vsix = path.join(dir, `${PACKAGE.name}-${PACKAGE.version}.vsix`);
        const started = Date.now();
        await vscePackage(vsix);
        console.log(`    packaged ${path.basename(vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB) in ${seconds(started)}`);
    });

    after(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    describe('the .vsix', () => {
        it(`is under 5 MB`, () => {
            const size = statSync(vsix).size;
            assert.ok(size < MAX_VSIX_BYTES, `${(size / 1024 / 1024).toFixed(2)} MB`);
        });

        it('holds the bundles, the assets and the findings docs, and no sources, tests, maps or node_modules', () => {
            const files = zipEntries(vsix).filter(f => f.startsWith('extension/')).map(f => f.slice('extension/'.length));
            for (const wanted of ['package.json', 'out/extension.cjs', 'out/server.cjs', 'syntaxes/topo.tmLanguage.json',
                'language-configuration.json', 'images/icon.svg', 'docs/findings/spof.md', 'docs/language.md', 'examples/kakao-2022.topo', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
                assert.ok(files.includes(wanted), `${wanted} is packaged (have: ${files.join(', ')})`);
            }
            const unwanted = files.filter(f =>
                /\.(ts|map|tsbuildinfo)$/.test(f) || /(^|\/)node_modules\//.test(f) ||
                /^(server|client|test|scripts|bench-results|\.vscode-test|out\/vscode-test|media\/src)\//.test(f) ||
                /tsconfig.*\.json$|\.vsix$/.test(f));
            assert.deepEqual(unwanted, [], 'nothing that is not needed at run time');
        });
    });

    describe('in code-server, as a user', function () {
        let server: CodeServer | undefined;
        let browser: Browser | undefined;
        let page: Page;

        before(async function () {
            skipUnlessWorkbench(this, 'the workbench walk');
            mkdirSync(SHOTS, { recursive: true });
            for (const old of readdirSync(SHOTS)) if (/^failed-.*\.png$/.test(old)) rmSync(path.join(SHOTS, old));
            let started = Date.now();
            const extensionsDir = path.join(dir, 'extensions');
            await installVsix(dir, vsix, extensionsDir);
            assert.ok(existsSync(path.join(extensionsDir, EXTENSION_DIR_NAME, 'out/extension.cjs')), `the vsix installs as ${EXTENSION_DIR_NAME}`);
            console.log(`      installed the vsix into code-server in ${seconds(started)}`);
            started = Date.now();
            const workspace = workspaceCopy(dir);
            // Without the smoke-test driver: with it, the workbench shows no notification toasts.
            server = await startCodeServer({ dir, folder: workspace, extensionsDir, smokeTestDriver: false });
            browser = await launchChromium(dir);
            page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
            await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
            await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
            await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
            console.log(`      code-server started and the workbench ready in ${seconds(started)}`);
        });

        afterEach(async function () {
            if (this.currentTest?.state === 'failed' && page) {
                const file = path.join(SHOTS, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
                await page.screenshot({ path: file }).catch(() => undefined);
                console.log(`    screenshot of the failure: ${path.relative(ROOT, file)}`);
            }
        });

        after(async () => {
            await browser?.close().catch(() => undefined);
            if (server) {
                const output = server.output();
                await server.stop();
                if (/\b(error|ERR)\b/.test(output) && process.env.TOPO_WORKBENCH_VERBOSE) console.log(output);
            }
        });

        /** Runs a palette command by its title; waits for its row and presses Enter. */
        async function palette(title: string): Promise<void> {
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
            await input.fill(`>${title}`);
            const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
            await row.waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                throw new Error(`the command palette has no "${title}" (is the command contributed, and its "when" true?)`);
            });
            await page.keyboard.press('Enter');
        }

        async function goToLine(line: number, column: number): Promise<void> {
            await page.keyboard.press('Control+G');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
            await input.fill(`:${line}:${column}`);
            await page.keyboard.press('Enter');
            await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
        }

        function previewFrame(): FrameLocator {
            return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
        }

        it('opens kakao-2022.topo from Quick Open', async () => {
            await page.locator('.monaco-workbench .part.editor').click();
            await page.keyboard.press('Control+P');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
            await input.fill('kakao-2022.topo');
            await page.locator('.quick-input-list .monaco-list-row', { hasText: 'kakao-2022.topo' }).first().waitFor({ timeout: UI_TIMEOUT });
            await page.keyboard.press('Enter');
            await page.waitForSelector('.monaco-editor .view-lines:has-text("Kakao, as it stood on 15 October 2022")', { timeout: UI_TIMEOUT });
            // The language is recognised (status bar) and the grammar colours the keywords.
            await page.waitForSelector('.statusbar-item:has-text("Topo")', { timeout: UI_TIMEOUT });
        });

        it('shows the spof finding as a squiggle and in the Problems panel', async () => {
            // `service auth` (line 89): auth runs only on pangyo.
            await goToLine(89, 9);
            await page.waitForSelector('.monaco-editor .view-line:has-text("service auth")', { timeout: UI_TIMEOUT });
            await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('no error squiggle: did the extension activate and the language server publish diagnostics?');
            });
            await page.keyboard.press('Control+Shift+M');
            await page.waitForSelector('.markers-panel .monaco-tl-contents:has-text("auth goes down if pangyo fails")', { timeout: UI_TIMEOUT });
            await page.waitForSelector('.markers-panel .monaco-tl-contents:has-text("kakao-2022.topo")', { timeout: UI_TIMEOUT });
            await page.screenshot({ path: path.join(SHOTS, '1-problems.png') });
        });

        it('explains the single point of failure in the hover', async () => {
            await page.keyboard.press('Control+Shift+M'); // hide the panel again
            await goToLine(89, 9);
            const line = page.locator('.monaco-editor .view-line', { hasText: 'service auth "Kakao Account (login)"' }).first();
            await line.waitFor({ timeout: UI_TIMEOUT });
            const word = line.locator('span > span', { hasText: /^auth$/ }).first();
            const box = await word.boundingBox();
            assert.ok(box, 'the word `auth` is on screen');
            const hover = page.locator('.monaco-hover:visible', { hasText: 'Single point of failure' });
            // Move there twice (the first move may only focus the editor's hover controller); on a
            // loaded machine the editor may drop the hover request: move away and back, up to three times.
            let shown = false;
            for (let attempt = 0; attempt < 3 && !shown; attempt++) {
                await page.mouse.move(5, 500);
                await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
                await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
                shown = await hover.waitFor({ timeout: UI_TIMEOUT }).then(() => true, () => false);
            }
            assert.ok(shown, 'no hover with "Single point of failure" over `auth`');
            await page.waitForSelector('.monaco-hover:visible:has-text("auth goes down if pangyo fails")', { timeout: UI_TIMEOUT });
            await page.waitForSelector('.monaco-hover:visible:has-text("pangyo")', { timeout: UI_TIMEOUT });
            await page.screenshot({ path: path.join(SHOTS, '2-hover.png') });
            await page.mouse.move(5, 500);
            await page.keyboard.press('Escape');
        });

        it('draws the dependency graph in the preview', async () => {
            await palette('Topo: Open Preview to the Side');
            await page.waitForSelector('iframe.webview.ready', { timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('no webview appeared after "Topo: Open Preview to the Side"');
            });
            const frame = previewFrame();
            for (const name of ['pangyo', 'auth', 'talk', 'capital']) {
                await frame.locator(`g.node[data-name="${name}"]`).first().waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                    throw new Error(`the preview did not draw the node "${name}"`);
                });
            }
            await frame.locator('path.edge').first().waitFor({ timeout: UI_TIMEOUT });
            assert.ok(await frame.locator('g.node.spof-domain[data-name="pangyo"]').count() > 0, 'pangyo is marked as a failure domain that is a SPOF');
            await page.screenshot({ path: path.join(SHOTS, '3-preview.png') });
        });

        it('simulates the failure of pangyo from the palette and tells what goes down', async () => {
            // Back to the editor, so that the command knows the file.
            await page.locator('.tabs-container .tab', { hasText: 'kakao-2022.topo' }).first().click();
            await page.mouse.move(5, 500); // no tab tooltip over the preview in the picture
            await palette('Topo: Simulate Failure…');
            const input = page.locator('.quick-input-widget input');
            await page.locator('.quick-input-list .monaco-list-row', { hasText: 'pangyo' }).first().waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('"Simulate Failure…" did not list the elements to fail');
            });
            await input.fill('pangyo');
            // The row of the site itself (not pangyo-power-room, pangyo-generators).
            const row = page.locator('.quick-input-list .monaco-list-row[aria-label^="pangyo,"]').first();
            await row.waitFor({ timeout: UI_TIMEOUT });
            await row.locator('.monaco-checkbox').first().click();
            await page.waitForSelector('.quick-input-list .monaco-list-row[aria-checked="true"]', { timeout: UI_TIMEOUT });
            await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
            const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'pangyo fails' });
            await toast.waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('no notification "pangyo fails: …" after the simulation');
            });
            const text = (await toast.innerText()).replace(/\s+/g, ' ');
            assert.match(text, /pangyo fails: \d+ services? down/, text);
            // The preview shows it too: services down.
            await previewFrame().locator('g.node.s-down').first().waitFor({ timeout: UI_TIMEOUT });
            await previewFrame().locator('g.node.s-failed[data-name="pangyo"]').first().waitFor({ timeout: UI_TIMEOUT });
            // The toast fully faded in, for the picture.
            await page.locator('.notifications-toasts .notification-toast.notification-fade-in-done', { hasText: 'pangyo fails' })
                .waitFor({ timeout: UI_TIMEOUT }).catch(() => undefined);
            await page.screenshot({ path: path.join(SHOTS, '4-simulation.png') });
        });

        it('simulates the element whose name was typed when Enter is pressed with nothing ticked', async () => {
            await page.locator('.tabs-container .tab', { hasText: 'kakao-2022.topo' }).first().click();
            await palette('Topo: Simulate Failure…');
            const input = page.locator('.quick-input-widget input');
            await input.fill('ansan');
            // the site itself (and kepco-ansan, which mentions it) listed; nothing ticked or highlighted
            await page.locator('.quick-input-list .monaco-list-row[aria-label^="ansan,"]').first()
                .waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                    throw new Error('"Simulate Failure…" does not list ansan');
                });
            assert.equal(await page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').count(), 0, 'nothing ticked');
            await input.press('Enter');
            const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'ansan fails' });
            await toast.waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('Enter with nothing ticked did not simulate the highlighted element');
            });
            await previewFrame().locator('g.node.s-failed[data-name="ansan"]').first().waitFor({ timeout: UI_TIMEOUT });
        });

        it('shows the outage over time under the graph, and the graph at a moment of it', async () => {
            await page.locator('.tabs-container .tab', { hasText: 'kakao-2022.topo' }).first().click();
            await palette('Topo: Simulate Failure…');
            const input = page.locator('.quick-input-widget input');
            await input.fill('pangyo');
            await page.locator('.quick-input-list .monaco-list-row[aria-label^="pangyo,"]').first().waitFor({ timeout: UI_TIMEOUT });
            await input.press('Enter');
            const frame = previewFrame();
            const slider = frame.locator('section.timeline input.timeline-slider');
            await slider.waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('no timeline chart under the preview during the simulation of pangyo');
            });
            await frame.locator('g.node.s-down[data-name="talk"]').first().waitFor({ timeout: UI_TIMEOUT });
            // keyboard only: the last moment, when everything is back (pangyo recovers after 10 h)
            await slider.focus();
            await slider.press('End');
            await frame.locator('.timeline-readout', { hasText: /^\+10h: 0 services down, 0 degraded/ }).waitFor({ timeout: UI_TIMEOUT }).catch(async () => {
                throw new Error(`the timeline's readout at its end: ${await frame.locator('.timeline-readout').innerText()}`);
            });
            await frame.locator('g.node.s-down').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('services still drawn down at the end of the timeline');
            });
            await frame.locator('g.node.s-failed[data-name="pangyo"]').first().waitFor({ timeout: UI_TIMEOUT });
            await page.screenshot({ path: path.join(SHOTS, '5-timeline.png') });
            await slider.press('Home');
            await frame.locator('g.node.s-down[data-name="talk"]').first().waitFor({ timeout: UI_TIMEOUT });
        });

        it('shows the neighbourhood of the service at the cursor ("Show Neighbourhood in Preview")', async () => {
            await page.locator('.tabs-container .tab', { hasText: 'kakao-2022.topo' }).first().click();
            await palette('Topo: Clear Simulation');
            // the cursor on `auth` (line 89: "service auth {")
            await page.keyboard.press('F1');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
            await input.fill(':89:10');
            await input.press('Enter');
            await palette('Topo: Show Neighbourhood in Preview');
            const frame = previewFrame();
            // media is what talk uses, two hops from auth: not shown at one hop
            await frame.locator('g.node[data-name="media"]').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT }).catch(() => {
                throw new Error('media, two hops from auth, is still drawn');
            });
            for (const name of ['auth', 'talk', 'pay', 'bank']) {
                await frame.locator(`g.node[data-name="${name}"]`).first().waitFor({ timeout: UI_TIMEOUT }).catch(() => {
                    throw new Error(`the neighbourhood of auth does not show ${name}`);
                });
            }
            await page.screenshot({ path: path.join(SHOTS, '6-neighbourhood.png') });
        });
    });
});
