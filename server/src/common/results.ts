/**
 * The results that cross the wire as they are (the CLI's JSON, the language server's custom
 * requests, the preview): plain types, no dependencies. The analysis produces them
 * (analysis/results.ts re-exports them with the rest of its output types).
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Outage {
    /** null when unknown (no recovery or failover time given, or a failed service) */
    minutes: number | null;
    reason: string;
    /** the service's users: who waits that long */
    users: number;
}

/**
 * The outage over time: a step function from the failure (at 0) until everything is back. Each
 * step holds from its `at` until the next step's; the last step is the state from then on (empty
 * when everything comes back; otherwise what stays out for an unknown time).
 */
export interface Timeline {
    steps: TimelineStep[];
    /** minutes until every service is back; null when some outage length is unknown */
    end: number | null;
}

export interface TimelineStep {
    /** minutes since the failure */
    at: number;
    /** services down from `at` on (sorted by name) */
    down: string[];
    /** services up but degraded from `at` on (sorted by name) */
    degraded: string[];
    /** the users of those services */
    users: number;
    /** of `down` and `degraded`, those whose end is unknown (no recovery or failover time given) */
    unknown: string[];
}

export interface SimulationResult {
    failed: string[];
    /** services down */
    down: string[];
    /** services up but degraded */
    degraded: string[];
    /** services up and not degraded */
    up: string[];
    /** failure domains down (failed, or brought down) */
    domainsDown: string[];
    /** sum of `users` of the services down or degraded */
    users: number;
    /** every service interrupted at all (T > 0) */
    outages: Record<string, Outage>;
    /** the outage over time (simulate's JSON, the preview's chart); absent where not computed */
    timeline?: Timeline;
}
