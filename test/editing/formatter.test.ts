/**
 * The formatter in process: the canonical layout; idempotent and meaning-preserving (the model
 * `build-model.ts` builds is deep-equal before and after) on every conformance fixture, every
 * example and random models (test/property's generator, printed, then messed up with random
 * spacing, line breaks and comments); comments survive, in order; a file with a syntax error is
 * left alone.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { URI } from 'langium';
import type { Model } from '../../server/src/analysis/model.js';
import { buildModel } from '../../server/src/language/build-model.js';
import { closureDocuments } from '../../server/src/language/closure-model.js';
import { formatTopo } from '../../server/src/language/topo-formatter.js';
import { CONFORMANCE_DIR } from '../helpers/conformance-cases.js';
import { buildFiles, freshServices } from '../helpers/language.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { modelArb } from '../property/arbitrary-model.js';
import { printTopo } from '../property/print-topo.js';

const services = freshServices();
const lexer = services.parser.Lexer;
let counter = 0;

function format(text: string): string {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///format-${++counter}.topo`));
    const outcome = formatTopo(document);
    if ('error' in outcome) throw new Error(`not formatted: ${outcome.line}:${outcome.column}: ${outcome.error}`);
    return outcome.text;
}

/** The model each file sees (its import closure), by path. */
async function models(files: Record<string, string>): Promise<Record<string, Model>> {
    const { services: built, docs } = await buildFiles(files);
    const out: Record<string, Model> = {};
    for (const [path, doc] of Object.entries(docs)) out[path] = buildModel(closureDocuments(built, doc)).model;
    return out;
}

const comments = (text: string) => lexer.tokenize(text).hidden.map(t => t.image.replace(/\s+/g, ' ').trim());
const tokens = (text: string) => lexer.tokenize(text).tokens.map(t => t.image);

/** Formats every file; checks idempotence, tokens, comments, layout and the models. */
async function checkFiles(files: Record<string, string>): Promise<Record<string, string>> {
    const formatted: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) {
        const once = format(text);
        assert.equal(format(once), once, `${path}: formatting twice changes nothing`);
        assert.deepEqual(tokens(once), tokens(text).filter((t, i, all) => !emptyBrace(all, i)), `${path}: the same tokens`);
        assert.deepEqual(comments(once), comments(text), `${path}: the same comments, in order`);
        assert.ok(!/[ \t]$/m.test(once), `${path}: no line ends with spaces`);
        assert.ok(once === '' || (once.endsWith('\n') && !once.endsWith('\n\n')), `${path}: one newline at the end`);
        assert.ok(!/\n\n\n/.test(once), `${path}: at most one blank line`);
        formatted[path] = once;
    }
    assert.deepEqual(await models(formatted), await models(files), 'the same models');
    return formatted;
}

/** `{` `}` with nothing between: the formatter drops the pair. */
function emptyBrace(all: string[], i: number): boolean {
    return (all[i] === '{' && all[i + 1] === '}') || (all[i] === '}' && all[i - 1] === '{');
}

function topoFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? topoFiles(path) : name.endsWith('.topo') ? [path] : [];
    });
}

/** Random spacing, line breaks and comments between the tokens of `text`. */
function messUp(text: string, picks: number[]): string {
    const seps = [' ', '  ', '\n', '\n\n\n  ', '\t', ' /* c */ ', ' // c\n', '\n  // c\n', '\n/* c\n     more */\n', '', ' ', ' ', ' '];
    const found = lexer.tokenize(text).tokens;
    let out = '';
    found.forEach((t, i) => {
        if (i > 0) {
            let sep = seps[picks[i % picks.length] % seps.length];
            const tight = /^[{}(),]$/.test(t.image) || /^[{}(),]$/.test(found[i - 1].image);
            if (sep === '' && !tight) sep = ' ';
            out += sep.replace(/ c\b/g, ` c${i}`);
        }
        out += t.image;
    });
    return out + (picks[0] % 2 === 0 ? '\n' : ' // the end  ');
}

describe('editing: the formatter', function () {
    this.timeout(120_000);

    it('lays a file out canonically and keeps its comments where they belong', () => {
        const messy = [
            '', '', '// header comment', '/* block', '   header */',
            'import "a.topo"   // trailing import', 'import', '  "b.topo"',
            'region r { }',
            'site s "S"    in r{depends on r availability 99%}',
            '   /* lonely', '      multi-line', '      comment */',
            'service svc "Svc" { // after brace',
            'runs on s(3,standby),s ( 2 ) , // mid-list',
            '      s quorum /* inline */ 2', '',
            '  // before tier', '', '',
            '   tier critical   /* trailing block */ capacity 2',
            '   depends on any(s,r), 2 of ( s , r , svc )',
            '  // last in block', '}',
            'infra i in s { } // after empty block',
            'service x { /* only comment */ }',
            'service y {', '}',
            '// end of file comment   '
        ].join('\n');
        assert.equal(format(messy), [
            '// header comment', '/* block', '   header */',
            'import "a.topo"   // trailing import', 'import "b.topo"', '',
            'region r',
            'site s "S" in r { depends on r  availability 99% }',
            '/* lonely', '   multi-line', '   comment */',
            'service svc "Svc" { // after brace',
            '  runs on s (3, standby), s (2), // mid-list', '    s',
            '  quorum /* inline */ 2', '',
            '  // before tier', '',
            '  tier critical   /* trailing block */', '  capacity 2',
            '  depends on any (s, r), 2 of (s, r, svc)',
            '  // last in block', '}', '',
            'infra i in s // after empty block', '',
            'service x { /* only comment */', '}', '',
            'service y', '',
            '// end of file comment', ''
        ].join('\n'));
    });

    it('keeps a block written on one line on one line while it fits, statements two spaces apart', () => {
        assert.equal(format('site a { recovery 10h }\nsite b\ndatastore d { runs on a, b    quorum 2 }\n'),
            'site a { recovery 10h }\nsite b\ndatastore d { runs on a, b  quorum 2 }\n');
        const long = `service s { runs on a (3), b (3)  quorum 5  capacity 6  failover 30m  users 43.2M  tier critical  slo 99.99% }`;
        assert.equal(format(`site a\nsite b\n${long}\n`),
            'site a\nsite b\n\nservice s {\n  runs on a (3), b (3)\n  quorum 5\n  capacity 6\n  failover 30m\n  users 43.2M\n  tier critical\n  slo 99.99%\n}\n');
        // a comment inside, or a block over several lines: one statement a line
        assert.equal(format('site a { recovery 10h // why\n}\n'), 'site a {\n  recovery 10h // why\n}\n');
    });

    it('keeps line endings (CRLF), and formats an empty file or one with only comments', () => {
        assert.equal(format('site a{}\r\nservice b {\r\n runs on a quorum 1}'), 'site a\r\n\r\nservice b {\r\n  runs on a\r\n  quorum 1\r\n}\r\n');
        assert.equal(format(''), '');
        assert.equal(format('  \n\n'), '');
        assert.equal(format('\n// only\n\n\n/* c */'), '// only\n\n/* c */\n');
    });

    it('leaves a file with a syntax error alone, saying where', () => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString('site a {\n  runs on # x\n}\n', URI.parse('file:///bad.topo'));
        const outcome = formatTopo(document);
        assert.ok('error' in outcome);
        assert.deepEqual([outcome.line, outcome.column], [2, 11]);
        assert.match(outcome.error, /unexpected character/);
    });

    it('is idempotent and meaning-preserving on every conformance fixture and example', async () => {
        const dirs = [CONFORMANCE_DIR, join(PROJECT_ROOT, 'examples')];
        let count = 0;
        for (const dir of dirs) {
            const files: Record<string, string> = {};
            for (const path of topoFiles(dir)) files[relative(dir, path)] = readFileSync(path, 'utf8');
            count += Object.keys(files).length;
            await checkFiles(files);
            // and the same files messed up first
            const messy: Record<string, string> = {};
            for (const [path, text] of Object.entries(files)) messy[path] = messUp(text, [path.length, 3, 7, 1, 11, 5, 9, 2]);
            const formatted = await checkFiles(messy);
            assert.deepEqual(await models(formatted), await models(files), `${dir}: messed up and formatted, the same models`);
        }
        assert.ok(count >= 17, `${count} files`);
    });

    it('is idempotent and meaning-preserving on random models, messed up with spaces, line breaks and comments', async () => {
        await fc.assert(fc.asyncProperty(modelArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 }), async (generated, picks) => {
            const printed = printTopo(generated.model);
            const messy = messUp(printed, picks);
            await checkFiles({ 'main.topo': messy });
        }), { numRuns: Number(process.env.FC_FORMAT_RUNS ?? 100) });
    });
});
