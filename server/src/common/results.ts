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
}
