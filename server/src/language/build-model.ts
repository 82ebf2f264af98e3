/**
 * From parsed, linked documents to the analysis's plain `Model`, plus where each element and
 * statement sits in the source (so that findings can be placed). Unresolved references, wrong
 * kinds and bad values are left out here: the validator reports them.
 */
import type { LangiumDocument, Reference } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { emptyElement, isDomainKind, MAX_SURVIVE, type Element, type ElementKind, type Model, type Term } from '../analysis/model.js';
import { isAcceptableCode, isCalendarDate } from '../analysis/acceptances.js';
import { rangeOf, target } from './ast-access.js';
import { drillsOf, type DrillSource } from './build-drills.js';
import { policiesOf } from './build-policies.js';
import { ELEMENT_KINDS } from './element-rules.js';
import { scalarValue, statementInfo, type StatementAnchor } from './statements.js';
import { readDuration, readWholeNumber, valueOr } from './values.js';

/** Where one element and its statements are written. */
export interface ElementSource {
    uri: string;
    /** the declared name */
    name: Range;
    /** the whole declaration */
    whole: Range;
    statements: Partial<Record<StatementAnchor, Range>>;
    /** `monitors` target name → the range of that reference */
    monitors: Map<string, Range>;
    /** `depends on` member name → the range of that reference */
    dependsOn: Map<string, Range>;
    /** the `accept` statements, in the element's order (as `Element.accepts`) */
    accepts: Range[];
}

/** Element name → where it is written (a `Map`, or after an edit `EditedSources`). */
export interface Sources extends Iterable<[string, ElementSource]> {
    get(name: string): ElementSource | undefined;
    has(name: string): boolean;
}

/**
 * The sources of a model rebuilt after edits (`rebuildModel`): those of a full build, with the
 * files edited since hidden and their new sources on top. An edit then adds the sources of the
 * edited files instead of copying an entry per element of the model.
 */
export class EditedSources implements Sources {
    private constructor(
        /** from the last full build; never changed */
        private readonly base: ReadonlyMap<string, ElementSource>,
        /** files whose entries in `base` no longer count */
        private readonly hidden: ReadonlySet<string>,
        /** the sources of the files edited since, by name */
        private readonly edited: Map<string, ElementSource>
    ) {}

    /** The sources of `previous` without the files in `changed` (added back with `set`). */
    static without(previous: Sources, changed: ReadonlySet<string>): EditedSources {
        if (!(previous instanceof EditedSources)) return new EditedSources(previous as ReadonlyMap<string, ElementSource>, changed, new Map());
        const hidden = new Set([...previous.hidden, ...changed]);
        const edited = new Map<string, ElementSource>();
        for (const [name, source] of previous.edited) if (!changed.has(source.uri)) edited.set(name, source);
        return new EditedSources(previous.base, hidden, edited);
    }

    get(name: string): ElementSource | undefined {
        const edited = this.edited.get(name);
        if (edited !== undefined) return edited;
        const source = this.base.get(name);
        return source === undefined || this.hidden.has(source.uri) ? undefined : source;
    }

    has(name: string): boolean {
        return this.get(name) !== undefined;
    }

    set(name: string, source: ElementSource): void {
        this.edited.set(name, source);
    }

    *[Symbol.iterator](): Iterator<[string, ElementSource]> {
        for (const entry of this.base) if (!this.hidden.has(entry[1].uri) && !this.edited.has(entry[0])) yield entry;
        yield* this.edited;
    }
}

export interface BuiltModel {
    model: Model;
    sources: Sources;
    /** drill name → where it is written (absent: no drills) */
    drills?: Map<string, DrillSource>;
}

/**
 * Builds the model of a set of documents (an import closure). The first declaration of a name wins.
 * `last`: the URI of a document whose elements go last, as `rebuildModel` puts an edited file's
 * (the editor's closure root, the file a user edits: its first edit then copies the rows of
 * every other file instead of compiling everything). Only when it declares no name that another
 * document also declares (which declaration wins would change); else the documents' order.
 */
export function buildModel(documents: Iterable<LangiumDocument>, options: { last?: string } = {}): BuiltModel {
    const all = [...documents];
    const last = options.last === undefined ? undefined : all.find(d => d.uri.toString() === options.last);
    if (last !== undefined && last !== all[all.length - 1]) {
        const reordered = elementsOf([...all.filter(d => d !== last), last]);
        const root = last.parseResult.value;
        const clash = ast.isModel(root) && root.elements.some(node => node.name && node.kind && reordered.sources.get(node.name)?.uri !== options.last);
        if (!clash) return withPoliciesAndDrills(reordered.elements, all, reordered.sources);
    }
    const { elements, sources } = elementsOf(all);
    return withPoliciesAndDrills(elements, all, sources);
}

function elementsOf(documents: readonly LangiumDocument[]): { elements: Element[]; sources: Map<string, ElementSource> } {
    const elements: Element[] = [];
    const sources = new Map<string, ElementSource>();
    for (const document of documents) addDocument(document, elements, sources);
    return { elements, sources };
}

/** The built model of `elements`, with the `policy` blocks and drills of `documents` when there are any. */
function withPoliciesAndDrills(elements: Element[], documents: readonly LangiumDocument[], sources: Sources): BuiltModel {
    const model: Model = { elements };
    const policies = policiesOf(documents);
    if (policies.length > 0) model.policies = policies;
    const { drills, places } = drillsOf(documents);
    if (drills.length === 0) return { model, sources };
    model.drills = drills;
    return { model, sources, drills: places };
}


function addDocument(document: LangiumDocument, elements: Element[], sources: Sources & { set(name: string, source: ElementSource): unknown }): void {
    const root = document.parseResult.value;
    if (!ast.isModel(root)) return;
    const uri = document.uri.toString();
    const broken = elementsWithSyntaxErrors(document, root);
    for (const node of root.elements) {
        if (!node.name || sources.has(node.name) || !node.kind) continue;
        const source: ElementSource = {
            uri,
            name: rangeOf(node, 'name'),
            whole: rangeOf(node),
            statements: {},
            monitors: new Map(),
            dependsOn: new Map(),
            accepts: []
        };
        sources.set(node.name, source);
        const element = toElement(node, source);
        if (broken.has(node)) element.incomplete = true;
        elements.push(element);
    }
}

/**
 * The declarations a syntax error falls in: each error belongs to the last element that starts
 * at or before it (a syntax error at the end of a block, or a missing `}` at the end of the
 * file, belongs to the element being written). When the parser took a keyword inside a block
 * for the start of a new element (`runs on service }`), that nameless element holds the error,
 * and the one before it, whose statement was cut short, is broken too.
 */
function elementsWithSyntaxErrors(document: LangiumDocument, root: ast.Model): Set<ast.Element> {
    const broken = new Set<ast.Element>();
    const { lexerErrors, parserErrors } = document.parseResult;
    if ((lexerErrors.length === 0 && parserErrors.length === 0) || root.elements.length === 0) return broken;
    const end = document.textDocument.getText().length;
    const offsets = [
        ...lexerErrors.map(e => e.offset),
        ...parserErrors.map(e => (Number.isFinite(e.token.startOffset) ? e.token.startOffset : end))
    ];
    const starts = root.elements.map(e => e.$cstNode?.offset ?? 0);
    for (const at of offsets) {
        let lo = 0, hi = starts.length - 1, owner = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (starts[mid] <= at) { owner = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (owner < 0) continue;
        broken.add(root.elements[owner]);
        if (!root.elements[owner].name && owner > 0) broken.add(root.elements[owner - 1]);
    }
    return broken;
}

/**
 * The model of `documents` again, after only the files in `changed` were edited, none of which
 * another file imports: the other files' elements are taken from `previous` as they were (their
 * references cannot reach the edited files), in file order, and the edited files' elements are
 * built anew and put last (so that a compilation can copy the rows of all the others). Undefined
 * when an edited file declares a name that another file also declares: which declaration wins
 * may have changed, so the caller builds everything (`buildModel`).
 */
export function rebuildModel(previous: BuiltModel, documents: readonly LangiumDocument[], changed: ReadonlySet<string>): BuiltModel | undefined {
    // the previous model's elements come file by file: runs of one file, in order
    const runs = new Map<string, Array<[number, number]>>();
    const old = previous.model.elements;
    for (let i = 0; i < old.length;) {
        const uri = previous.sources.get(old[i].name)?.uri;
        let j = i + 1;
        while (j < old.length && previous.sources.get(old[j].name)?.uri === uri) j++;
        if (uri !== undefined && !changed.has(uri)) {
            const list = runs.get(uri);
            if (list) list.push([i, j]); else runs.set(uri, [[i, j]]);
        }
        i = j;
    }
    const elements: Element[] = [];
    const sources = EditedSources.without(previous.sources, changed);
    const edited: LangiumDocument[] = [];
    for (const document of documents) {
        const uri = document.uri.toString();
        if (changed.has(uri)) edited.push(document);
        else {
            const own = runs.get(uri) ?? [];
            // a declaration of this file that lost to another file's last time: the winner may have changed
            const root = document.parseResult.value;
            if (ast.isModel(root)) {
                let declared = 0;
                for (const node of root.elements) if (node.name && node.kind) declared++;
                let kept = 0;
                for (const [from, to] of own) kept += to - from;
                if (declared !== kept) return undefined;
            }
            // (the previous model declared each name once: no two kept elements share one)
            for (const [from, to] of own) for (let i = from; i < to; i++) elements.push(old[i]);
        }
    }
    for (const document of edited) {
        const uri = document.uri.toString();
        const root = document.parseResult.value;
        if (!ast.isModel(root)) continue;
        for (const node of root.elements) {
            if (node.name && previous.sources.has(node.name) && !changed.has(previous.sources.get(node.name)!.uri)) return undefined;
        }
        const before = elements.length;
        addDocument(document, elements, sources);
        for (let i = before; i < elements.length; i++) if (sources.get(elements[i].name)?.uri !== uri) return undefined;
    }
    // a policy applies to elements of every file: when one changed, every finding may have
    if (JSON.stringify(policiesOf(documents)) !== JSON.stringify(previous.model.policies ?? [])) return undefined;
    return withPoliciesAndDrills(elements, documents, sources);
}

/**
 * Marks an element whose declaration could not be taken into the model whole: a reference that
 * did not resolve or names the wrong kind, a value that does not read, a statement it may not
 * hold or holds twice. The validator says why; the analysis reports nothing built on it.
 */
type Broken = () => void;

function toElement(node: ast.Element, source: ElementSource): Element {
    const kind = node.kind as ElementKind;
    const element = emptyElement(node.name, kind);
    const broken: Broken = () => { element.incomplete = true; };
    if (node.label !== undefined) element.label = node.label;
    if (node.container) {
        const container = target(node.container);
        if (container && (ELEMENT_KINDS[kind]?.containers ?? []).includes(container.kind as ElementKind)) element.container = container.name;
        else broken();
    }
    const seen = new Set<string>();
    for (const statement of node.statements) {
        const info = statementInfo(statement.$type);
        if (!(info.kinds as readonly ElementKind[]).includes(kind) || (!info.repeat && seen.has(statement.$type))) broken();
        seen.add(statement.$type);
        addStatement(element, statement, source, broken);
    }
    return element;
}

function addStatement(element: Element, s: ast.Statement, source: ElementSource, broken: Broken): void {
    const info = statementInfo(s.$type);
    const anchor = info.anchor;
    if (anchor !== undefined) {
        // a statement that may repeat is placed on its first occurrence; one that may not, on the one whose value counts
        if (info.repeat) source.statements[anchor] ??= rangeOf(s);
        else source.statements[anchor] = rangeOf(s);
    }
    switch (s.$type) {
        case 'RunsOn':
            for (const d of s.deployments) {
                const domain = target(d.domain);
                const replicas = d.replicas === undefined ? 1 : valueOr(readWholeNumber(d.replicas, 'replicas'), NaN);
                if (!domain || !isDomainKind(domain.kind as ElementKind) || Number.isNaN(replicas)) {
                    broken();
                    continue;
                }
                element.deployments.push({ domain: domain.name, replicas, standby: d.standby });
            }
            break;
        case 'DependsOn':
            for (const term of s.terms) {
                const built = toTerm(term, source, broken);
                if (built) element.dependsOn.push(built);
            }
            break;
        case 'Uses':
            element.uses.push(...names(s.targets, t => !isDomainKind(t.kind as ElementKind), broken));
            break;
        case 'Monitors':
            for (const ref of s.targets) {
                const t = target(ref);
                if (!t) {
                    broken();
                    continue;
                }
                element.monitors.push(t.name);
                if (ref.$refNode) source.monitors.set(t.name, ref.$refNode.range);
            }
            break;
        case 'BackupOn': {
            const targets = names(s.targets, t => isDomainKind(t.kind as ElementKind), broken);
            element.backups.push(...targets);
            const every = s.every === undefined ? undefined : durationOf(s.every, broken);
            if (every !== undefined) {
                element.backupEvery ??= {};
                for (const t of targets) element.backupEvery[t] ??= every;
            }
            break;
        }
        case 'Quorum':
            element.quorum = scalar(s, broken) ?? element.quorum;
            break;
        case 'Capacity':
            element.capacity = scalar(s, broken) ?? element.capacity;
            break;
        case 'Failover':
            element.failover = scalar(s, broken) ?? element.failover;
            break;
        case 'Recovery':
            element.recovery = scalar(s, broken) ?? element.recovery;
            break;
        case 'Availability':
            element.availability = scalar(s, broken) ?? element.availability;
            break;
        case 'Slo':
            element.slo = scalar(s, broken) ?? element.slo;
            break;
        case 'Users':
            element.users = scalar(s, broken) ?? element.users;
            break;
        case 'Tier':
            element.tier = s.value;
            break;
        case 'Replication':
            element.replication = s.mode;
            if (s.lag !== undefined) {
                const lag = durationOf(s.lag, broken);
                if (s.mode !== 'async') broken();
                else if (lag !== undefined) element.replicationLag = lag;
            }
            break;
        case 'InfraKind':
            element.meta.infraKind = s.value;
            break;
        case 'Owner':
            element.meta.owner = s.value;
            break;
        case 'Description':
            element.meta.description = s.value;
            break;
        case 'Operator':
            element.meta.operator = s.value;
            break;
        case 'Tags':
            element.meta.tags.push(...s.values);
            break;
        case 'Rto':
            element.rto = scalar(s, broken) ?? element.rto;
            break;
        case 'Rpo':
            element.rpo = scalar(s, broken) ?? element.rpo;
            break;
        case 'Survive':
            element.survive = scalar(s, broken) ?? element.survive;
            if (element.survive !== undefined && (element.survive < 1 || element.survive > MAX_SURVIVE)) broken();
            break;
        case 'Accept': {
            // one the validator rejects (no reason, not a code, a cause that does not resolve) accepts nothing
            const from = s.causes.map(ref => {
                const t = target(ref);
                return t && isDomainKind(t.kind as ElementKind) ? t.name : undefined;
            });
            if (s.reason === undefined || s.reason.trim() === '' || !isAcceptableCode(s.code) || (s.until !== undefined && !isCalendarDate(s.until)) || from.some(name => name === undefined)) break;
            (element.accepts ??= []).push({ code: s.code, from: from as string[], reason: s.reason, ...(s.until ? { until: s.until } : {}) });
            source.accepts.push(rangeOf(s));
            break;
        }
        default:
            unhandled(s);
    }
}

/** A statement type without a case above does not compile. */
function unhandled(statement: never): never {
    throw new Error(`build-model: no case for ${(statement as ast.Statement).$type}`);
}

function toTerm(term: ast.DependencyTerm, source: ElementSource, broken: Broken): Term | undefined {
    const refs = ast.isSingleTerm(term) ? [term.target] : term.members;
    const members: string[] = [];
    for (const ref of refs) {
        const t = target(ref);
        if (!t) {
            broken();
            continue;
        }
        members.push(t.name);
        if (ref.$refNode && !source.dependsOn.has(t.name)) source.dependsOn.set(t.name, ref.$refNode.range);
    }
    if (members.length === 0) return undefined;
    if (ast.isSingleTerm(term)) return { form: 'one', k: 1, members };
    if (ast.isAnyTerm(term)) return { form: 'any', k: 1, members };
    const k = valueOr(readWholeNumber(term.count, 'count'), NaN);
    // a count that does not read, or more than the members listed: it can never hold as written
    if (Number.isNaN(k) || k > term.members.length) {
        broken();
        return undefined;
    }
    return { form: 'kof', k, members };
}

/** The names of the references that resolve to an element `fits` accepts; the others break the element. */
function names(refs: Array<Reference<ast.Element>>, fits: (t: ast.Element) => boolean, broken: Broken): string[] {
    const out: string[] = [];
    for (const ref of refs) {
        const t = target(ref);
        if (t && fits(t)) out.push(t.name);
        else broken();
    }
    return out;
}

/** A scalar statement's value; a value that does not read breaks the element (a missing one is a syntax error). */
function scalar(s: ast.Statement & { value?: string }, broken: Broken): number | undefined {
    const value = scalarValue(s);
    if (value === undefined && s.value !== undefined) broken();
    return value;
}

/** A duration written after `lag` or `every`; one that does not read breaks the element. */
function durationOf(text: string, broken: Broken): number | undefined {
    const result = readDuration(text);
    if ('error' in result) {
        broken();
        return undefined;
    }
    return result.value;
}
