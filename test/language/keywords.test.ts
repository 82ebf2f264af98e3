/**
 * The language's words live in the grammar: its `Keyword` rule (the words a declaration may
 * not use as a name) lists every word the grammar uses, the statements table names only
 * reserved words, the TextMate grammar colours exactly these words, and the generated AST is
 * what langium-cli makes of the grammar today.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grammarWordKeywords, isReserved, WORD_KEYWORDS } from '../../server/src/language/keywords.js';
import { STATEMENTS, STATEMENT_TYPES } from '../../server/src/language/statements.js';
import { textMateWords } from '../../scripts/generate.js';
import { PROJECT_ROOT as root } from '../helpers/run-topo.js';

describe('keywords', () => {
    it('the grammar\'s Keyword rule lists every word the grammar uses', () => {
        assert.deepEqual([...WORD_KEYWORDS].sort(), grammarWordKeywords());
    });

    it('every statement keyword is reserved', () => {
        for (const type of STATEMENT_TYPES) {
            for (const word of STATEMENTS[type].keyword.split(' ')) assert.ok(isReserved(word), `${type}: ${word}`);
        }
    });

    it('the TextMate grammar colours exactly the grammar\'s words', () => {
        const grammar = JSON.parse(readFileSync(join(root, 'syntaxes', 'topo.tmLanguage.json'), 'utf8'));
        const words = (match: string) => new Set([...match.matchAll(/\(\?:([a-z|]+)\)/g)].flatMap(m => m[1].split('|')));
        const coloured = new Set([
            ...words(grammar.repository.keywords.patterns[0].match),
            ...words(grammar.repository.constants.patterns[0].match),
            ...grammar.repository.declaration.patterns[0].match.match(/\(([a-z|]+)\)/)[1].split('|')
        ]);
        assert.deepEqual([...coloured].sort(), grammarWordKeywords());
        assert.deepEqual([...textMateWords().all].sort(), grammarWordKeywords());
    });

    it('the generated AST and grammar are fresh (langium generate changes nothing)', function () {
        this.timeout(120_000);
        const dir = mkdtempSync(join(tmpdir(), 'topo-langium-'));
        try {
            mkdirSync(join(dir, 'server', 'src'), { recursive: true });
            cpSync(join(root, 'langium-config.json'), join(dir, 'langium-config.json'));
            cpSync(join(root, 'server', 'src', 'topo.langium'), join(dir, 'server', 'src', 'topo.langium'));
            execFileSync(process.execPath, [join(root, 'node_modules', 'langium-cli', 'bin', 'langium.js'), 'generate'], { cwd: dir, stdio: 'pipe' });
            const generated = join(root, 'server', 'src', 'generated');
            for (const file of readdirSync(generated)) {
                assert.equal(readFileSync(join(dir, 'server', 'src', 'generated', file), 'utf8'), readFileSync(join(generated, file), 'utf8'),
                    `server/src/generated/${file} is stale: run npm run langium:generate`);
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
