/**
 * The parser Langium builds, with one change: Chevrotain's in-repetition error recovery runs
 * in a loop instead of recursing.
 *
 * When a repetition such as the file's `(import | element)*` or an element's statements meets a
 * token it cannot take, Chevrotain skips tokens until the repetition can go on, then calls the
 * repetition again from inside the recovery — one level deeper for every syntax error recovered
 * in the same repetition. About 1,400 errors in one file (2,000 copies of `site a }`, 16 kB)
 * overflowed the stack. The re-entry is the last thing every frame in between does, so it is
 * run from the outermost recovery of that repetition instead: same result, flat stack.
 *
 * And one speed-up: to recover, Chevrotain looks for the next token that may follow the rules
 * being parsed, scanning forward from the error. At the top of a file only the end of the file
 * may follow, so every error scanned to the end: quadratic (a 5 MB file of garbage took ten
 * minutes). The token found is remembered, so the next error before it needs no scan.
 */
import { createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';

type Rule = (...args: unknown[]) => void;

interface TokenType { tokenTypeIdx: number }

/** The part of Chevrotain's recognizer this touches. */
interface RecoveringRecognizer {
    RULE_STACK: unknown[];
    tokVector: unknown[];
    currIdx: number;
    LA(k: number): unknown;
    tokenMatcher(token: unknown, type: TokenType): boolean;
    flattenFollowSet(): Array<TokenType | undefined>;
    findReSyncTokenType(): TokenType;
    tryInRepetitionRecovery(rule: Rule, args: unknown[], lookahead: () => boolean, expected: unknown): void;
}

export function createTopoParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const recognizer = (parser as unknown as { wrapper: RecoveringRecognizer }).wrapper;
    flattenRepetitionRecovery(recognizer);
    rememberReSyncTokens(recognizer);
    skipEmptyHiddenNodes(parser as unknown as { nodeBuilder?: { addHiddenNodes?: (tokens: unknown[]) => void } });
    return parser;
}

/**
 * Langium's `CstNodeBuilder.addHiddenNodes` is called at every token, and at the first token of a
 * node it searches the parent's children (`indexOf`) before looking at the hidden tokens, even when
 * there are none: quadratic in the number of elements of one file (2 s of a 50,000-service file).
 * With no hidden tokens it has nothing to add, so it is skipped.
 */
function skipEmptyHiddenNodes(parser: { nodeBuilder?: { addHiddenNodes?: (tokens: unknown[]) => void } }): void {
    const builder = parser.nodeBuilder;
    const original = builder?.addHiddenNodes;
    if (builder === undefined || typeof original !== 'function') return;
    builder.addHiddenNodes = function (this: unknown, tokens: unknown[]) {
        if (tokens.length > 0) original.call(this, tokens);
    };
}

/**
 * `findReSyncTokenType`: the first token from the current one on whose type is in the follow
 * set of the rules being parsed (the end of the file always is); returns that type. Remembered
 * per follow set with where the scan started and where it matched: a later question from a
 * position in between has the same answer.
 */
export function rememberReSyncTokens(recognizer: RecoveringRecognizer): void {
    const original = recognizer.findReSyncTokenType;
    if (typeof original !== 'function') return;
    let input: unknown[] | undefined;
    const found = new Map<string, { from: number; at: number; type: TokenType }>();
    recognizer.findReSyncTokenType = function (this: RecoveringRecognizer) {
        if (this.tokVector !== input) {
            input = this.tokVector;
            found.clear();
        }
        const follows = this.flattenFollowSet();
        if (follows.some(t => t === undefined)) return original.call(this);
        const types = follows as TokenType[];
        const key = types.map(t => t.tokenTypeIdx).join(',');
        const from = this.currIdx + 1;
        const known = found.get(key);
        if (known && from >= known.from && from <= known.at) return known.type;
        // past the last token LA gives the end of file, which is always in the follow set
        for (let k = 1; k <= this.tokVector.length - this.currIdx + 1; k++) {
            const token = this.LA(k);
            const type = types.find(t => this.tokenMatcher(token, t));
            if (type) {
                found.set(key, { from, at: from + k - 1, type });
                return type;
            }
        }
        return original.call(this);
    };
}

/** One repetition being recovered: which, at what rule depth, and its re-entry still to run. */
interface Recovery {
    rule: Rule;
    args: unknown[];
    depth: number;
    next?: () => void;
}

export function flattenRepetitionRecovery(recognizer: RecoveringRecognizer): void {
    const original = recognizer.tryInRepetitionRecovery;
    if (typeof original !== 'function') return;
    let current: Recovery | undefined;
    recognizer.tryInRepetitionRecovery = function (this: RecoveringRecognizer, rule, args, lookahead, expected) {
        const outer = current;
        const depth = this.RULE_STACK.length;
        if (outer && outer.rule === rule && outer.depth === depth && sameItems(outer.args, args)) {
            // the same repetition again, reached from its own re-entry: leave the re-entry to the loop below
            original.call(this, (...again: unknown[]) => { outer.next = () => rule.apply(this, again); }, args, lookahead, expected);
            return;
        }
        const own: Recovery = { rule, args, depth };
        current = own;
        try {
            original.call(this, (...again: unknown[]) => { own.next = () => rule.apply(this, again); }, args, lookahead, expected);
            while (own.next) {
                const next = own.next;
                own.next = undefined;
                next();
            }
        } finally {
            current = outer;
        }
    };
}

function sameItems(a: unknown[], b: unknown[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
