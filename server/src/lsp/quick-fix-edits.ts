/**
 * What completion and the quick fixes share: the elements a file sees (and those it could see by
 * importing another file), which kinds a reference accepts where it is written, names close to a
 * misspelt one, and the edit that adds an `import`.
 */
import { AstUtils, UriUtils, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type Reference, type URI } from 'langium';
import type { Position, TextEdit } from 'vscode-languageserver';
import type { ElementKind } from '../analysis/model.js';
import * as ast from '../generated/ast.js';
import { ALL_KINDS, DOMAIN_KINDS, ELEMENT_KINDS, SERVICE_KINDS } from '../language/element-rules.js';
import type { TopoServices } from '../language/topo-module.js';

export interface Candidate {
    name: string;
    kind: ElementKind;
    label?: string;
    /** the declaring file */
    uri: string;
    documentUri: URI;
    /** true when the file does not see it (an import would bring it in) */
    elsewhere: boolean;
    description: AstNodeDescription;
}

/**
 * Elements of the given kinds: those the file sees, then (with `elsewhere`) those declared in a
 * file it does not import and not shadowed by a name it sees. Sorted by name.
 */
export function candidates(services: TopoServices, document: LangiumDocument, kinds: readonly ElementKind[], elsewhere: boolean): Candidate[] {
    const closure = services.imports.Imports.closure(document);
    const found: Candidate[] = [];
    for (const [name, declarations] of services.imports.NameIndex.all()) {
        const seen = declarations.find(d => closure.has(d.uri));
        const chosen = seen ? [seen] : elsewhere ? declarations : [];
        for (const d of chosen) {
            const node = d.description.node;
            if (!ast.isElement(node) || !kinds.includes(node.kind as ElementKind)) continue;
            found.push({
                name, kind: node.kind as ElementKind, label: node.label, uri: d.uri, documentUri: d.description.documentUri,
                elsewhere: !closure.has(d.uri), description: d.description
            });
        }
    }
    return found.sort((a, b) => compare(a.name, b.name) || compare(a.uri, b.uri));
}

/** The kinds a reference accepts, from the statement (or `in`) that holds it. */
export function acceptedKinds(container: AstNode, element: ast.Element | undefined): readonly ElementKind[] {
    if (ast.isElement(container)) return ELEMENT_KINDS[container.kind as ElementKind]?.containers ?? [];
    if (ast.isDeployment(container) || ast.isRunsOn(container) || ast.isBackupOn(container) || ast.isAccept(container)) return DOMAIN_KINDS;
    if (ast.isUses(container) || ast.isMonitors(container)) return SERVICE_KINDS;
    if (ast.isDependencyTerm(container) || ast.isDependsOn(container)) return ALL_KINDS;
    return element ? ALL_KINDS : [];
}

export interface ReferenceAt {
    reference: Reference<ast.Element>;
    node: CstNode;
    container: AstNode;
    element: ast.Element | undefined;
    kinds: readonly ElementKind[];
}

/** The reference written at `offset` (resolved or not). */
export function referenceAt(document: LangiumDocument, offset: number): ReferenceAt | undefined {
    const root = document.parseResult.value;
    for (const node of AstUtils.streamAst(root)) {
        for (const reference of referencesOf(node)) {
            const cst = reference.$refNode;
            if (!cst || offset < cst.offset || offset > cst.end) continue;
            const element = AstUtils.getContainerOfType(node, ast.isElement);
            return { reference, node: cst, container: node, element, kinds: acceptedKinds(node, element) };
        }
    }
    return undefined;
}

function referencesOf(node: AstNode): Array<Reference<ast.Element>> {
    if (ast.isElement(node)) return node.container ? [node.container] : [];
    if (ast.isDeployment(node)) return node.domain ? [node.domain] : [];
    if (ast.isSingleTerm(node)) return node.target ? [node.target] : [];
    if (ast.isAnyTerm(node) || ast.isCountTerm(node)) return node.members;
    if (ast.isUses(node) || ast.isMonitors(node) || ast.isBackupOn(node)) return node.targets;
    if (ast.isAccept(node)) return node.causes;
    return [];
}

/** Optimal string alignment distance: insertions, deletions, substitutions, swaps of neighbours. */
export function editDistance(a: string, b: string): number {
    const m = a.length, n = b.length;
    const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
    for (let j = 0; j <= n; j++) d[0][j] = j;
    for (let i = 1; i <= m; i++) {
        for (let j = 1; j <= n; j++) {
            const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[m][n];
}

/** The names close to `name` (a typo away, or one contains the other), closest first. */
export function closestNames<T extends { name: string }>(name: string, among: readonly T[], max: number): T[] {
    const limit = Math.max(2, Math.ceil(name.length * 0.4));
    const lower = name.toLowerCase();
    return among
        .map(c => {
            const other = c.name.toLowerCase();
            const contains = lower.length >= 3 && (other.includes(lower) || lower.includes(other));
            return { c, distance: contains ? Math.min(editDistance(name, c.name), limit) : editDistance(name, c.name) };
        })
        .filter(x => x.distance <= limit)
        .sort((x, y) => x.distance - y.distance || compare(x.c.name, y.c.name))
        .slice(0, max)
        .map(x => x.c);
}

/** Names sorted by how close they are to `name`, then by name. */
export function byCloseness<T extends { name: string }>(name: string, among: readonly T[]): T[] {
    return among
        .map(c => ({ c, distance: editDistance(name, c.name) }))
        .sort((x, y) => x.distance - y.distance || compare(x.c.name, y.c.name))
        .map(x => x.c);
}

/** How an `import` of `target` is written in `from`: relative to its folder. */
export function importPath(from: URI, target: URI): string {
    return UriUtils.relative(UriUtils.dirname(from), target);
}

/**
 * The edit that adds `import "path"`: on the line after the last import, or, without imports,
 * before the first element (and the comment lines right above it), set apart by a blank line.
 */
export function importEdit(document: LangiumDocument, path: string): TextEdit {
    const text = document.textDocument;
    const root = document.parseResult.value;
    const line = `import ${JSON.stringify(path)}`;
    const imports = ast.isModel(root) ? root.imports.filter(i => i.$cstNode) : [];
    if (imports.length > 0) {
        const end = imports[imports.length - 1].$cstNode!.range.end;
        if (end.line + 1 < text.lineCount) return insert({ line: end.line + 1, character: 0 }, `${line}\n`);
        return insert(text.positionAt(text.getText().length), `\n${line}\n`);
    }
    const first = ast.isModel(root) ? root.elements.find(e => e.$cstNode)?.$cstNode : undefined;
    if (!first) {
        const all = text.getText();
        return insert(text.positionAt(all.length), `${all.length > 0 && !all.endsWith('\n') ? '\n' : ''}${line}\n`);
    }
    let at = first.range.start.line;
    const lines = text.getText().split('\n');
    // keep a comment that describes the first element with it
    while (at > 0 && isCommentLine(lines[at - 1])) at--;
    return insert({ line: at, character: 0 }, `${line}\n\n`);
}

function isCommentLine(line: string): boolean {
    const t = line.trim();
    return t.startsWith('//') || t.startsWith('/*') || t.startsWith('*') || t.endsWith('*/');
}

function insert(position: Position, newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
