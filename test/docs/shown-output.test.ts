/**
 * The examples of output in the README and docs/*.md are real: before each, a marker comment names the command
 * (`<!-- output: ARGS -->`, ARGS as given to `topo`), and the test runs it and finds every line
 * of the block in what it prints, in order (an excerpt may leave lines out; a line ending in "…"
 * was cut there). `model.topo` in ARGS is the README's nearest ```topo block above the marker,
 * written to a fresh folder the command runs in (other commands run in the project's root). `<!-- output (sarif result): ARGS -->` marks a
 * SARIF result shown without its related locations.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { tempFolder } from '../helpers/temp-files.js';

interface Example {
    /** the page, relative to the project */
    page: string;
    args: string[];
    sarif: boolean;
    block: string[];
    /** the ```topo block above, when ARGS name model.topo */
    model?: string;
    line: number;
}

const MARKER = /^<!-- output( \(sarif result\))?: (.+) -->$/;

const PAGES = ['README.md', ...readdirSync(join(PROJECT_ROOT, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`)];

function examples(page: string): Example[] {
    const lines = readFileSync(join(PROJECT_ROOT, page), 'utf8').split('\n');
    const found: Example[] = [];
    let model: string | undefined;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i] === '```topo') {
            const end = lines.indexOf('```', i + 1);
            model = lines.slice(i + 1, end).join('\n') + '\n';
            i = end;
            continue;
        }
        const marker = MARKER.exec(lines[i]);
        if (!marker) continue;
        const open = lines.findIndex((l, j) => j > i && l.startsWith('```'));
        const close = lines.indexOf('```', open + 1);
        const args = marker[2].split(' ');
        found.push({
            page, args, sarif: marker[1] !== undefined, block: lines.slice(open + 1, close), line: i + 1,
            model: args.includes('model.topo') ? model : undefined
        });
        i = close;
    }
    return found;
}

/** Where `line` of an excerpt is in `output` from `from` on (a line ending in "…" matches its start). */
function findLine(output: string[], line: string, from: number): number {
    const cut = line.endsWith('…') ? line.slice(0, -1).trimEnd() : undefined;
    for (let i = from; i < output.length; i++) {
        if (cut !== undefined ? output[i].startsWith(cut) : output[i] === line) return i;
    }
    return -1;
}

describe('the examples of output in the README and docs/', function () {
    const all = PAGES.flatMap(examples);

    it('are marked with the command that prints them', () => {
        assert.ok(all.filter(e => e.page === 'README.md').length >= 8 && all.filter(e => e.page === 'docs/cli.md').length >= 4,
            `only ${all.length} marked examples`);
    });

    for (const example of all) {
        it(`topo ${example.args.join(' ')} (${example.page}:${example.line})`, async () => {
            let cwd = PROJECT_ROOT;
            if (example.model !== undefined) {
                cwd = tempFolder('topo-readme-');
                writeFileSync(join(cwd, 'model.topo'), example.model);
            }
            const run = await runTopo(example.args, { cwd });
            assert.equal(run.stderr, '', 'nothing on stderr');
            if (example.sarif) {
                const shown = JSON.parse(example.block.join('\n'));
                const results = JSON.parse(run.stdout).runs[0].results.map((r: Record<string, unknown>) => {
                    const { relatedLocations: _, ...rest } = r;
                    return rest;
                });
                assert.ok(results.some((r: unknown) => JSON.stringify(r) === JSON.stringify(shown)),
                    `no result like the page's:\n${JSON.stringify(shown)}\namong:\n${results.map((r: unknown) => JSON.stringify(r)).join('\n')}`);
                return;
            }
            const output = run.stdout.split('\n');
            let at = 0;
            for (const line of example.block) {
                if (line.trim() === '…') continue;
                const i = findLine(output, line, at);
                assert.ok(i >= 0, `${example.page}: line not printed (in this order):\n${line}\n\nThe output:\n${run.stdout}`);
                at = i + 1;
            }
        });
    }
});
