/**
 * The formatter of `.topo` files (Langium's `Formatter` service; also `topo fmt`).
 *
 * Canonical layout: one import or element a line, one statement a line inside a block, two
 * spaces of indentation, one space between words, none before `,` and `)` nor after `(`.
 * Elements with statements get a block; an empty block (`site a { }`) is dropped. A block
 * written on one line, without comments, stays on one line when it fits in 100 columns:
 * `site pangyo { recovery 10h }`, statements two spaces apart (`{ runs on a, b  quorum 2 }`);
 * such one-line elements are not set apart by blank lines. Blank lines
 * between top-level items and between statements are kept (at most one); none after `{` or
 * before `}`. Comments survive: a comment at the end of a line stays there (with the spaces
 * before it, so aligned comments stay aligned), a comment on its own line is indented with
 * what follows it, a line comment inside a statement continues it on the next line (indented
 * two more spaces). The file ends with one newline and no line ends with spaces.
 *
 * Only whitespace changes (and empty `{ }` go): the tokens are the same, in the same order, so
 * the model is the same. The formatter works on the visible tokens of the parse tree and reads
 * the text between two tokens itself (only whitespace and comments may be there); a file with
 * a syntax error is not formatted, as its parse tree may have lost tokens.
 */
import { AstUtils, CstUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Position, Range, TextEdit
} from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

export type FormatOutcome =
    | { text: string; edits: TextEdit[] }
    /** not formatted: the first syntax error (1-based line and column) */
    | { error: string; line: number; column: number };

const INDENT = '  ';

interface Token {
    node: CstNode;
    offset: number;
    end: number;
    text: string;
    /** the import or element it belongs to */
    top: AstNode | undefined;
    /** the statement it belongs to, if any */
    statement: AstNode | undefined;
    /** `{` or `}` of an element */
    brace?: 'open' | 'close';
}

interface Comment {
    offset: number;
    end: number;
    text: string;
    line: boolean;
}

/** How a token is separated from the one before it. */
type Separation =
    | 'start'    // the first token of the file
    | 'top'      // the first token of an import or element: new line, column 0
    | 'statement' // the first token of a statement: new line, indented
    | 'close'    // the `}` of an element: new line, column 0
    | 'open'     // the `{` of an element: one space
    | 'inline';  // within a header or statement: one space, or none around `(`, `)`, `,`

/** Formats a parsed document: the new text and the edits that make it (one per changed gap). */
export function formatTopo(document: LangiumDocument): FormatOutcome {
    const parse = document.parseResult;
    const firstError = parse.lexerErrors[0] ?? parse.parserErrors[0];
    if (firstError) {
        const at = errorPosition(firstError as ErrorLike);
        return { error: (firstError as { message?: string }).message?.trim() || 'a syntax error', line: at.line, column: at.column };
    }
    const textDocument = document.textDocument;
    return formatText(textDocument.getText(), parse.value, offset => textDocument.positionAt(offset));
}

interface ErrorLike {
    line?: number;
    column?: number;
    token?: { startOffset: number; startLine?: number; startColumn?: number };
    previousToken?: { startOffset: number; endLine?: number; endColumn?: number };
}

/** 1-based, as Langium places it: a token the parser inserted sits after the token before it. */
function errorPosition(e: ErrorLike): { line: number; column: number } {
    const ok = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);
    if (ok(e.line) && ok(e.column)) return { line: e.line, column: e.column };
    if (e.token && ok(e.token.startOffset) && ok(e.token.startLine) && ok(e.token.startColumn)) return { line: e.token.startLine, column: e.token.startColumn };
    const previous = e.previousToken;
    if (previous && ok(previous.startOffset) && ok(previous.endLine) && ok(previous.endColumn)) return { line: previous.endLine, column: previous.endColumn + 1 };
    return { line: 1, column: 1 };
}

function formatText(text: string, root: AstNode, positionAt: (offset: number) => Position): FormatOutcome {
    const all = visibleTokens(text, root);
    if (!all) return { error: 'its parse tree does not cover the text', line: 1, column: 1 };
    const dropped = emptyBlocks(all, text);
    const kept = all.filter(t => !dropped.has(t));
    const droppedAt = new Set([...dropped].map(t => t.offset));
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lineStarts = lineStartsOf(text);
    const lineOf = (offset: number) => lineAt(lineStarts, offset);

    const gaps: string[] = [];
    const ranges: Array<[number, number]> = [];
    const commentsOf: Comment[][] = [];
    for (let i = 0; i <= kept.length; i++) {
        const previous = i > 0 ? kept[i - 1] : undefined;
        const next = i < kept.length ? kept[i] : undefined;
        const from = previous ? previous.end : 0;
        const to = next ? next.offset : text.length;
        const comments = commentsIn(text, from, to, droppedAt);
        if (!comments) {
            const at = positionOf(lineStarts, from);
            return { error: 'its parse tree does not cover the text', line: at.line + 1, column: at.character + 1 };
        }
        commentsOf.push(comments);
        ranges.push([from, to]);
    }

    // blocks written on one line stay so while they fit; the others are laid out one statement a line
    const oneLine = oneLineBlocks(kept, commentsOf, lineOf);
    let formatted = '';
    for (;;) {
        const blocks = new Set(kept.filter(t => t.brace === 'open' && !oneLine.has(t.top!)).map(t => t.top!));
        gaps.length = 0;
        for (let i = 0; i <= kept.length; i++) {
            gaps.push(layoutGap(text, kept[i - 1], kept[i], commentsOf[i], eol, lineOf, lineStarts, blocks, oneLine));
        }
        formatted = '';
        for (let i = 0; i < kept.length; i++) formatted += gaps[i] + kept[i].text;
        formatted += gaps[kept.length];
        const tooLong = [...oneLine].filter(top => longestLineOf(formatted, top, kept, gaps) > MAX_ONE_LINE);
        if (tooLong.length === 0) break;
        for (const top of tooLong) oneLine.delete(top);
    }

    const edits: TextEdit[] = [];
    for (let i = 0; i < gaps.length; i++) {
        const [from, to] = ranges[i];
        if (text.slice(from, to) === gaps[i]) continue;
        edits.push({ range: { start: positionAt(from), end: positionAt(to) }, newText: gaps[i] });
    }
    return { text: formatted, edits };
}

/** The visible tokens of the parse tree, in order; undefined when they do not match the text. */
function visibleTokens(text: string, root: AstNode): Token[] | undefined {
    const cst = root.$cstNode;
    if (!cst) return [];
    const tokens: Token[] = [];
    for (const node of CstUtils.streamCst(cst)) {
        if (!isLeafCstNode(node) || node.hidden) continue;
        if (text.slice(node.offset, node.end) !== node.text) return undefined;
        const previous = tokens[tokens.length - 1];
        if (previous && node.offset < previous.end) return undefined;
        const astNode = node.astNode;
        const token: Token = {
            node, offset: node.offset, end: node.end, text: node.text,
            top: topLevel(astNode),
            // a drill's `fail` and `expect` are laid out as statements are
            statement: AstUtils.getContainerOfType(astNode, ast.isStatement) ?? AstUtils.getContainerOfType(astNode, ast.isDrillStep)
        };
        if ((ast.isElement(astNode) || ast.isPolicy(astNode) || ast.isDrill(astNode)) && (node.text === '{' || node.text === '}')) token.brace = node.text === '{' ? 'open' : 'close';
        tokens.push(token);
    }
    return tokens;
}

function topLevel(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current && current.$container && !ast.isModel(current.$container)) current = current.$container;
    return current && !ast.isModel(current) ? current : undefined;
}

/** The `{` and `}` of elements (and policies) without statements when nothing but spaces lies between them. */
function emptyBlocks(all: Token[], text: string): Set<Token> {
    const open = new Map<AstNode, Token>();
    const dropped = new Set<Token>();
    for (const token of all) {
        if (!token.brace || !(ast.isElement(token.top) || ast.isPolicy(token.top)) || token.top.statements.length > 0) continue;
        if (token.brace === 'open') { open.set(token.top, token); continue; }
        const start = open.get(token.top);
        if (start && /^\s*$/.test(text.slice(start.end, token.offset))) {
            dropped.add(start);
            dropped.add(token);
        }
    }
    return dropped;
}

/** The comments between two offsets; undefined when something else than spaces and comments is there. */
function commentsIn(text: string, from: number, to: number, dropped: ReadonlySet<number>): Comment[] | undefined {
    const comments: Comment[] = [];
    let i = from;
    while (i < to) {
        const c = text[i];
        if (/\s/.test(c)) { i++; continue; }
        if (dropped.has(i)) { i++; continue; } // the `{` or `}` of a dropped empty block
        if (text.startsWith('//', i)) {
            let end = i;
            while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
            comments.push({ offset: i, end, text: text.slice(i, end).replace(/\s+$/, ''), line: true });
            i = end;
            continue;
        }
        if (text.startsWith('/*', i)) {
            const close = text.indexOf('*/', i + 2);
            if (close < 0 || close + 2 > to) return undefined;
            comments.push({ offset: i, end: close + 2, text: text.slice(i, close + 2), line: false });
            i = close + 2;
            continue;
        }
        return undefined;
    }
    return comments;
}

/** How wide a block kept on one line may be. */
const MAX_ONE_LINE = 100;

/** Elements whose block is written on one line, with no comment inside. */
function oneLineBlocks(kept: readonly Token[], commentsOf: readonly Comment[][], lineOf: (offset: number) => number): Set<AstNode> {
    const result = new Set<AstNode>();
    let open: Token | undefined;
    let clean = true;
    kept.forEach((token, i) => {
        if (token.brace === 'open') { open = token; clean = true; return; }
        if (open && commentsOf[i].length > 0) clean = false;
        if (token.brace === 'close' && open && open.top === token.top) {
            if (clean && lineOf(open.offset) === lineOf(token.offset)) result.add(token.top!);
            open = undefined;
        }
    });
    return result;
}

/** The width of the formatted line that ends with the `}` of one-line element `top`. */
function longestLineOf(formatted: string, top: AstNode, kept: readonly Token[], gaps: readonly string[]): number {
    let offset = 0;
    for (let i = 0; i < kept.length; i++) {
        offset += gaps[i].length;
        if (kept[i].top === top && kept[i].brace === 'close') {
            const end = offset + kept[i].text.length;
            const start = formatted.lastIndexOf('\n', end - 1) + 1;
            return end - start;
        }
        offset += kept[i].text.length;
    }
    return 0;
}

function separationOf(previous: Token | undefined, next: Token): Separation {
    if (!previous) return 'start';
    if (next.top !== previous.top) return 'top';
    if (next.brace === 'close') return 'close';
    if (next.brace === 'open') return 'open';
    if (next.statement && next.statement !== previous.statement) return 'statement';
    return 'inline';
}

/** The text between two tokens (or before the first, or after the last). */
function layoutGap(
    text: string, previous: Token | undefined, next: Token | undefined, comments: Comment[], eol: string,
    lineOf: (offset: number) => number, lineStarts: number[], blocks: ReadonlySet<AstNode>, oneLine: ReadonlySet<AstNode>
): string {
    const separation: Separation | 'end' = next ? separationOf(previous, next) : 'end';
    // inside a block kept on one line: one space after `{` and before `}`, two between statements
    if (next && oneLine.has(next.top!) && comments.length === 0) {
        if (separation === 'statement') return previous!.brace === 'open' ? ' ' : '  ';
        if (separation === 'close') return ' ';
    }
    // where a comment on its own line goes, and where a token pushed to the next line by a line comment goes
    const continuation = next?.statement ? 2 : 1;
    const commentIndent = separation === 'start' || separation === 'top' || separation === 'end' ? 0
        : separation === 'inline' ? continuation : 1;

    let out = '';
    let lastLine = previous ? lineOf(previous.end) : -1;
    let last: Comment | Token | undefined = previous;
    let breaks = 0;
    /**
     * The line breaks before the next line: the blank line of the text is kept (one at most), none
     * after `{` or before `}`; an element with a block is set apart from its neighbours by a blank
     * line, and so are the imports from the first element.
     */
    const newLines = (toLine: number, toToken: boolean): string => {
        let n = Math.max(1, Math.min(2, toLine - lastLine));
        if (breaks === 0 && previous?.brace === 'open') n = 1;
        if (toToken && separation === 'close') n = 1;
        if (separation === 'top' && previous && next) {
            const afterBlock = previous.brace === 'close' && !oneLine.has(previous.top!);
            if (breaks === 0 && (afterBlock || (ast.isImport(previous.top) && ast.isElement(next.top)))) n = 2;
            if (toToken && breaks === 0 && blocks.has(next.top!)) n = 2;
        }
        breaks++;
        return eol.repeat(n);
    };

    for (const comment of comments) {
        const line = lineOf(comment.offset);
        if (last && line === lastLine) {
            // at the end of a line, or between words: keep it there
            const before = last === previous ? text.slice(previous!.end, comment.offset) : '';
            const spaces = /^[ \t]+$/.test(before) ? before.replace(/\t/g, ' ').length : 1;
            out += ' '.repeat(spaces) + comment.text;
        } else {
            const column = comment.offset - lineStarts[line];
            if (last) out += newLines(line, false);
            out += INDENT.repeat(commentIndent) + reindent(comment.text, commentIndent * INDENT.length - column, eol);
        }
        lastLine = lineOf(comment.end);
        last = comment;
    }

    if (!next) return last ? out + eol : '';
    const nextLine = lineOf(next.offset);
    const lastIsComment = last !== undefined && last !== previous;
    switch (separation) {
        case 'start':
            return lastIsComment ? out + newLines(nextLine, true) : out;
        case 'top':
        case 'statement':
        case 'close':
            return out + newLines(nextLine, true) + (separation === 'statement' ? INDENT : '');
        default: {
            const indent = INDENT.repeat(separation === 'open' ? 0 : continuation);
            if (lastIsComment) {
                const comment = last as Comment;
                if (comment.line || nextLine !== lastLine) return out + eol + indent;
                return out + ' ';
            }
            if (separation === 'open') return out + ' ';
            const tight = next.text === ',' || next.text === ')' || previous!.text === '(';
            return out + (tight ? '' : ' ');
        }
    }
}

/** A block comment moved by `shift` columns: its later lines move with it (as far as their spaces allow). */
function reindent(comment: string, shift: number, eol: string): string {
    const lines = comment.split(/\r?\n/);
    if (lines.length === 1) return comment;
    if (shift === 0) return lines.join(eol);
    return [lines[0], ...lines.slice(1).map(line => {
        if (line.trim().length === 0) return line;
        if (shift > 0) return ' '.repeat(shift) + line;
        const spaces = /^[ \t]*/.exec(line)![0].length;
        return line.slice(Math.min(spaces, -shift));
    })].join(eol);
}

function lineStartsOf(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts;
}

function lineAt(starts: number[], offset: number): number {
    let low = 0, high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return low;
}

function positionOf(starts: number[], offset: number): { line: number; character: number } {
    const line = lineAt(starts, offset);
    return { line, character: offset - starts[line] };
}

/** Langium's formatting service: whole documents and ranges; nothing on typing. */
export class TopoFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params?: DocumentFormattingParams): TextEdit[] {
        const outcome = formatTopo(document);
        return 'error' in outcome ? [] : outcome.edits;
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.formatDocument(document).filter(edit => intersects(edit.range, params.range));
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

function intersects(a: Range, b: Range): boolean {
    const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
    return before(a.start, b.end) && before(b.start, a.end);
}
