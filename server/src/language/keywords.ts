/**
 * The language's reserved words, read from the grammar itself (server/src/topo.langium, rule
 * `Keyword`: the words that parse where a name is declared, so that the validator can say
 * "`low` is a keyword"). test/language/keywords.test.ts checks that the rule lists every word
 * the grammar uses as a keyword, and that the TextMate grammar highlights exactly these.
 */
import { AstUtils, GrammarAST } from 'langium';
import * as ast from '../generated/ast.js';
import { TopoGrammar } from '../generated/grammar.js';

/** The words of the grammar's `Keyword` rule, in the order written there. */
export const WORD_KEYWORDS: readonly ast.Keyword[] = keywordRuleWords();

/** Is `word` reserved? */
export function isReserved(word: string): word is ast.Keyword {
    return ast.isKeyword(word);
}

function keywordRuleWords(): ast.Keyword[] {
    const rule = TopoGrammar().rules.find(r => r.name === 'Keyword');
    if (!rule || !GrammarAST.isParserRule(rule)) throw new Error('the grammar has no Keyword rule');
    const words: ast.Keyword[] = [];
    for (const node of AstUtils.streamAst(rule.definition)) {
        if (GrammarAST.isKeyword(node) && ast.isKeyword(node.value) && !words.includes(node.value)) words.push(node.value);
    }
    return words;
}

/** Every keyword the grammar uses that is a word (not punctuation), sorted. */
export function grammarWordKeywords(): string[] {
    const words = new Set<string>();
    for (const rule of TopoGrammar().rules) {
        for (const node of AstUtils.streamAst(rule)) {
            if (GrammarAST.isKeyword(node) && /^[a-z]/i.test(node.value)) words.add(node.value);
        }
    }
    return [...words].sort();
}
