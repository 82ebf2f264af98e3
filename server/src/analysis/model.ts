/**
 * The plain data the analysis works on: what a `.topo` model says, with every reference
 * already resolved to a name. No source positions, no Langium, no I/O.
 *
 * Builders (the language layer, tests, the benchmark generator) produce a `Model`;
 * everything in `analysis/` reads it.
 */

export type DomainKind = 'region' | 'site' | 'infra';
export type ServiceKind = 'service' | 'datastore';
export type ElementKind = DomainKind | ServiceKind;
export type Tier = 'critical' | 'high' | 'normal' | 'low';

/**
 * The largest replica count, `quorum`, `capacity` or `K of` the language accepts (values.ts
 * rejects larger ones with an error): sums of replicas stay exact and small enough for every
 * computation.
 */
export const MAX_WHOLE_NUMBER = 1_000_000_000;

/** The most failure domains `survive N` may ask about (minimal cut sets are computed up to this order). */
export const MAX_SURVIVE = 3;

export const DOMAIN_KINDS: readonly ElementKind[] = ['region', 'site', 'infra'];

export function isDomainKind(kind: ElementKind): kind is DomainKind {
    return kind === 'region' || kind === 'site' || kind === 'infra';
}

/**
 * One term of a `depends on` statement: it holds when at least `k` of `members` are up.
 * `depends on a, b` gives two terms of form 'one' (k = 1, one member each);
 * `any (a, b)` gives k = 1 over both; `2 of (a, b, c)` gives k = 2.
 */
export interface Term {
    form: 'one' | 'any' | 'kof';
    k: number;
    members: string[];
}

/** One entry of `runs on`: `pangyo (30)`, `ansan (40, standby)`. */
export interface Deployment {
    domain: string;
    replicas: number;
    standby: boolean;
}

export interface ElementMeta {
    owner?: string;
    description?: string;
    operator?: string;
    /** the free word of `kind` on infra: power, network, dns, … */
    infraKind?: string;
    tags: string[];
}

export interface Element {
    name: string;
    kind: ElementKind;
    label?: string;
    /** `in X`: the container; when it fails, this element fails. */
    container?: string;
    /** hard dependencies, one entry per term */
    dependsOn: Term[];
    /** own probability of being up, 0..1; absent = always up */
    availability?: number;
    /** minutes to restore this failure domain after it failed; absent = unknown */
    recovery?: number;

    // services and datastores
    deployments: Deployment[];
    /** absent = 1 */
    quorum?: number;
    capacity?: number;
    /** minutes to move traffic to standby deployments; absent = unknown */
    failover?: number;
    /** soft dependencies */
    uses: string[];
    monitors: string[];
    users: number;
    tier: Tier;
    /** 0..1 */
    slo?: number;
    replication?: 'sync' | 'async';
    /** `backup on`: failure domains holding backup copies */
    backups: string[];
    /** `replication async lag 30s`: minutes of writes a surviving asynchronous replica may miss; absent = unknown */
    replicationLag?: number;
    /** `backup on gasan every 1h`: minutes between backups, per backup domain; absent = unknown */
    backupEvery?: Record<string, number>;

    // recovery targets and survival policies (targets.ts)
    /** `rto`: minutes any single failure may keep it down at most */
    rto?: number;
    /** `rpo` (datastores): minutes of writes any single failure may lose at most */
    rpo?: number;
    /** `survive N`: failure domains that may fail together without taking it down */
    survive?: number;

    meta: ElementMeta;

    /** `accept` statements: findings of this element the model accepts, in the order written */
    accepts?: AcceptStatement[];

    /**
     * The language layer could not read all of it (a syntax error, a bad value, a reference that
     * did not resolve): no finding is reported about it or anything that needs it (incomplete.ts).
     */
    incomplete?: boolean;
}

/**
 * `policy tier critical { rto 1h  rpo 5m  survive 2 }`: targets for every service (and, for
 * `rpo`, datastore) of that tier that does not set that target itself.
 */
export interface TierPolicy {
    tier: Tier;
    rto?: number;
    rpo?: number;
    survive?: number;
}

/** `accept CODE [from DOMAIN, …] "REASON" [until YYYY-MM-DD]` */
export interface AcceptStatement {
    /** the finding code it accepts (any text: the validator says when it is not a code) */
    code: string;
    /** the causes it accepts; empty: every cause */
    from: string[];
    reason: string;
    /** YYYY-MM-DD, the last day it holds */
    until?: string;
}

/**
 * `drill "NAME" { fail X, Y  expect S up|degraded  expect S down at most D  expect users down at most N }`:
 * a failure drill kept in the model, checked by simulating it.
 */
export interface Drill {
    name: string;
    /** the elements that fail together (names; every `fail` of the drill) */
    fail: string[];
    expects: Expectation[];
    /** a name or value did not read (the validator says why): the drill is not run */
    incomplete?: boolean;
}

/**
 * One `expect`, the worst state allowed: 'up' (neither down nor degraded once failed over),
 * 'degraded' (not down), 'down' with `atMost` (down, or interrupted, for at most that long).
 */
export interface Expectation {
    /** the service or datastore; absent for `expect users` */
    service?: string;
    state: 'up' | 'degraded' | 'down';
    /** minutes for a service; users for `expect users` */
    atMost?: number;
}

export interface Model {
    elements: Element[];
    /** top-level `policy` blocks (absent: none) */
    policies?: TierPolicy[];
    /** the failure drills, in file order (names are unique) */
    drills?: Drill[];
}

/**
 * What each field of an element decides. Code that compares elements by what matters to it
 * derives the fields it compares from here (`unchanged-cones.ts`: the 'up' fields), so a new
 * field without a role does not compile, and one with a role is compared where it matters.
 * - 'up': whether it is up under a failure, and for how long it is out (its cone's answers)
 * - 'health': whether it is degraded while up
 * - 'report': read by findings, blast radii and reports, never by the up/outage computation
 * - 'display': labels and metadata
 */
export type FieldRole = 'identity' | 'up' | 'health' | 'report' | 'display';

export const ELEMENT_FIELDS = {
    name: 'identity',
    kind: 'up',
    label: 'display',
    container: 'up',
    dependsOn: 'up',
    availability: 'up',
    recovery: 'up',
    deployments: 'up',
    quorum: 'up',
    capacity: 'health',
    failover: 'up',
    uses: 'health',
    monitors: 'report',
    users: 'report',
    tier: 'report',
    slo: 'report',
    replication: 'report',
    backups: 'report',
    replicationLag: 'report',
    backupEvery: 'report',
    rto: 'report',
    rpo: 'report',
    survive: 'report',
    meta: 'display',
    incomplete: 'report',
    accepts: 'report'
} as const satisfies Record<keyof Element, FieldRole>;

/** The fields of an element with the role `role`, in the order above. */
export function fieldsWithRole(role: FieldRole): Array<keyof Element> {
    return (Object.keys(ELEMENT_FIELDS) as Array<keyof Element>).filter(field => ELEMENT_FIELDS[field] === role);
}

/** A blank element of the given kind, for builders and tests to fill in. */
export function emptyElement(name: string, kind: ElementKind): Element {
    return {
        name, kind, dependsOn: [], deployments: [], uses: [], monitors: [], users: 0,
        tier: 'normal', backups: [], meta: { tags: [] }
    };
}
