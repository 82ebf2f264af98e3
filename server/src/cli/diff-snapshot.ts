/**
 * One side of `topo diff`: what a set of models says about resilience — every diagnostic (with
 * its fingerprint), and per service its SPOFs, availability and worst single-failure outage, per
 * failure domain the users its failure affects.
 */
import { analyzeCompiled, compileModel } from '../analysis/index.js';
import { findingDiagnostics, type TopoDiagnostic } from '../language/diagnostics.js';
import type { TopoConfig } from '../node/topo-config.js';
import { maximalRoots } from './check-loop.js';
import { fingerprints } from './fingerprint.js';
import { loadFiles, rootModel } from './load-models.js';
import { expandPathsFound } from './paths.js';
import { applySeverities } from './severity-overrides.js';
import { sortDiagnostics } from './diagnostic-output.js';
import { unreadableFileDiagnostic } from './unreadable-file.js';
import { UsageError } from './usage-error.js';

export interface WorstOutage {
    /** null: unknown (no recovery or failover time given) */
    minutes: number | null;
    /** the single failure domain that causes it (the first in name order among the worst) */
    domain: string;
}

export interface ServiceState {
    spofs: string[];
    availability: number | null;
    /** null when no single failure interrupts it */
    worstOutage: WorstOutage | null;
}

export interface Snapshot {
    diagnostics: TopoDiagnostic[];
    /** the fingerprint of each diagnostic, in the same order */
    prints: string[];
    services: Map<string, ServiceState>;
    /** failure domain → users of the services its failure takes down or degrades */
    domains: Map<string, number>;
}

/**
 * `rewriteUri`: where a file read from elsewhere really lives (a git revision written to a
 * temporary folder is reported at the paths of the working tree).
 */
export async function takeSnapshot(paths: string[], config: TopoConfig | undefined, rewriteUri: (uri: string) => string = u => u): Promise<Snapshot> {
    const { files, found } = await expandPathsFound(paths);
    if (files.length === 0) throw new UsageError(`no .topo files in ${paths.join(', ')}`);
    const workspace = await loadFiles(files, found);
    const byKey = new Map<string, TopoDiagnostic>();
    const add = (d: TopoDiagnostic) => {
        const placed = rewrite(d, rewriteUri);
        const key = `${placed.uri}|${placed.range.start.line}:${placed.range.start.character}|${placed.code}|${placed.subject ?? placed.message}`;
        if (!byKey.has(key)) byKey.set(key, placed);
    };
    const services = new Map<string, ServiceState>();
    const domains = new Map<string, number>();
    for (const file of workspace.unreadable) add(unreadableFileDiagnostic(file, 'checked'));
    for (const root of maximalRoots(workspace)) {
        const model = rootModel(workspace, root);
        model.language.forEach(add);
        const cm = compileModel(model.built.model);
        const result = analyzeCompiled(cm);
        findingDiagnostics(result.findings, model.built.sources).forEach(add);
        for (const s of result.services) {
            if (services.has(s.name)) continue;
            const worst = s.worstOutage;
            services.set(s.name, { spofs: s.spofs, availability: s.availability, worstOutage: worst ? { minutes: worst.minutes, domain: worst.domain } : null });
        }
        for (const d of result.domains) if (!domains.has(d.name)) domains.set(d.name, d.users);
    }
    const diagnostics = sortDiagnostics(applySeverities([...byKey.values()], config?.severity ?? new Map()));
    return { diagnostics, prints: fingerprints(diagnostics), services, domains };
}

function rewrite(d: TopoDiagnostic, rewriteUri: (uri: string) => string): TopoDiagnostic {
    const uri = rewriteUri(d.uri);
    const related = d.related.map(r => ({ ...r, uri: rewriteUri(r.uri) }));
    return { ...d, uri, related };
}
