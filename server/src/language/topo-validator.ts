/**
 * The language's own errors (spec section 3): names, where statements may appear, the kinds of
 * references, values, imports. Findings of the analysis are not here (see analysis/).
 * Every check is wrapped by Langium: a throwing check is logged and does not stop the others.
 */
import { AstUtils, URI, UriUtils, type ValidationAcceptor, type ValidationChecks, type LangiumDocuments } from 'langium';
import type * as ast from '../generated/ast.js';
import { MAX_SURVIVE, type ElementKind } from '../analysis/model.js';
import type { TopoServices } from './topo-module.js';
import type { TopoImports } from './topo-imports.js';
import type { NameIndex } from './topo-scope.js';
import { DOMAIN_KINDS, ELEMENT_KINDS, SERVICE_KINDS, describeKinds, withArticle } from './element-rules.js';
import { isReserved } from './keywords.js';
import { STATEMENTS, STATEMENT_TYPES, isScalar, readScalar, type StatementType } from './statements.js';
import { readCount, readDuration, readWholeNumber } from './values.js';
import type { LanguageErrorCode } from './error-codes.js';
import { acceptableCodes, isAcceptableCode, isCalendarDate } from '../analysis/acceptances.js';

export function registerTopoChecks(services: TopoServices): void {
    const validator = new TopoValidator(services);
    const checks: ValidationChecks<ast.TopoAstType> = {
        Model: [validator.checkImportsComeFirst, validator.checkImportsLoaded, validator.checkDuplicateNames, validator.checkDrillNames],
        Element: [validator.checkName, validator.checkStatementsAllowed, validator.checkContainer],
        Deployment: validator.checkDeployment,
        CountTerm: validator.checkCountTerm,
        Uses: validator.checkServiceTargets,
        BackupOn: validator.checkBackupTargets,
        Replication: validator.checkReplicationLag,
        Policy: [validator.checkPolicyStatements, validator.checkPolicyTier],
        Accept: validator.checkAccept,
        Drill: validator.checkDrill,
        Expect: validator.checkExpect
    };
    // every statement with a number, duration, percentage or count: its value read as the table says
    const scalars = STATEMENT_TYPES.filter(type => isScalar(STATEMENTS[type].value));
    const valueChecks: Record<string, unknown> = Object.fromEntries(scalars.map(type => [type, validator.checkValue]));
    valueChecks.Survive = [validator.checkValue, validator.checkSurvive];
    services.validation.ValidationRegistry.register({ ...checks, ...valueChecks } as ValidationChecks<ast.TopoAstType>, validator);
}

type Referencing = { ref?: ast.Element; $refText: string };

export class TopoValidator {
    private readonly imports: TopoImports;
    private readonly index: NameIndex;
    private readonly documents: LangiumDocuments;

    constructor(services: TopoServices) {
        this.imports = services.imports.Imports;
        this.index = services.imports.NameIndex;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    checkImportsComeFirst = (model: ast.Model, accept: ValidationAcceptor): void => {
        const first = model.elements[0]?.$cstNode?.offset;
        if (first === undefined) return;
        for (const imp of model.imports) {
            if ((imp.$cstNode?.offset ?? 0) > first) {
                accept('error', 'An `import` must come before the file\'s first element.', { node: imp, code: 'import-order' satisfies LanguageErrorCode });
            }
        }
    };

    checkImportsLoaded = (model: ast.Model, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(model);
        for (const { node, uri } of this.imports.importsOf(document)) {
            if (this.documents.hasDocument(uri)) continue;
            const why = this.imports.problems.get(uri.toString()) ?? 'does not exist';
            accept('error', `Cannot import "${node.path}": ${UriUtils.basename(uri)} ${why}.`, { node, property: 'path', code: 'missing-import' satisfies LanguageErrorCode });
        }
    };

    checkDuplicateNames = (model: ast.Model, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(model);
        const here = document.uri.toString();
        const closure = this.imports.closure(document);
        const seen = new Map<string, ast.Element>();
        for (const element of model.elements) {
            if (!element.name) continue;
            const earlier = seen.get(element.name);
            if (earlier) {
                accept('error', `Duplicate name \`${element.name}\`: already declared on line ${line(earlier)}. Names are unique across the model.`,
                    { node: element, property: 'name', code: 'duplicate-name' satisfies LanguageErrorCode });
                continue;
            }
            seen.set(element.name, element);
            const other = this.index.declarations(element.name).find(d => d.uri !== here && closure.has(d.uri));
            if (other) {
                const path = UriUtils.relative(UriUtils.dirname(document.uri), other.description.documentUri);
                accept('error', `Duplicate name \`${element.name}\`: already declared in ${path} (line ${(other.description.nameSegment?.range.start.line ?? 0) + 1}), which this file imports.`,
                    { node: element, property: 'name', code: 'duplicate-name' satisfies LanguageErrorCode });
            }
        }
        this.checkDuplicatesBroughtByImports(model, closure, accept);
    };

    /** Two imported files, neither importing the other, that declare the same name. */
    private checkDuplicatesBroughtByImports(model: ast.Model, closure: ReadonlySet<string>, accept: ValidationAcceptor): void {
        if (model.imports.length === 0) return;
        const here = AstUtils.getDocument(model).uri.toString();
        for (const [name, decls] of this.index.duplicated()) {
            const inClosure = decls.filter(d => closure.has(d.uri));
            if (inClosure.length < 2 || inClosure.some(d => d.uri === here)) continue;
            const seenTogether = inClosure.some(d => {
                const doc = this.documents.getDocument(d.description.documentUri);
                if (!doc) return false;
                const theirs = this.imports.closure(doc);
                return inClosure.filter(o => theirs.has(o.uri)).length >= 2;
            });
            if (seenTogether) continue; // reported in the file that sees both
            const paths = inClosure.map(d => UriUtils.relative(UriUtils.dirname(AstUtils.getDocument(model).uri), d.description.documentUri));
            accept('error', `The imports bring in \`${name}\` twice: it is declared in ${paths.join(' and ')}. Names are unique across the model.`,
                { node: model.imports[0], code: 'duplicate-name' satisfies LanguageErrorCode });
        }
    }

    checkName = (element: ast.Element, accept: ValidationAcceptor): void => {
        if (element.name && isReserved(element.name)) {
            accept('error', `\`${element.name}\` is a keyword and cannot be used as a name; choose another, such as \`${element.name}-${element.kind}\`.`,
                { node: element, property: 'name', code: 'keyword-name' satisfies LanguageErrorCode });
        }
    };

    checkStatementsAllowed = (element: ast.Element, accept: ValidationAcceptor): void => {
        const kind = element.kind as ElementKind;
        if (!ELEMENT_KINDS[kind]) return;
        const counted = new Set<string>();
        for (const statement of element.statements) {
            const info = STATEMENTS[statement.$type];
            const keyword = info.keyword;
            if (!(info.kinds as readonly ElementKind[]).includes(kind)) {
                accept('error', `\`${keyword}\` is not allowed in ${withArticle(kind)}${hintFor(statement.$type, kind)}.`, { node: statement, code: 'statement-not-allowed' satisfies LanguageErrorCode });
            } else if (!info.repeat) {
                if (counted.has(statement.$type)) {
                    accept('error', `\`${keyword}\` is given twice in ${element.name}; keep one.`, { node: statement, code: 'statement-repeated' satisfies LanguageErrorCode });
                }
                counted.add(statement.$type);
            }
        }
    };

    checkPolicyStatements = (policy: ast.Policy, accept: ValidationAcceptor): void => {
        const counted = new Set<string>();
        for (const statement of policy.statements) {
            const keyword = STATEMENTS[statement.$type].keyword;
            if (!POLICY_STATEMENTS.includes(statement.$type)) {
                accept('error', `\`${keyword}\` is not allowed in a policy: a policy holds only \`rto\`, \`rpo\` and \`survive\`.`,
                    { node: statement, code: 'statement-not-allowed' satisfies LanguageErrorCode });
            } else if (counted.has(statement.$type)) {
                accept('error', `\`${keyword}\` is given twice in the policy of tier ${policy.tier}; keep one.`, { node: statement, code: 'statement-repeated' satisfies LanguageErrorCode });
            }
            counted.add(statement.$type);
        }
    };

    /** One policy per tier in a model: the first one counts. */
    checkPolicyTier = (policy: ast.Policy, accept: ValidationAcceptor): void => {
        if (!policy.tier) return;
        const document = AstUtils.getDocument(policy);
        const here = document.uri.toString();
        const model = policy.$container;
        const earlier = model.policies.find(p => p !== policy && p.tier === policy.tier && (p.$cstNode?.offset ?? 0) < (policy.$cstNode?.offset ?? 0));
        if (earlier) {
            accept('error', `A policy for tier ${policy.tier} is already given on line ${line(earlier)}; a tier has one policy.`,
                { node: policy, property: 'tier', code: 'duplicate-name' satisfies LanguageErrorCode });
            return;
        }
        for (const uri of this.imports.closure(document)) {
            if (uri === here) continue;
            const other = this.documents.hasDocument(URI.parse(uri)) ? this.documents.getDocument(URI.parse(uri))?.parseResult.value as ast.Model | undefined : undefined;
            if (other?.policies?.some(p => p.tier === policy.tier)) {
                accept('error', `A policy for tier ${policy.tier} is also given in ${UriUtils.basename(URI.parse(uri))}, which this file sees through its imports; a tier has one policy.`,
                    { node: policy, property: 'tier', code: 'duplicate-name' satisfies LanguageErrorCode });
                return;
            }
        }
    };

    checkContainer = (element: ast.Element, accept: ValidationAcceptor): void => {
        if (!element.container) return;
        const kind = element.kind as ElementKind;
        const accepted = ELEMENT_KINDS[kind]?.containers ?? [];
        if (accepted.length === 0) {
            accept('error', `${capitalize(withArticle(kind))} cannot be \`in\` anything: say where it runs with \`runs on\`.`, { node: element, property: 'container', code: 'wrong-kind' satisfies LanguageErrorCode });
            return;
        }
        this.checkKind(element.container, accepted, `\`in\` on ${withArticle(kind)}`, element, 'container', accept);
        // containment must not loop back: walk the chain (bounded by the number of steps taken)
        const seen = new Set<ast.Element>([element]);
        let current = element.container.ref;
        while (current) {
            if (seen.has(current)) {
                if (current === element) {
                    accept('error', `\`${element.name}\` is contained in itself through \`in\`; containment cannot loop.`, { node: element, property: 'container', code: 'containment-cycle' satisfies LanguageErrorCode });
                }
                break;
            }
            seen.add(current);
            current = current.container?.ref;
        }
    };

    checkDeployment = (deployment: ast.Deployment, accept: ValidationAcceptor): void => {
        this.checkKind(deployment.domain, DOMAIN_KINDS, '`runs on`', deployment, 'domain', accept);
        if (deployment.replicas !== undefined) {
            const result = readWholeNumber(deployment.replicas, 'a replica count');
            if ('error' in result) accept('error', result.error, { node: deployment, property: 'replicas', code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    checkCountTerm = (term: ast.CountTerm, accept: ValidationAcceptor): void => {
        const result = readWholeNumber(term.count, 'the count of `K of (…)`');
        if ('error' in result) {
            accept('error', result.error, { node: term, property: 'count', code: 'bad-value' satisfies LanguageErrorCode });
        } else if (result.value > term.members.length) {
            accept('error', `\`${term.count} of (…)\` can never hold: it lists only ${term.members.length} element${term.members.length === 1 ? '' : 's'}.`,
                { node: term, property: 'count', code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    checkServiceTargets = (statement: ast.Uses, accept: ValidationAcceptor): void => {
        const keyword = STATEMENTS[statement.$type].keyword;
        statement.targets.forEach((target, i) => this.checkKind(target, SERVICE_KINDS, `\`${keyword}\``, statement, 'targets', accept, i));
    };

    checkBackupTargets = (statement: ast.BackupOn, accept: ValidationAcceptor): void => {
        this.checkBackupEvery(statement, accept);
        statement.targets.forEach((target, i) => this.checkKind(target, DOMAIN_KINDS, '`backup on`', statement, 'targets', accept, i));
    };

    checkReplicationLag = (statement: ast.Replication, accept: ValidationAcceptor): void => {
        if (statement.lag === undefined) return;
        const result = readDuration(statement.lag);
        if ('error' in result) {
            accept('error', `Bad lag: ${result.error}.`, { node: statement, property: 'lag', code: 'bad-value' satisfies LanguageErrorCode });
        } else if (statement.mode !== 'async') {
            accept('error', '`lag` applies only to `replication async`: synchronous replicas miss no writes.',
                { node: statement, property: 'lag', code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    checkBackupEvery = (statement: ast.BackupOn, accept: ValidationAcceptor): void => {
        if (statement.every === undefined) return;
        const result = readDuration(statement.every);
        if ('error' in result) accept('error', `Bad every: ${result.error}.`, { node: statement, property: 'every', code: 'bad-value' satisfies LanguageErrorCode });
    };

    checkSurvive = (statement: ast.Survive, accept: ValidationAcceptor): void => {
        const result = statement.value === undefined ? undefined : readWholeNumber(statement.value, 'survive');
        if (result === undefined || 'error' in result) return; // checkValue says why
        if (result.value < 1 || result.value > MAX_SURVIVE) {
            accept('error', `Bad survive: \`${statement.value}\` is outside 1 to ${MAX_SURVIVE}: write how many failure domains may fail together, like survive 2.`,
                { node: statement, property: 'value', code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    checkAccept = (statement: ast.Accept, accept: ValidationAcceptor): void => {
        if (statement.code && !isAcceptableCode(statement.code)) {
            const near = nearestCode(statement.code);
            accept('error', `\`${statement.code}\` is not a finding code that can be accepted${near ? `; did you mean \`${near}\`?` : '.'} The codes are listed in docs/findings/.`,
                { node: statement, property: 'code', code: 'unknown-finding-code' satisfies LanguageErrorCode });
        }
        statement.causes.forEach((cause, i) => this.checkKind(cause, DOMAIN_KINDS, '`accept … from`', statement, 'causes', accept, i));
        if (statement.code && statement.reason === undefined) {
            accept('error', `\`accept ${statement.code}\` needs a reason in quotes, such as \`accept ${statement.code} "Second site with the Ansan build-out, INFRA-1234"\`: whoever reads the model later must know why the risk was accepted.`,
                { node: statement, code: 'missing-reason' satisfies LanguageErrorCode });
        } else if (statement.reason !== undefined && statement.reason.trim() === '') {
            accept('error', `\`accept ${statement.code}\` needs a reason: the quotes are empty. Say why the risk is accepted, and until what.`,
                { node: statement, property: 'reason', code: 'missing-reason' satisfies LanguageErrorCode });
        }
        if (statement.until !== undefined && !isCalendarDate(statement.until)) {
            accept('error', `Bad until: \`${statement.until}\` is not a date of the calendar; write YYYY-MM-DD, like 2027-03-31.`,
                { node: statement, property: 'until', code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    checkDrillNames = (model: ast.Model, accept: ValidationAcceptor): void => {
        const seen = new Map<string, ast.Drill>();
        for (const drill of model.drills) {
            if (drill.name === undefined) continue;
            const earlier = seen.get(drill.name);
            if (earlier) {
                accept('error', `Duplicate drill "${drill.name}": already declared on line ${(earlier.$cstNode?.range.start.line ?? 0) + 1}. Drill names are unique in a file.`,
                    { node: drill, property: 'name', code: 'duplicate-name' satisfies LanguageErrorCode });
            } else seen.set(drill.name, drill);
        }
    };

    checkDrill = (drill: ast.Drill, accept: ValidationAcceptor): void => {
        if (drill.name !== undefined && drill.name.trim() === '') {
            accept('error', 'A drill needs a name in the quotes: `drill "Pangyo fire" { … }`.', { node: drill, property: 'name', code: 'bad-drill' satisfies LanguageErrorCode });
        }
        if (!drill.steps.some(s => s.$type === 'Fail')) {
            accept('error', `Drill "${drill.name ?? ''}" fails nothing: say what fails with \`fail\`, such as \`fail pangyo\`.`, { node: drill, property: 'name', code: 'bad-drill' satisfies LanguageErrorCode });
        }
        if (!drill.steps.some(s => s.$type === 'Expect')) {
            accept('error', `Drill "${drill.name ?? ''}" expects nothing: add \`expect SERVICE up\`, \`expect SERVICE down at most 30m\` or \`expect users down at most 1M\`.`,
                { node: drill, property: 'name', code: 'bad-drill' satisfies LanguageErrorCode });
        }
    };

    checkExpect = (expect: ast.Expect, accept: ValidationAcceptor): void => {
        const bad = (message: string, property?: string) => accept('error', message, { node: expect, property: property as never, code: 'bad-drill' satisfies LanguageErrorCode });
        const who = expect.users ? 'users' : expect.target?.$refText ?? '…';
        const state = expect.state;
        if (state === undefined) return;
        if (state !== 'up' && state !== 'degraded' && state !== 'down') {
            bad(`\`expect ${who} ${state}\`: the state is \`up\`, \`degraded\` or \`down\` (with \`at most\`).`, 'state');
            return;
        }
        if (expect.limit !== undefined && (expect.at !== 'at' || expect.most !== 'most')) {
            bad(`Write \`at most ${expect.limit}\` after \`${state}\`, not \`${expect.at ?? ''} ${expect.most ?? ''}\`.`, 'at');
            return;
        }
        if (expect.users) {
            if (state !== 'down' || expect.limit === undefined) bad('`expect users` takes `down at most N`: `expect users down at most 1M` (the users of the services down or degraded).');
            else {
                const n = readCount(expect.limit);
                if ('error' in n) bad(`Bad users: ${n.error}.`, 'limit');
            }
            return;
        }
        this.checkKind(expect.target, SERVICE_KINDS, '`expect`', expect, 'target', accept);
        if (state === 'down') {
            if (expect.limit === undefined) bad(`\`expect ${who} down\` needs a limit: \`expect ${who} down at most 30m\` (to say it must stay up, \`expect ${who} up\`).`);
            else {
                const d = readDuration(expect.limit);
                if ('error' in d) bad(`Bad duration: ${d.error}.`, 'limit');
            }
        } else if (expect.limit !== undefined) {
            bad(`\`at most\` bounds how long it is down: \`expect ${who} down at most ${expect.limit}\`; \`expect ${who} ${state}\` takes no limit.`, 'limit');
        }
    };

    checkValue = (node: ast.Statement, accept: ValidationAcceptor): void => {
        const text = (node as { value?: unknown }).value;
        // no value: the parser recovered from a syntax error there, which is reported already
        if (typeof text !== 'string') return;
        const result = readScalar(node.$type, text);
        if ('error' in result) {
            accept('error', `Bad ${STATEMENTS[node.$type].keyword}: ${result.error}.`, { node, property: 'value' as never, code: 'bad-value' satisfies LanguageErrorCode });
        }
    };

    /** `ref` is undefined where the parser recovered from a syntax error without the reference. */
    private checkKind(ref: Referencing | undefined, accepted: readonly ElementKind[], where: string, node: ast.TopoAstType[keyof ast.TopoAstType], property: string, accept: ValidationAcceptor, index?: number): void {
        const target = ref?.ref;
        if (!ref || !target || accepted.includes(target.kind as ElementKind)) return;
        accept('error', `${where} expects ${describeKinds(accepted)}, but \`${ref.$refText}\` is ${withArticle(target.kind)}.`,
            { node, property: property as never, index, code: 'wrong-kind' satisfies LanguageErrorCode });
    }
}

/** The statements a `policy` block may hold. */
const POLICY_STATEMENTS: readonly StatementType[] = ['Rto', 'Rpo', 'Survive'];


/** The acceptable code closest to a misspelt one (at most 2 edits away), for "did you mean". */
function nearestCode(code: string): string | undefined {
    let best: string | undefined;
    let bestDistance = 3;
    for (const candidate of acceptableCodes()) {
        const d = editDistance(code.toLowerCase(), candidate);
        if (d < bestDistance) { best = candidate; bestDistance = d; }
    }
    return best;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

function line(node: ast.Element | ast.Policy): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

function hintFor(statementType: StatementType, kind: ElementKind): string {
    if (statementType === 'RunsOn' && DOMAIN_KINDS.includes(kind)) return ': failure domains are placed with `in`';
    if ((statementType === 'Replication' || statementType === 'BackupOn') && kind === 'service') return ': declare it as a `datastore`';
    if (statementType === 'InfraKind') return ': only infra has a `kind`';
    return '';
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
