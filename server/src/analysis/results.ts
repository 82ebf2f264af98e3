/**
 * What the analysis returns: plain data, ready for the CLI's JSON, the language server's
 * diagnostics and hovers, and the tests. Element references are names.
 */

import type { DomainKind } from './model.js';
import type { Severity } from '../common/results.js';
import type { FindingCode } from './findings/codes.js';

export type { FindingCode } from './findings/codes.js';
export type { Outage, Severity, SimulationResult, Timeline, TimelineStep } from '../common/results.js';

/**
 * Where a finding sits in the source, said without positions: the element and which of its
 * statements. The language layer turns it into a range.
 * - 'name': the element's name
 * - 'capacity' | 'quorum' | 'failover' | 'slo' | 'replication' | 'backup': that statement
 * - 'monitors': the `monitors` entry naming `target`
 * - 'dependsOn': the `depends on` entry naming `target`
 * - 'rto' | 'rpo' | 'survive': that target (a target a tier policy gives sits on the name)
 * - 'accept': the element's `accept` statement number `target` (0, 1, … in the element's order)
 * - 'expect': `element` is a drill's name, `target` the number of its `expect` (0, 1, …)
 */
export type AnchorPart = 'name' | 'capacity' | 'quorum' | 'failover' | 'slo' | 'replication' | 'backup' | 'monitors' | 'dependsOn'
    | 'rto' | 'rpo' | 'survive' | 'accept' | 'expect';

export interface Anchor {
    element: string;
    part: AnchorPart;
    target?: string;
}

/** A place the finding points at besides its anchor: an element and why it matters. */
export interface Related {
    element: string;
    message: string;
}

/**
 * One step of the path that makes a failure fatal, read from the service towards the failed
 * domain: "talk → auth → runs only on pangyo".
 */
export interface PathStep {
    element: string;
    /** how the previous step reaches this one, in words: 'depends on', 'runs only on', 'is in', … */
    via: string;
    /** the same step said as a phrase for messages: 'auth', 'runs only on pangyo', 'pangyo is in capital' */
    text: string;
}

export interface Finding {
    code: FindingCode;
    severity: Severity;
    /** the element the finding is about */
    subject: string;
    /** the nearest failure domains that trigger it, sorted by name, at most 20; empty when none apply */
    causes: string[];
    /** how many nearest failure domains trigger it (causes lists the first 20) */
    causeCount: number;
    /** one paragraph for an on-call engineer: what fails, through which path, users, the fix */
    message: string;
    anchor: Anchor;
    related: Related[];
    /**
     * Set when an `accept` statement in the model accepts this finding (and has not expired):
     * it is then shown as a hint, not counted by `--fail-on`, and suppressed in SARIF.
     */
    accepted?: Acceptance;
}

/** An accepted risk: why, and until when (YYYY-MM-DD), as written in the model. */
export interface Acceptance {
    reason: string;
    until?: string;
}


export interface ServiceReport {
    name: string;
    kind: 'service' | 'datastore';
    /** all single failure domains that take it down, sorted by name */
    spofs: string[];
    /** the nearest of them, sorted by name */
    nearest: string[];
    /** for every SPOF: the path that makes it fatal */
    paths: Record<string, PathStep[]>;
    /** exact probability that it is up; null when nothing it depends on declares an availability */
    availability: number | null;
    /** sound bounds when the exact value was not computed within budget */
    availabilityBounds?: [number, number];
    /**
     * What the figure rests on: the elements of its cone that declare an availability, and the
     * failure domains of its cone that declare none (counted as never failing). Null when
     * `analyze` could not count it within its memory budget (docs/language.md).
     */
    availabilityFrom: { declared: number; undeclaredDomains: number } | null;
    /** expected minutes down per year, from availability */
    downtimeMinutesPerYear: number | null;
    /** down with nothing failed */
    neverUp: boolean;
    /**
     * Set by `analyze` (every report at once) and `Analysis.recovery` (one service's), not by a
     * single report (a code lens of every service does not simulate every failure of each).
     * The longest outage one failure domain, failing alone, causes (recovery-targets): minutes null
     * when some single failure's outage has no known length (that failure is named). Null when no
     * single failure interrupts it, or when it is never up.
     */
    worstOutage?: { domain: string; minutes: number | null; reason: string } | null;
    /**
     * Datastores only: the most recent writes one failure domain, failing alone, loses (`all`: every
     * copy is gone; minutes null and not `all`: the copies left do not say how recent they are).
     * Null when no single failure loses any.
     */
    worstDataLoss?: { domain: string; minutes: number | null; all: boolean } | null;
    /** its `rto` and `rpo` (minutes) and `survive`, its own or its tier policy's (set with `worstOutage`) */
    targets?: { rto?: number; rpo?: number; survive?: number };
}

/** What single failures cost one service: set on a report by `analyze`, or asked for alone (`Analysis.recovery`). */
export type RecoveryReport = Required<Pick<ServiceReport, 'worstOutage' | 'targets'>> & Pick<ServiceReport, 'worstDataLoss'>;

export interface DomainReport {
    name: string;
    kind: DomainKind;
    /** blast radius when this domain alone fails */
    down: string[];
    degraded: string[];
    users: number;
    /** failure domains brought down with it (itself included) */
    domainsDown: string[];
}

export interface AnalysisResult {
    services: ServiceReport[];
    domains: DomainReport[];
    findings: Finding[];
}
