/**
 * Every statement of the language, in one table keyed by its AST type: how it is written, which
 * elements may hold it, whether it may repeat, how its value is read, where findings about it
 * are placed, and its one line of documentation. The validator, the model builder, completion
 * and hovers read it; adding a statement to the grammar without a row here does not compile.
 *
 * Adding a statement: the grammar rule (server/src/topo.langium, then `npm run langium:generate`),
 * a row here, its field in analysis/model.ts (with its role in `ELEMENT_FIELDS`), its case in
 * build-model.ts, `npm run generate` (docs and TextMate keywords), and its section in
 * docs/language.md.
 */
import type { ElementKind } from '../analysis/model.js';
import type { AnchorPart } from '../analysis/results.js';
import type * as ast from '../generated/ast.js';
import { readCount, readDuration, readPercentage, readWholeNumber, type ValueResult } from './values.js';

export type StatementType = ast.Statement['$type'];

/** How a statement's value is written. */
export type ValueShape =
    /** `pangyo (30), ansan (40, standby)` */
    | 'deployments'
    /** `a, any (b, c), 2 of (d, e, f)` */
    | 'terms'
    /** names of services or datastores */
    | 'services'
    /** names of failure domains */
    | 'domains'
    /** names of elements of any kind */
    | 'elements'
    /** one of `choices` */
    | 'choice'
    /** one free word (`suggestions` are offered) */
    | 'word'
    /** words separated by commas */
    | 'words'
    /** a quoted string */
    | 'text'
    /** `spof from a, b "reason" until 2027-03-31`: a finding code, its causes, a reason, a date */
    | 'acceptance'
    | ScalarShape;

/** A value the validator reads from the QUANTITY token (values.ts). */
export type ScalarShape = 'whole' | 'duration' | 'percentage' | 'count';

/** The statements findings are placed on (besides names and the entries of `monitors` and `depends on`). */
export type StatementAnchor = Exclude<AnchorPart, 'name' | 'monitors' | 'dependsOn' | 'accept' | 'expect'>;

type Words = ast.Keyword | `${ast.Keyword} ${ast.Keyword}`;

export interface StatementInfo {
    /** how it is written, its keyword or keywords */
    readonly keyword: Words;
    /** the kinds of element that may hold it */
    readonly kinds: readonly ElementKind[];
    /** may it appear more than once in an element? */
    readonly repeat: boolean;
    readonly value: ValueShape;
    /** the values a `choice` takes */
    readonly choices?: readonly ast.Keyword[];
    /** words completion offers for a `word` */
    readonly suggestions?: readonly string[];
    /** the findings placed on this statement */
    readonly anchor?: StatementAnchor;
    /** one line for completion and hovers */
    readonly doc: string;
}

const DOMAINS: readonly ElementKind[] = ['region', 'site', 'infra'];
const SERVICES: readonly ElementKind[] = ['service', 'datastore'];
const ALL: readonly ElementKind[] = [...DOMAINS, ...SERVICES];

export const STATEMENTS = {
    RunsOn: {
        keyword: 'runs on', kinds: SERVICES, repeat: true, value: 'deployments',
        doc: 'deployments: the sites it runs on, with replicas — `runs on a (3), b (2, standby)`'
    },
    DependsOn: {
        keyword: 'depends on', kinds: ALL, repeat: true, value: 'terms',
        doc: 'hard dependencies — `depends on a, any (b, c), 2 of (d, e, f)`'
    },
    Uses: { keyword: 'uses', kinds: SERVICES, repeat: true, value: 'services', doc: 'soft dependencies: degraded, not down, without them' },
    Monitors: { keyword: 'monitors', kinds: SERVICES, repeat: true, value: 'elements', doc: 'what this service observes: a service, or a network, site or other element' },
    BackupOn: {
        keyword: 'backup on', kinds: ['datastore'], repeat: true, value: 'domains', anchor: 'backup',
        doc: 'where backup copies of the data live'
    },
    Quorum: { keyword: 'quorum', kinds: SERVICES, repeat: false, value: 'whole', anchor: 'quorum', doc: 'replicas needed up (default 1)' },
    Capacity: {
        keyword: 'capacity', kinds: SERVICES, repeat: false, value: 'whole', anchor: 'capacity',
        doc: 'replicas needed to carry full load'
    },
    Failover: {
        keyword: 'failover', kinds: SERVICES, repeat: false, value: 'duration', anchor: 'failover',
        doc: 'time to move traffic to standby deployments — `30m`'
    },
    Recovery: { keyword: 'recovery', kinds: DOMAINS, repeat: false, value: 'duration', doc: 'time to restore this failure domain — `10h`' },
    Availability: {
        keyword: 'availability', kinds: ALL, repeat: false, value: 'percentage',
        doc: 'its own probability of being up — `99.95%`'
    },
    Users: {
        keyword: 'users', kinds: SERVICES, repeat: false, value: 'count',
        doc: 'people affected when it is down or degraded — `43.2M`'
    },
    Tier: {
        keyword: 'tier', kinds: SERVICES, repeat: false, value: 'choice', choices: ['critical', 'high', 'normal', 'low'],
        doc: 'critical | high | normal | low: sets the severity of findings'
    },
    Slo: { keyword: 'slo', kinds: SERVICES, repeat: false, value: 'percentage', anchor: 'slo', doc: 'target availability — `99.99%`' },
    Replication: {
        keyword: 'replication', kinds: ['datastore'], repeat: false, value: 'choice', choices: ['sync', 'async'], anchor: 'replication',
        doc: 'sync | async: how writes reach the other replicas'
    },
    InfraKind: {
        keyword: 'kind', kinds: ['infra'], repeat: false, value: 'word',
        suggestions: ['power', 'network', 'dns', 'provider', 'cooling', 'control-plane'],
        doc: 'one word: power, network, dns, provider, …'
    },
    Owner: { keyword: 'owner', kinds: ALL, repeat: false, value: 'text', doc: 'metadata: who owns it' },
    Description: { keyword: 'description', kinds: ALL, repeat: false, value: 'text', doc: 'metadata: what it is' },
    Operator: { keyword: 'operator', kinds: ALL, repeat: false, value: 'text', doc: 'metadata: who runs it' },
    Tags: { keyword: 'tags', kinds: ALL, repeat: true, value: 'words', doc: 'metadata — `tags a, b`' },
    Rto: {
        keyword: 'rto', kinds: SERVICES, repeat: false, value: 'duration', anchor: 'rto',
        doc: 'recovery time objective: no single failure may keep it down longer — `1h`'
    },
    Rpo: {
        keyword: 'rpo', kinds: ['datastore'], repeat: false, value: 'duration', anchor: 'rpo',
        doc: 'recovery point objective: no single failure may lose more recent writes — `5m`'
    },
    Survive: {
        keyword: 'survive', kinds: SERVICES, repeat: false, value: 'whole', anchor: 'survive',
        doc: 'it must stay up when any N failure domains fail together (1 to 3) — `survive 2`'
    },
    Accept: {
        keyword: 'accept', kinds: SERVICES, repeat: true, value: 'acceptance',
        doc: 'an accepted risk: this element\'s finding of that code, shown as a hint — `accept spof from pangyo "INFRA-1234" until 2027-03-31`'
    }
} as const satisfies Record<StatementType, StatementInfo>;

// every statement anchor of a finding is some statement's (else a compile error names the one missing)
type Anchored = (typeof STATEMENTS)[StatementType] extends infer S ? S extends { anchor: infer A } ? A : never : never;
type UnanchoredParts = Exclude<StatementAnchor, Anchored>;
const everyAnchorHasAStatement: [UnanchoredParts] extends [never] ? true : UnanchoredParts = true;
void everyAnchorHasAStatement;

export const STATEMENT_TYPES = Object.keys(STATEMENTS) as StatementType[];

export function statementInfo(type: StatementType): StatementInfo {
    return STATEMENTS[type];
}

/** The statement a keyword starts (its first word): `runs` → RunsOn. */
export const STATEMENT_BY_FIRST_WORD: ReadonlyMap<string, StatementType> = new Map(
    STATEMENT_TYPES.map(type => [STATEMENTS[type].keyword.split(' ')[0], type])
);

/** The statements `kind` may hold, in the table's order. */
export function statementsOf(kind: ElementKind): StatementType[] {
    return STATEMENT_TYPES.filter(type => (STATEMENTS[type].kinds as readonly ElementKind[]).includes(kind));
}

export function isScalar(shape: ValueShape): shape is ScalarShape {
    return shape === 'whole' || shape === 'duration' || shape === 'percentage' || shape === 'count';
}

/** Reads a scalar statement's value (the one reader the validator and the model builder share). */
export function readScalar(type: StatementType, text: string): ValueResult {
    const info: StatementInfo = STATEMENTS[type];
    switch (info.value) {
        case 'whole': return readWholeNumber(text, info.keyword);
        case 'duration': return readDuration(text);
        case 'percentage': return readPercentage(text);
        case 'count': return readCount(text);
        default: return { error: `${info.keyword} takes no number` };
    }
}

/** The value of a scalar statement, or undefined when it is missing or bad (the validator says why). */
export function scalarValue(statement: ast.Statement & { value?: string }): number | undefined {
    if (statement.value === undefined) return undefined;
    const result = readScalar(statement.$type, statement.value);
    return 'value' in result ? result.value : undefined;
}
