/**
 * `--fail-on error|warning|information|never`: the lowest severity that makes `check` (and
 * `diff`, for what a change adds) exit 1. Hints never count, nor do accepted findings.
 */
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { FAIL_ON_VALUES, type FailOn } from '../node/topo-config.js';
import { UsageError } from './usage-error.js';

export type { FailOn };
export { FAIL_ON_VALUES };

export const DEFAULT_FAIL_ON: FailOn = 'error';

const RANK: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** Whether this diagnostic alone would fail the run. */
export function fails(d: TopoDiagnostic, failOn: FailOn): boolean {
    if (failOn === 'never' || d.accepted) return false;
    return (RANK[d.severity] ?? 0) >= RANK[failOn] && d.severity !== 'hint';
}

export function failsOn(diagnostics: Iterable<TopoDiagnostic>, failOn: FailOn): boolean {
    for (const d of diagnostics) if (fails(d, failOn)) return true;
    return false;
}

export function parseFailOn(value: string): FailOn {
    if (!FAIL_ON_VALUES.includes(value as FailOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, not "${value}"`);
    return value as FailOn;
}
