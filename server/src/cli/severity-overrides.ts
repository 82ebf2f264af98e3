/**
 * The `severity` of topo.json: a finding code reported with another severity, or not at all
 * (`off`). Language errors keep theirs; an accepted finding stays a hint.
 */
import type { TopoDiagnostic } from '../language/diagnostics.js';
import type { ConfigSeverity } from '../node/topo-config.js';

export function applySeverities(diagnostics: TopoDiagnostic[], overrides: ReadonlyMap<string, ConfigSeverity>): TopoDiagnostic[] {
    if (overrides.size === 0) return diagnostics;
    const result: TopoDiagnostic[] = [];
    for (const d of diagnostics) {
        const override = d.language || d.accepted ? undefined : overrides.get(d.code);
        if (override === 'off') continue;
        result.push(override === undefined || override === d.severity ? d : { ...d, severity: override });
    }
    return result;
}
