/**
 * Every finding code, in one table: its default severity, where it sits in the source, and one
 * line that says when it is reported. Everything else is derived from it: the `FindingCode`
 * type, the severity and anchor of each finding (`newFinding`), the `topo.severity.*` settings
 * in package.json and the findings tables of the docs (`npm run generate`, checked by
 * test/docs/generated.test.ts), the pages docs/findings/<code>.md (test: one per code).
 *
 * Adding a code: a row here, its rule in a file of this folder, its page in docs/findings/, then
 * `npm run generate`. The compiler and the tests point at anything forgotten.
 */

import type { Tier } from '../model.js';
import type { AnchorPart, Finding, Related, Severity } from '../results.js';

export interface FindingCodeInfo {
    /** 'tier': follows the tier of the element it is about (critical → error, high and normal → warning, low → information) */
    readonly severity: Severity | 'tier';
    /** whose tier, when it is not the service's own (for the docs) */
    readonly tierOf?: string;
    /** the part of the element the finding is placed on */
    readonly anchor: AnchorPart;
    /** where that is, in words (for the docs) */
    readonly on: string;
    /** when it is reported, in one line */
    readonly summary: string;
}

export const FINDING_CODES = {
    'spof': {
        severity: 'tier', anchor: 'name', on: "the service's name",
        summary: 'one failure domain, failing alone, takes the service down'
    },
    'capacity-shortfall': {
        severity: 'tier', anchor: 'capacity', on: '`capacity`',
        summary: 'one failure leaves some replicas, but fewer than `capacity` (N+1 not met), or `capacity` exceeds all replicas'
    },
    'backup-colocated': {
        severity: 'tier', anchor: 'backup', on: '`backup on`',
        summary: "one failure domain holds every copy of a datastore's data"
    },
    'async-replication': {
        severity: 'information', anchor: 'replication', on: '`replication async`',
        summary: 'a failover can lose writes not yet replicated'
    },
    'observer-shares-fate': {
        severity: 'tier', tierOf: "the observer's", anchor: 'monitors', on: 'the `monitors` entry',
        summary: 'one failure takes down both the observer and what it watches'
    },
    'slo-unreachable': {
        severity: 'tier', anchor: 'slo', on: '`slo`',
        summary: 'the computed availability (or its upper bound) is below the SLO'
    },
    'slo-undecided': {
        severity: 'information', anchor: 'slo', on: '`slo`',
        summary: 'on a model too large to compute exactly, the SLO lies between the availability bounds'
    },
    'dependency-cycle': {
        severity: 'warning', anchor: 'dependsOn', on: 'each `depends on` entry in the cycle',
        summary: 'hard dependencies form a cycle: recovery order is undefined'
    },
    'never-up': {
        severity: 'error', anchor: 'name', on: "the service's name",
        summary: 'the service is down with nothing failed'
    },
    'unplaced': {
        severity: 'information', anchor: 'name', on: "the service's name",
        summary: 'a service with neither `runs on` nor `depends on`'
    },
    'quorum-unplaced': {
        severity: 'warning', anchor: 'quorum', on: '`quorum`',
        summary: '`quorum` on a service without `runs on` has no effect'
    },
    'capacity-unplaced': {
        severity: 'warning', anchor: 'capacity', on: '`capacity`',
        summary: '`capacity` on a service without `runs on` has no effect'
    },
    'failover-unused': {
        severity: 'warning', anchor: 'failover', on: '`failover`',
        summary: '`failover` on a service with no standby deployment has no effect'
    },
    // recovery targets and survival policies (targets.ts)
    'rto-exceeded': {
        severity: 'tier', anchor: 'rto', on: '`rto` (the name, for a tier policy)',
        summary: 'one failure domain, failing alone, keeps the service down longer than its `rto`'
    },
    'rto-unverifiable': {
        severity: 'information', anchor: 'rto', on: '`rto` (the name, for a tier policy)',
        summary: 'no single failure exceeds the `rto` as far as is known, but some outage has no known length (a missing `recovery` or `failover`)'
    },
    'rpo-exceeded': {
        severity: 'tier', anchor: 'rpo', on: '`rpo` (the name, for a tier policy)',
        summary: 'one failure domain, failing alone, loses more recent writes of the datastore than its `rpo`'
    },
    'rpo-unverifiable': {
        severity: 'information', anchor: 'rpo', on: '`rpo` (the name, for a tier policy)',
        summary: 'no single failure exceeds the `rpo` as far as is known, but some loss has no known bound (a missing `lag`, `every` or `replication`)'
    },
    'survival-policy': {
        severity: 'tier', anchor: 'survive', on: '`survive` (the name, for a tier policy)',
        summary: 'some set of at most `survive` failure domains, failing together, takes the service down'
    },
    'acceptance-expired': {
        severity: 'warning', anchor: 'accept', on: 'the `accept` statement',
        summary: 'the `until` date of an `accept` has passed: the finding it accepted is reported again'
    },
    'unused-acceptance': {
        severity: 'warning', anchor: 'accept', on: 'the `accept` statement',
        summary: 'an `accept` matches no finding of its element (fixed, or a wrong code or cause)'
    },
    'drill-failed': {
        severity: 'error', anchor: 'expect', on: 'the `expect` of a `drill`',
        summary: 'simulating a drill, an `expect` does not hold: the message says what the simulation found'
    }
} as const satisfies Record<string, FindingCodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Every code, in the table's order. */
export const FINDING_CODE_LIST = Object.keys(FINDING_CODES) as FindingCode[];

export function isFindingCode(code: string): code is FindingCode {
    return Object.prototype.hasOwnProperty.call(FINDING_CODES, code);
}

/** Critical → error, high → warning, normal → warning, low → information. */
export function tierSeverity(tier: Tier | undefined): Severity {
    switch (tier) {
        case 'critical': return 'error';
        case 'low': return 'information';
        default: return 'warning';
    }
}

/** The default severity of `code` for an element of `tier`. */
export function severityOf(code: FindingCode, tier: Tier | undefined): Severity {
    const severity: FindingCodeInfo['severity'] = FINDING_CODES[code].severity;
    return severity === 'tier' ? tierSeverity(tier) : severity;
}

/** What a finding is about: the element it sits on (its tier sets a "tier" severity), and for `monitors`/`depends on` anchors the entry it names. */
export interface FindingSubject {
    element: string;
    tier: Tier | undefined;
    target?: string;
}

/** A finding names at most this many causes (the first in name order); `causeCount` says how many there are. */
export const MAX_LISTED_CAUSES = 20;

/**
 * A finding of `code` about `subject`, with the severity and anchor the table gives. `causes`
 * are the nearest causes in name order (only the first MAX_LISTED_CAUSES are needed, and kept);
 * `causeCount` the number of all of them.
 */
export function newFinding(
    code: FindingCode, subject: FindingSubject, message: string, causes: string[] = [], related: Related[] = [], causeCount = causes.length
): Finding {
    const anchor: Finding['anchor'] = { element: subject.element, part: FINDING_CODES[code].anchor };
    if (subject.target !== undefined) anchor.target = subject.target;
    const listed = causes.length > MAX_LISTED_CAUSES ? causes.slice(0, MAX_LISTED_CAUSES) : causes;
    return { code, severity: severityOf(code, subject.tier), subject: subject.element, causes: listed, causeCount, message, anchor, related };
}
