/**
 * Every `topo` code block of the README and docs/ is a model a user can copy: it parses, it has
 * no language error (a snippet may name elements declared elsewhere: unresolved references
 * are the one error allowed), the analysis runs on it, and `topo fmt` leaves it as it is.
 * A block that shows an error or an unformatted text on purpose is fenced `topo-error` instead
 * (and left out here).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/analysis/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { formatTopo } from '../../server/src/language/topo-formatter.js';
import { buildFiles } from '../helpers/language.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';

function markdownFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
    });
}

interface Block { file: string; line: number; text: string }

function topoBlocks(): Block[] {
    const blocks: Block[] = [];
    for (const file of [join(PROJECT_ROOT, 'README.md'), ...markdownFiles(join(PROJECT_ROOT, 'docs'))]) {
        const lines = readFileSync(file, 'utf8').split('\n');
        for (let i = 0; i < lines.length; i++) {
            if (lines[i].trim() !== '```topo') continue;
            const start = i + 1;
            let end = start;
            while (end < lines.length && lines[end].trim() !== '```') end++;
            blocks.push({ file: relative(PROJECT_ROOT, file), line: start, text: lines.slice(start, end).join('\n') + '\n' });
            i = end;
        }
    }
    return blocks;
}

describe('the docs\' topo code blocks', function () {
    this.timeout(120_000);
    const blocks = topoBlocks();

    it('are found (README and docs/)', () => {
        assert.ok(blocks.length >= 30, `${blocks.length} blocks`);
        assert.ok(blocks.some(b => b.file === 'README.md'));
    });

    for (const block of blocks) {
        it(`${block.file}:${block.line} parses, checks and is formatted`, async () => {
            const { services, docs } = await buildFiles({ 'main.topo': block.text });
            const document = docs['main.topo'];
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1 && d.code !== 'unresolved-reference' && (d.data as { code?: string } | undefined)?.code !== 'linking-error');
            assert.deepEqual(errors.map(e => `${e.range.start.line + 1}: ${e.message}`), []);
            analyze(closureModel(services, document).model);
            const formatted = formatTopo(document);
            assert.ok(!('error' in formatted), JSON.stringify(formatted));
            if ('text' in formatted) assert.equal(formatted.text, block.text, 'topo fmt would change it');
        });
    }
});
