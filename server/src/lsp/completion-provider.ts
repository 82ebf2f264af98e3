/**
 * Completion: what may be written at the cursor.
 *
 * - Keywords valid there: at the top of a file `import` (before the first element) and the
 *   element kinds; after an element's name `in` (for failure domains); inside a block the
 *   statements that kind of element may hold (element-rules.ts), less the single-valued ones it
 *   already has, written whole (`runs on`, `depends on`, `backup on`); the values of `tier`,
 *   `replication` and `kind`; `standby` in a deployment, `any` and `of` in `depends on`; the
 *   finding codes after `accept`, then `from` and `until`; `drill` at the top, and in a drill
 *   `fail`, `expect`, the states and `at most`.
 * - References: only elements of the kind the position accepts (`runs on` and `backup on` offer
 *   failure domains, `uses` and `monitors` services, `in` the containers the element may have,
 *   `depends on` anything), each with its kind and label. Names the file sees come first; a name
 *   declared in a file it does not import is offered too, with an edit that adds the `import`.
 *   Past 500 of them, those matching what is typed, in an incomplete list (asked again as one types).
 *
 * The context is read from the tokens before the cursor (the grammar is permissive on purpose,
 * so Langium's grammar-driven completion would offer every statement everywhere).
 */
import type { LangiumDocument } from 'langium';

type IToken = ReturnType<LangiumServicesLexer['tokenize']>['tokens'][number];
type LangiumServicesLexer = TopoLspServices['parser']['Lexer'];
import type { CompletionProvider, CompletionProviderOptions } from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, type CompletionItem, type CompletionParams, type Range
} from 'vscode-languageserver';
import { acceptableCodes } from '../analysis/acceptances.js';
import { FINDING_CODES } from '../analysis/findings/codes.js';
import type { ElementKind } from '../analysis/model.js';
import { ALL_KINDS, DOMAIN_KINDS, ELEMENT_KINDS, SERVICE_KINDS } from '../language/element-rules.js';
import { STATEMENTS, STATEMENT_BY_FIRST_WORD, statementsOf, type StatementInfo, type StatementType } from '../language/statements.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard } from './log.js';
import { candidates, importEdit, importPath } from './quick-fix-edits.js';

const KINDS = Object.keys(ELEMENT_KINDS);

const WORD = /^[a-zA-Z]/;

type Want =
    | { keywords: Array<{ label: string; detail?: string; doc?: string; kind?: CompletionItemKind }> }
    | { references: readonly ElementKind[]; exclude: ReadonlySet<string>; extraKeywords?: string[] };

/** In a `policy` block: its statements not given yet (nothing while a value is being written). */
function policyStatements(inBlock: IToken[], awaitingValue: boolean): Want | undefined {
    if (awaitingValue) return undefined;
    const present = new Set(inBlock.map(t => t.image));
    const types: StatementType[] = ['Rto', 'Rpo', 'Survive'];
    return {
        keywords: types.filter(type => !present.has(STATEMENTS[type].keyword))
            .map(type => ({ label: STATEMENTS[type].keyword, detail: 'target of a tier policy', doc: STATEMENTS[type].doc }))
    };
}

/** `want` with one more keyword first (`every` after a backup's domains, `lag` after `async`). */
function withKeyword(want: Want, label: string, doc: string): Want {
    return 'keywords' in want ? { keywords: [{ label, doc }, ...want.keywords] } : want;
}

export class TopoCompletionProvider implements CompletionProvider {
    readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [',', '('] };

    constructor(private readonly services: TopoLspServices) {}

    getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        return guard(`completion in ${document.uri.toString()}`, undefined, () => this.complete(document, params));
    }

    private complete(document: LangiumDocument, params: CompletionParams): CompletionList | undefined {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(params.position);
        const lexed = this.services.parser.Lexer.tokenize(text);
        // nothing to complete inside a comment or a string
        if (lexed.hidden.some(t => t.startOffset < offset && offset <= endOf(t) + (t.image.startsWith('//') ? 1 : 0))) return CompletionList.create([], false);
        const tokens = lexed.tokens;
        let index = tokens.findIndex(t => endOf(t) + 1 >= offset);
        if (index < 0) index = tokens.length;
        let prefixStart = offset;
        const at = tokens[index];
        if (at && at.startOffset < offset) {
            if (at.tokenType.name === 'STRING' && offset <= endOf(at)) return CompletionList.create([], false);
            if (WORD.test(at.image)) {
                prefixStart = at.startOffset;
            } else {
                index++; // a complete token before the cursor: `,` `(` `3`
            }
        }
        const before = tokens.slice(0, index);
        const after = tokens.slice(at && prefixStart < offset ? index + 1 : index);
        const range: Range = { start: textDocument.positionAt(prefixStart), end: params.position };
        const want = this.wanted(before, after);
        if (!want) return CompletionList.create([], false);
        const items: CompletionItem[] = [];
        if ('keywords' in want) {
            want.keywords.forEach((k, i) => items.push(keywordItem(k.label, range, i, k.detail, k.doc, k.kind)));
        } else {
            const references = this.referenceItems(document, want.references, want.exclude, range, text.slice(prefixStart, offset));
            items.push(...references.items);
            (want.extraKeywords ?? []).forEach((k, i) => items.push(keywordItem(k, range, i)));
            return CompletionList.create(items, references.incomplete);
        }
        return CompletionList.create(items, false);
    }

    /** What the position takes, from the tokens before it (and the block around it). */
    private wanted(before: IToken[], after: IToken[]): Want | undefined {
        // walk the tokens: where each top-level item and statement starts, brace depth
        let depth = 0;
        let itemStart = -1;
        let sawElement = false;
        let blockStart = -1;
        let statementStart = -1;
        for (let i = 0; i < before.length; i++) {
            const t = before[i];
            const word = isKeyword(t) ? t.image : undefined;
            if (depth === 0) {
                if (t.image === '{' && !isString(t)) { depth = 1; blockStart = i; statementStart = -1; continue; }
                const previous = before[i - 1];
                const isName = previous && isKeyword(previous) && KINDS.includes(previous.image) && i - 1 === itemStart;
                if (word && (KINDS.includes(word) || word === 'import' || word === 'policy' || word === 'drill') && !isName) {
                    itemStart = i;
                    if (word !== 'import') sawElement = true;
                }
            } else {
                if (t.image === '}' && !isString(t)) { depth = 0; itemStart = -1; blockStart = -1; continue; }
                const previous = before[i - 1];
                const isValue = previous && isKeyword(previous) && (previous.image === 'kind' || previous.image === 'tags');
                if (word && STATEMENT_BY_FIRST_WORD.has(word) && !isValue) statementStart = i;
            }
        }

        if (depth === 0) return this.topLevel(before, itemStart, sawElement);

        if (before[itemStart]?.image === 'policy') return policyStatements(before.slice(blockStart + 1), statementStart >= 0 && statementStart === before.length - 1);
        if (before[itemStart]?.image === 'drill') return this.inDrill(before.slice(blockStart + 1));
        const kindToken = before[itemStart];
        const kind = (kindToken && KINDS.includes(kindToken.image) ? kindToken.image : 'service') as ElementKind;
        const self = before[itemStart + 1]?.image;
        const blockEnd = after.findIndex(t => t.image === '}' && !isString(t));
        const inBlock = [...before.slice(blockStart + 1), ...(blockEnd < 0 ? after : after.slice(0, blockEnd))];

        if (statementStart < 0) return this.statementKeywords(kind, inBlock);
        const statement = STATEMENT_BY_FIRST_WORD.get(before[statementStart].image);
        const rest = before.slice(statementStart + 1);
        const last = rest[rest.length - 1];
        const open = rest.filter(t => t.image === '(').length - rest.filter(t => t.image === ')').length;
        const listed = new Set(rest.filter(t => t.tokenType.name === 'ID').map(t => t.image));
        const exclude = new Set(self ? [self, ...listed] : listed);
        const nextStatement = () => this.statementKeywords(kind, inBlock);
        const is = (...images: string[]) => last !== undefined && images.includes(last.image) && !isString(last);

        switch (statement) {
            case 'RunsOn':
            case 'BackupOn':
                if (rest.length === 0) return { keywords: [{ label: 'on' }] };
                if (open > 0) return is('(', ',') ? { keywords: [{ label: 'standby' }] } : undefined;
                if (is('on', ',')) return { references: DOMAIN_KINDS, exclude: statement === 'RunsOn' ? new Set() : exclude };
                if (statement === 'BackupOn' && is('every')) return undefined;
                if (statement === 'BackupOn' && last.tokenType.name === 'ID' && !rest.some(t => t.image === 'every')) {
                    return withKeyword(nextStatement(), 'every', '`every 1h`: how often a backup is taken (the data a restore loses)');
                }
                return is(')') || last.tokenType.name === 'ID' ? nextStatement() : undefined;
            case 'DependsOn':
                if (rest.length === 0) return { keywords: [{ label: 'on' }] };
                if (open > 0) return is('(', ',') ? { references: ALL_KINDS, exclude } : undefined;
                if (is('on', ',')) return { references: ALL_KINDS, exclude, extraKeywords: ['any'] };
                if (last.tokenType.name === 'QUANTITY') return { keywords: [{ label: 'of' }] };
                return is(')') || last.tokenType.name === 'ID' ? nextStatement() : undefined;
            case 'Uses':
            case 'Monitors':
                if (rest.length === 0 || is(',')) return { references: statement === 'Uses' ? SERVICE_KINDS : ALL_KINDS, exclude };
                return last.tokenType.name === 'ID' ? nextStatement() : undefined;
            case 'Tier':
            case 'Replication':
            case 'InfraKind': {
                const info: StatementInfo = STATEMENTS[statement];
                const values = info.choices ?? info.suggestions ?? [];
                if (rest.length === 0) return { keywords: values.map(label => ({ label, kind: CompletionItemKind.EnumMember })) };
                if (statement === 'Replication' && is('lag')) return undefined;
                if (statement === 'Replication' && rest.length === 1 && is('async')) {
                    return withKeyword(nextStatement(), 'lag', '`lag 30s`: how far behind the asynchronous replicas may be');
                }
                return nextStatement();
            }
            case 'Tags':
                if (rest.length === 0 || is(',')) return undefined;
                return nextStatement();
            case 'Accept':
                // accept CODE [from DOMAIN, …] "REASON" [until YYYY-MM-DD]
                if (rest.length === 0) {
                    return { keywords: acceptableCodes().map(label => ({ label, doc: FINDING_CODES[label].summary, kind: CompletionItemKind.EnumMember })) };
                }
                if (is('from', ',')) return { references: DOMAIN_KINDS, exclude };
                if (rest.length === 1) return { keywords: [{ label: 'from', doc: 'accept only these causes: a new cause is reported again' }] };
                if (isString(last)) {
                    const more = nextStatement();
                    return 'keywords' in more ? { keywords: [{ label: 'until', doc: 'the last day it holds — `until 2027-03-31`' }, ...more.keywords] } : more;
                }
                if (last.tokenType.name === 'DATE') return nextStatement();
                return undefined;
            default:
                // a statement with one value: nothing to offer for the value, then the next statement
                return rest.length === 0 ? undefined : nextStatement();
        }
    }

    /** Inside a drill's block: `fail` and `expect`, what may fail, what is expected, the states, `at most`. */
    private inDrill(block: IToken[]): Want | undefined {
        const steps = (): Want => ({
            keywords: [
                { label: 'fail', doc: 'what fails together — `fail pangyo, ansan`' },
                { label: 'expect', doc: 'the worst allowed — `expect talk up`, `expect auth down at most 30m`, `expect users down at most 1M`' }
            ]
        });
        let start = -1;
        block.forEach((t, i) => { if (isKeyword(t) && (t.image === 'fail' || t.image === 'expect')) start = i; });
        if (start < 0) return steps();
        const head = block[start].image;
        const rest = block.slice(start + 1);
        const last = rest[rest.length - 1];
        if (head === 'fail') {
            if (rest.length === 0 || last.image === ',') return { references: ALL_KINDS, exclude: new Set(rest.filter(t => t.tokenType.name === 'ID').map(t => t.image)) };
            return last.tokenType.name === 'ID' ? steps() : undefined;
        }
        if (rest.length === 0) return { references: SERVICE_KINDS, exclude: new Set(), extraKeywords: ['users'] };
        if (rest.length === 1) {
            const states = rest[0].image === 'users' ? ['down'] : ['up', 'degraded', 'down'];
            return { keywords: states.map(label => ({ label, kind: CompletionItemKind.EnumMember })) };
        }
        if (rest.length === 2 && rest[1].image === 'down') return { keywords: [{ label: 'at most', doc: 'the longest outage allowed — `at most 30m` (for users: a count, `at most 1M`)' }] };
        if (rest.length === 2 || last.tokenType.name === 'QUANTITY') return steps();
        return undefined;
    }

    private topLevel(before: IToken[], itemStart: number, sawElement: boolean): Want | undefined {
        const starts = (): Want => ({
            keywords: [
                ...(sawElement ? [] : [{ label: 'import', doc: '`import "other.topo"`: bring in the elements of another file' }]),
                ...KINDS.map(label => ({ label, doc: ELEMENT_KINDS[label as ElementKind].doc })),
                { label: 'policy', doc: '`policy tier critical { rto 1h  rpo 5m  survive 2 }`: targets for every service of a tier' },
                { label: 'drill', doc: 'a failure drill: `drill "Pangyo fire" { fail pangyo  expect talk up }`' }
            ]
        });
        if (itemStart < 0) return starts();
        const head = before[itemStart];
        const rest = before.slice(itemStart + 1);
        if (head.image === 'policy') {
            if (rest.length === 0) return { keywords: [{ label: 'tier' }] };
            if (rest.length === 1) return { keywords: (STATEMENTS.Tier.choices ?? []).map(label => ({ label, kind: CompletionItemKind.EnumMember })) };
            return starts();
        }
        if (head.image === 'import') return rest.length === 0 ? undefined : starts();
        if (head.image === 'drill') return rest.length <= 1 ? undefined : starts();
        const kind = head.image as ElementKind;
        if (rest.length === 0) return undefined; // a new name
        const last = rest[rest.length - 1];
        if (isKeyword(last) && last.image === 'in' && rest.length > 1) {
            const containers = ELEMENT_KINDS[kind]?.containers ?? [];
            return containers.length === 0 ? undefined : { references: containers, exclude: new Set([rest[0].image]) };
        }
        const hasIn = rest.slice(1).some(t => isKeyword(t) && t.image === 'in');
        const afterHeader = starts();
        if (!hasIn && (ELEMENT_KINDS[kind]?.containers ?? []).length > 0 && 'keywords' in afterHeader) {
            afterHeader.keywords.unshift({ label: 'in', doc: 'the failure domain that contains it: when that fails, this fails' });
        }
        return afterHeader;
    }

    /** The statements `kind` may hold, less the single-valued ones the block already has. */
    private statementKeywords(kind: ElementKind, inBlock: IToken[]): Want {
        const present = new Set<string>();
        for (let i = 0; i < inBlock.length; i++) {
            const t = inBlock[i];
            const previous = inBlock[i - 1];
            if (!isKeyword(t) || (previous && isKeyword(previous) && (previous.image === 'kind' || previous.image === 'tags'))) continue;
            const type = STATEMENT_BY_FIRST_WORD.get(t.image);
            if (type) present.add(type);
        }
        return {
            keywords: statementsOf(ELEMENT_KINDS[kind] ? kind : 'service')
                .filter(type => STATEMENTS[type].repeat || !present.has(type))
                .map(type => ({ label: STATEMENTS[type].keyword, detail: `statement of ${kind}`, doc: STATEMENTS[type].doc }))
        };
    }

    /**
     * The elements of `kinds` as items. Past MAX_REFERENCE_ITEMS, only those whose name holds the
     * characters typed so far, in order (as the editor's own filter needs), those the file sees
     * first, at most MAX_REFERENCE_ITEMS of them; the list is then incomplete: the editor asks
     * again as the user types.
     */
    private referenceItems(
        document: LangiumDocument, kinds: readonly ElementKind[], exclude: ReadonlySet<string>, range: Range, typed: string
    ): { items: CompletionItem[]; incomplete: boolean } {
        const nodeKinds = this.services.shared.lsp.NodeKindProvider;
        const items: CompletionItem[] = [];
        let offered = candidates(this.services, document, kinds, true).filter(c => !exclude.has(c.name));
        const incomplete = offered.length > MAX_REFERENCE_ITEMS;
        if (incomplete) {
            const matching = offered.filter(c => holdsInOrder(c.name, typed));
            offered = [...matching.filter(c => !c.elsewhere), ...matching.filter(c => c.elsewhere)].slice(0, MAX_REFERENCE_ITEMS);
        }
        for (const c of offered) {
            const label = c.label ? ` — ${c.label}` : '';
            const item: CompletionItem = {
                label: c.name,
                kind: nodeKinds.getCompletionItemKind(c.description),
                labelDetails: { detail: c.label ? ` "${c.label}"` : undefined, description: c.kind },
                detail: `${c.kind}${label}`,
                sortText: `${c.elsewhere ? '1' : '0'}${c.name}`,
                textEdit: { range, newText: c.name }
            };
            if (c.elsewhere) {
                const path = importPath(document.uri, c.documentUri);
                item.detail += ` — declared in ${path}, not imported: adds \`import "${path}"\``;
                item.labelDetails = { ...item.labelDetails, description: `${c.kind} · import "${path}"` };
                item.additionalTextEdits = [importEdit(document, path)];
            }
            items.push(item);
        }
        return { items, incomplete };
    }
}

/** References offered at once at most (a 10,000-service workspace would send megabytes per keystroke). */
const MAX_REFERENCE_ITEMS = 500;

/** Does `name` hold the characters of `typed` in order (ignoring case)? */
function holdsInOrder(name: string, typed: string): boolean {
    const n = name.toLowerCase();
    const t = typed.toLowerCase();
    let j = 0;
    for (let i = 0; i < n.length && j < t.length; i++) if (n[i] === t[j]) j++;
    return j === t.length;
}

function endOf(t: IToken): number {
    return t.endOffset ?? t.startOffset + t.image.length - 1;
}

function keywordItem(label: string, range: Range, order: number, detail?: string, doc?: string, kind: CompletionItemKind = CompletionItemKind.Keyword): CompletionItem {
    const item: CompletionItem = {
        label,
        kind,
        sortText: `2${String(order).padStart(3, '0')}`,
        textEdit: { range, newText: label }
    };
    if (detail) item.detail = detail;
    if (doc) item.documentation = { kind: 'markdown', value: doc };
    return item;
}

function isKeyword(t: IToken): boolean {
    const name = t.tokenType.name;
    return name !== 'ID' && name !== 'QUANTITY' && name !== 'STRING' && name !== 'DATE';
}

function isString(t: IToken): boolean {
    return t.tokenType.name === 'STRING';
}
