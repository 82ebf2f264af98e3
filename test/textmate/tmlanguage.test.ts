/**
 * The TextMate grammar (syntaxes/topo.tmLanguage.json), tokenized the way VS Code does it:
 * vscode-textmate with the Oniguruma engine compiled to WebAssembly.
 *
 * - a scope snapshot of test/textmate/representative.topo, compared with the committed
 *   test/textmate/representative.snap (regenerate with UPDATE_SNAPSHOTS=1 after a
 *   deliberate change to the grammar, and review the diff);
 * - explicit assertions on the cases that matter most (names with '-', keywords inside
 *   names, numbers with units, strings, comments).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as VsTextmate from 'vscode-textmate';
import type * as VsOniguruma from 'vscode-oniguruma';

// Both packages are CommonJS bundles whose exports ESM cannot always detect: load them with
// require, which behaves the same whether this file runs as ESM or is transpiled to CJS.
const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate') as typeof VsTextmate;
const oniguruma = require('vscode-oniguruma') as typeof VsOniguruma;

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const grammarPath = join(root, 'syntaxes', 'topo.tmLanguage.json');
const samplePath = join(here, 'representative.topo');
const snapshotPath = join(here, 'representative.snap');
const SCOPE = 'source.topo';

interface Token {
    text: string;
    /** scopes without the root `source.topo` */
    scopes: string[];
}

let grammarPromise: Promise<VsTextmate.IGrammar> | undefined;

function loadGrammar(): Promise<VsTextmate.IGrammar> {
    grammarPromise ??= (async () => {
        const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new vsctm.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
                createOnigString: (s: string) => oniguruma.createOnigString(s)
            }),
            loadGrammar: async (scopeName: string) =>
                scopeName === SCOPE
                    ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
                    : null
        });
        const grammar = await registry.loadGrammar(SCOPE);
        if (!grammar) throw new Error(`grammar ${SCOPE} not found`);
        return grammar;
    })();
    return grammarPromise;
}

/** Tokens per line, carrying the rule stack across lines as an editor does. */
async function tokenize(text: string): Promise<Token[][]> {
    const grammar = await loadGrammar();
    let stack = vsctm.INITIAL;
    const lines: Token[][] = [];
    for (const line of text.split(/\r?\n/)) {
        const result = grammar.tokenizeLine(line, stack);
        lines.push(result.tokens.map(t => ({
            text: line.substring(t.startIndex, t.endIndex),
            scopes: t.scopes.filter(s => s !== SCOPE)
        })));
        stack = result.ruleStack;
    }
    return lines;
}

async function tokensOf(text: string): Promise<Token[]> {
    return (await tokenize(text)).flat();
}

/** The one token whose text is exactly `text`; fails when there is none or several. */
function only(tokens: Token[], text: string): Token {
    const found = tokens.filter(t => t.text === text);
    assert.equal(found.length, 1,
        `expected exactly one token "${text}", got ${found.length} in ${JSON.stringify(tokens.map(t => t.text))}`);
    return found[0]!;
}

function assertScope(tokens: Token[], text: string, scope: string): void {
    const token = only(tokens, text);
    assert.ok(token.scopes.includes(scope), `"${text}" has scopes [${token.scopes.join(', ')}], expected ${scope}`);
}

function assertNoScopeMatching(tokens: Token[], text: string, pattern: RegExp): void {
    const token = only(tokens, text);
    const bad = token.scopes.filter(s => pattern.test(s));
    assert.deepEqual(bad, [], `"${text}" should have no scope matching ${pattern}`);
}

/** The snapshot text: one line per source line, then one indented line per token. */
function render(lines: Token[][], source: string[]): string {
    const out: string[] = [];
    lines.forEach((tokens, i) => {
        out.push(`${i + 1}: ${source[i]}`);
        for (const t of tokens) {
            if (t.text.trim() === '' && t.scopes.length === 0) continue;
            out.push(`  ${JSON.stringify(t.text)} ${t.scopes.length ? t.scopes.join(' ') : '-'}`);
        }
    });
    return out.join('\n') + '\n';
}

describe('TextMate grammar (syntaxes/topo.tmLanguage.json)', () => {
    it('is valid JSON with scopeName source.topo', () => {
        const raw = JSON.parse(readFileSync(grammarPath, 'utf8')) as { scopeName?: string };
        assert.equal(raw.scopeName, SCOPE);
    });

    it('matches the scope snapshot of representative.topo', async () => {
        const source = readFileSync(samplePath, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
        const actual = render(await tokenize(source), source.split('\n'));
        if (process.env['UPDATE_SNAPSHOTS'] === '1') {
            writeFileSync(snapshotPath, actual);
            return;
        }
        assert.ok(existsSync(snapshotPath),
            `${snapshotPath} is missing: run the tests once with UPDATE_SNAPSHOTS=1 and commit it`);
        const expected = readFileSync(snapshotPath, 'utf8').replace(/\r\n/g, '\n');
        assert.equal(actual, expected,
            'scopes differ from representative.snap (if the grammar change is deliberate, rerun with UPDATE_SNAPSHOTS=1 and review the diff)');
    });

    it('keeps a name with dashes as one token', async () => {
        const decl = await tokensOf('infra pangyo-power-room "UPS" { kind power }');
        assertScope(decl, 'infra', 'storage.type.topo');
        assertScope(decl, 'pangyo-power-room', 'entity.name.type.topo');
        const ref = await tokensOf('site pangyo { depends on pangyo-power-room }');
        assertNoScopeMatching(ref, 'pangyo-power-room', /^(keyword|constant|storage)\./);
        assertScope(ref, 'pangyo', 'entity.name.type.topo');
    });

    it('does not highlight keywords inside names', async () => {
        const tokens = await tokensOf('service low-tier { runs on in-house (2), dc1 uses status-of-any tier low }');
        assertScope(tokens, 'low-tier', 'entity.name.type.topo');
        assertNoScopeMatching(tokens, 'low-tier', /^(keyword|constant)\./);
        assertNoScopeMatching(tokens, 'in-house', /^(keyword|constant)\./);
        assertNoScopeMatching(tokens, 'status-of-any', /^(keyword|constant)\./);
        assertNoScopeMatching(tokens, 'dc1', /^constant\./);
        assertScope(tokens, 'low', 'constant.language.topo');
        assertScope(tokens, 'tier', 'keyword.other.topo');
        assertScope(tokens, '2', 'constant.numeric.count.topo');
    });

    it('scopes every element keyword and the declared name', async () => {
        for (const kw of ['region', 'site', 'infra', 'service', 'datastore']) {
            const tokens = await tokensOf(`${kw} x-1 "label"`);
            assertScope(tokens, kw, 'storage.type.topo');
            assertScope(tokens, 'x-1', 'entity.name.type.topo');
        }
    });

    it('scopes statement keywords and constants', async () => {
        const keywords = ['import', 'in', 'runs', 'on', 'standby', 'quorum', 'capacity', 'depends', 'any', 'of',
            'uses', 'monitors', 'replication', 'backup', 'failover', 'recovery', 'kind', 'tier', 'slo',
            'availability', 'users', 'owner', 'description', 'operator', 'tags'];
        for (const kw of keywords) {
            assertScope(await tokensOf(`  ${kw} `), kw, 'keyword.other.topo');
        }
        for (const c of ['sync', 'async', 'critical', 'high', 'normal', 'low']) {
            assertScope(await tokensOf(`  ${c} `), c, 'constant.language.topo');
        }
    });

    it('scopes durations, percentages and counts', async () => {
        const tokens = await tokensOf('failover 45s recovery 30m recovery 10h recovery 2d slo 99.99% availability 100% users 43.2M users 12k users 5000');
        for (const d of ['45s', '30m', '10h', '2d']) assertScope(tokens, d, 'constant.numeric.duration.topo');
        for (const p of ['99.99%', '100%']) assertScope(tokens, p, 'constant.numeric.percentage.topo');
        for (const c of ['43.2M', '12k', '5000']) assertScope(tokens, c, 'constant.numeric.count.topo');
    });

    it('scopes strings with escapes, and comments', async () => {
        const str = await tokensOf('site a "say \\"hi \\\\ now"');
        assertScope(str, '\\"', 'constant.character.escape.topo');
        assertScope(str, '\\\\', 'constant.character.escape.topo');
        assertScope(str, ' now', 'string.quoted.double.topo');

        const lines = await tokenize('/* site a\n runs on b */ site c // tier low');
        const second = lines[1]!;
        assertScope(second, ' runs on b ', 'comment.block.topo');
        assertScope(second, 'site', 'storage.type.topo');
        assertScope(second, ' tier low', 'comment.line.double-slash.topo');
    });

    it('scopes punctuation', async () => {
        const tokens = await tokensOf('site a { depends on 2 of (b, c) }');
        assertScope(tokens, '{', 'punctuation.section.block.begin.topo');
        assertScope(tokens, '}', 'punctuation.section.block.end.topo');
        assertScope(tokens, '(', 'punctuation.section.parens.begin.topo');
        assertScope(tokens, ')', 'punctuation.section.parens.end.topo');
        assertScope(tokens, ',', 'punctuation.separator.comma.topo');
    });
});
