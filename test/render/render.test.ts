/**
 * `topo render`: the real binary draws every example as well-formed SVG with every element's
 * name in it (escaped); --focus leaves out what is not near; --fail marks what goes down as the
 * preview does; bad flags and unknown names exit 2 with one line. The Node stylesheet's rules
 * are still preview.css's.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DRAWING_RULES } from '../../server/src/render/light-style.js';
import { escapeXml } from '../../server/src/render/serialize-svg.js';
import { generateDocsModels, PICTURES } from '../../scripts/docs-images.mjs';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { allElements, parseXml, type XmlElement } from './xml-check.js';

const KAKAO = 'examples/kakao-2022.topo';

/** The drawn nodes: data-name → their class list. */
function drawnNodes(svg: string): Map<string, string[]> {
    const nodes = new Map<string, string[]>();
    for (const e of allElements(parseXml(svg))) {
        const name = e.attrs.get('data-name');
        if (e.tag === 'g' && name !== undefined && (e.attrs.get('class') ?? '').split(' ').includes('node')) nodes.set(name, e.attrs.get('class')!.split(' '));
    }
    return nodes;
}

function texts(root: XmlElement): string[] {
    return allElements(root).map(e => e.text);
}

async function render(args: string[]): Promise<string> {
    const r = await runTopo(['render', ...args], { cwd: PROJECT_ROOT });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    return r.stdout;
}

describe('topo render (SVG without the editor)', function () {
    this.timeout(120_000);

    for (const file of readdirSync(join(PROJECT_ROOT, 'examples')).filter(f => f.endsWith('.topo'))) {
        it(`draws examples/${file} as well-formed SVG naming every element`, async () => {
            const svg = await render([`examples/${file}`, '--format', 'svg']);
            const root = parseXml(svg);
            assert.equal(root.tag, 'svg');
            assert.equal(root.attrs.get('xmlns'), 'http://www.w3.org/2000/svg');
            assert.ok(Number(root.attrs.get('width')) > 100 && Number(root.attrs.get('height')) > 100);
            const model = readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8');
            const names = [...model.matchAll(/^\s*(?:region|site|infra|service|datastore)\s+([\w-]+)/gm)].map(m => m[1]);
            assert.ok(names.length > 3);
            const drawn = drawnNodes(svg);
            const shown = new Set(texts(root));
            for (const name of names) {
                assert.ok(drawn.has(name), `${name} is drawn`);
                assert.ok(shown.has(name), `${name} is written`);
            }
            assert.ok(!/var\(|color-mix/.test(svg), 'colours are resolved');
        });
    }

    it('escapes model text: a label is text, never markup', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'topo-render-'));
        const file = join(dir, 'odd.topo');
        writeFileSync(file, 'site east "<script>alert(1)</script> & \'R&D\'"\nservice web "a < b > c" {\n  runs on east\n}\n');
        const svg = await render([file]);
        const root = parseXml(svg);
        assert.ok(!svg.includes('<script'), 'no script element');
        assert.ok(svg.includes(escapeXml('<script>alert(1)</script>').slice(0, 20)));
        assert.ok(texts(root).some(t => t.startsWith('<script>alert(1)')), 'the label reads as written');
        assert.ok(texts(root).includes('a < b > c'));
    });

    it('--focus draws the element and its neighbours only; --hops widens it', async () => {
        const all = drawnNodes(await render([KAKAO]));
        const one = drawnNodes(await render([KAKAO, '--focus', 'auth']));
        const two = drawnNodes(await render([KAKAO, '--focus', 'auth', '--hops', '2']));
        for (const name of ['auth', 'talk', 'taxi', 'pay', 'pangyo']) assert.ok(one.has(name), `${name} is near auth`);
        assert.ok(!one.has('portal') && !one.has('chuncheon') && !one.has('kepco-ansan'), `far ones left out: ${[...one.keys()].join(', ')}`);
        assert.ok(one.size < two.size && two.size <= all.size, `${one.size} < ${two.size} <= ${all.size}`);
        for (const name of one.keys()) assert.ok(two.has(name));
    });

    it('--fail draws the simulation: failed, down, degraded, failed over, and the rest up', async () => {
        const nodes = drawnNodes(await render([KAKAO, '--fail', 'pangyo']));
        const json = JSON.parse((await runTopo(['simulate', KAKAO, '--fail', 'pangyo', '--format', 'json'], { cwd: PROJECT_ROOT })).stdout) as { down: string[]; degraded: string[]; up: string[] };
        assert.ok(nodes.get('pangyo')!.includes('s-failed'));
        for (const name of json.down) assert.ok(nodes.get(name)!.includes('s-down'), `${name} is drawn down`);
        for (const name of json.degraded) assert.ok(nodes.get(name)!.includes('s-degraded'), `${name} is drawn degraded`);
        assert.ok(nodes.get('messages')!.includes('s-interrupted'), 'messages failed over');
        assert.ok(nodes.get('portal')!.includes('s-up'));
        const quiet = drawnNodes(await render([KAKAO]));
        assert.ok(![...quiet.values()].some(c => c.some(x => x.startsWith('s-'))), 'no states without --fail');
    });

    it('--timeline draws the outage over time under the graph, as the preview\'s chart does', async () => {
        const svg = await render([KAKAO, '--fail', 'pangyo', '--timeline']);
        const root = parseXml(svg);
        const chart = allElements(root).find(e => e.tag === 'g' && e.attrs.get('class') === 'timeline');
        assert.ok(chart, 'a timeline group');
        const json = JSON.parse((await runTopo(['simulate', KAKAO, '--fail', 'pangyo', '--format', 'json'], { cwd: PROJECT_ROOT })).stdout) as { timeline: { steps: unknown[] } };
        const bars = allElements(chart).filter(e => e.tag === 'rect' && (e.attrs.get('class') ?? '').includes('tl-services'));
        assert.equal(bars.length, json.timeline.steps.length - 1, 'one bar a step until everything is back');
        const words = texts(chart);
        assert.ok(words.some(t => /^Over time · failure: 10 services down, 1 degraded, /.test(t)), words.join(' | '));
        assert.ok(words.includes('+10h all back') && words.includes('services') && words.includes('users'), words.join(' | '));
        const height = Number(root.attrs.get('height'));
        assert.ok(height > Number(parseXml(await render([KAKAO, '--fail', 'pangyo'])).attrs.get('height')), 'the chart adds to the picture\'s height');
    });

    it('draws how many dependencies an aggregated edge stands for', async () => {
        const svg = await render([KAKAO, '--collapse', 'all']);
        const counts = allElements(parseXml(svg)).filter(e => e.tag === 'g' && (e.attrs.get('class') ?? '').startsWith('edge-count'));
        assert.ok(counts.length > 0, 'counts drawn');
        for (const c of counts) assert.ok(Number(texts(c).at(-1)) > 1, texts(c).join(' '));
    });

    it('--collapse draws those regions and sites closed, hiding what they hold', async () => {
        const nodes = drawnNodes(await render([KAKAO, '--collapse', 'pangyo']));
        assert.ok(nodes.get('pangyo')!.includes('collapsed'));
        assert.ok(!nodes.has('auth') && !nodes.has('map'), 'what runs only in pangyo is hidden in it');
        assert.ok(nodes.has('talk') && nodes.has('ansan'));
        const all = drawnNodes(await render([KAKAO, '--collapse', 'all']));
        for (const name of ['capital', 'gangwon']) assert.ok(all.get(name)!.includes('collapsed'), name);
        assert.ok(!all.has('pangyo'), 'a site inside a closed region is hidden in it');
    });

    it('-o writes the file and nothing on stdout', async () => {
        const out = join(mkdtempSync(join(tmpdir(), 'topo-render-')), 'k.svg');
        const r = await runTopo(['render', KAKAO, '-o', out], { cwd: PROJECT_ROOT });
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        parseXml(readFileSync(out, 'utf8'));
    });

    for (const [what, args, message] of [
        ['an unknown --focus name', [KAKAO, '--focus', 'mars'], /--focus names `mars`, which is not in the model/],
        ['an unknown --fail name', [KAKAO, '--fail', 'pangyo,mars'], /--fail names `mars`/],
        ['--hops 4', [KAKAO, '--focus', 'auth', '--hops', '4'], /--hops must be 1, 2 or 3/],
        ['a --collapse name that is not a region or site', [KAKAO, '--collapse', 'talk'], /--collapse names `talk`, which is not a region or site/],
        ['--timeline without --fail', [KAKAO, '--timeline'], /--timeline draws the outage of a simulation: name what fails with --fail/],
        ['a format other than svg', [KAKAO, '--format', 'png'], /png/],
        ['an --output that cannot be written', [KAKAO, '-o', '/no/such/folder/x.svg'], /cannot write \/no\/such\/folder\/x\.svg: its folder does not exist/]
    ] as const) {
        it(`exits 2 with one line for ${what}`, async () => {
            const r = await runTopo(['render', ...args], { cwd: PROJECT_ROOT });
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.match(r.stderr, /^topo: [^\n]*\n$/);
            assert.match(r.stderr, message);
        });
    }

    it('the pictures in docs/images are what `npm run docs:images` draws now', async () => {
        generateDocsModels();
        const pictures = Object.entries(PICTURES);
        assert.ok(pictures.length >= 5);
        for (const [file, args] of pictures) {
            const drawn = await render(args);
            const kept = readFileSync(join(PROJECT_ROOT, 'docs', 'images', file), 'utf8');
            assert.ok(drawn === kept, `docs/images/${file} is out of date: run npm run docs:images`);
        }
    });

    it('draws with preview.css\'s own rules (the Node stylesheet has not drifted)', () => {
        const css = readFileSync(join(PROJECT_ROOT, 'media/src/preview.css'), 'utf8').split('\n');
        for (const rule of DRAWING_RULES) assert.ok(css.includes(rule), `preview.css no longer has: ${rule}`);
        assert.ok(DRAWING_RULES.length > 50);
    });
});
