/**
 * Quick fixes (code actions with edits) for the diagnostics the client sends back:
 * - `spof`: add a standby deployment on a site that shares none of the service's SPOFs
 *   (quick-fix-spof.ts);
 * - `unresolved-reference`: import the file that declares the name, or the closest names;
 *   `wrong-kind`: the elements of the right kind (quick-fix-references.ts);
 * - `never-up` from an impossible quorum: lower it to the replica count; `quorum-unplaced`:
 *   remove the quorum (quick-fix-quorum.ts);
 * - `survival-policy`: add a deployment on a site outside every breaking set (quick-fix-survival.ts).
 * - any finding an `accept` may name: "Accept this risk…"; `unused-acceptance`: remove the
 *   `accept` (quick-fix-accept.ts).
 * Each fix offered removes its diagnostic once applied (test/editing/code-actions.test.ts).
 */
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { FindingData } from './lsp-diagnostics.js';
import type { TopoLspServices } from './lsp-module.js';
import { guard } from './log.js';
import { neverUpFixes, quorumUnplacedFixes } from './quick-fix-quorum.js';
import { unresolvedReferenceFixes, wrongKindFixes } from './quick-fix-references.js';
import { spofFixes } from './quick-fix-spof.js';
import { survivalFixes } from './quick-fix-survival.js';
import { acceptFixes, unusedAcceptanceFixes } from './quick-fix-accept.js';

export class TopoCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: TopoLspServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Promise<Array<Command | CodeAction> | undefined> {
        return guard(`code actions in ${document.uri.toString()}`, undefined, () => this.actions(document, params));
    }

    private actions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const only = params.context.only;
        if (only && !only.some(kind => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            if (diagnostic.source !== undefined && diagnostic.source !== 'topo') continue;
            actions.push(...this.fixesFor(document, diagnostic));
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (diagnostic.code) {
            case 'unresolved-reference':
            case 'linking-error':
                return unresolvedReferenceFixes(this.services, document, diagnostic);
            case 'wrong-kind':
                return wrongKindFixes(this.services, document, diagnostic);
        }
        const subject = subjectOf(document, diagnostic);
        if (!subject) return [];
        switch (diagnostic.code) {
            case 'spof':
                return [...spofFixes(document, this.services.topo.Analysis.viewOf(document), diagnostic, subject), ...this.acceptFixes(document, diagnostic, subject)];
            case 'never-up':
                return [...neverUpFixes(document, this.services.topo.Analysis.viewOf(document), diagnostic, subject), ...this.acceptFixes(document, diagnostic, subject)];
            case 'quorum-unplaced':
                return [...quorumUnplacedFixes(document, diagnostic, subject), ...this.acceptFixes(document, diagnostic, subject)];
            case 'survival-policy':
                return [...survivalFixes(document, this.services.topo.Analysis.viewOf(document), diagnostic, subject), ...this.acceptFixes(document, diagnostic, subject)];
            case 'unused-acceptance':
                return unusedAcceptanceFixes(document, diagnostic, subject);
            default:
                return this.acceptFixes(document, diagnostic, subject);
        }
    }

    /** "Accept this risk…" on a finding the editor published (not on a language error). */
    private acceptFixes(document: LangiumDocument, diagnostic: Diagnostic, subject: string): CodeAction[] {
        if ((diagnostic.data as FindingData | undefined)?.finding !== true) return [];
        return acceptFixes(document, this.services.topo.Analysis.viewOf(document), diagnostic, subject);
    }
}

/** The element a finding is about: from the diagnostic's data, else the element at its range. */
function subjectOf(document: LangiumDocument, diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as FindingData | undefined;
    if (typeof data?.subject === 'string') return data.subject;
    const root = document.parseResult.value;
    if (!ast.isModel(root)) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return root.elements.find(e => e.$cstNode && e.$cstNode.offset <= offset && offset < e.$cstNode.end)?.name;
}
