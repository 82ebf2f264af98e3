/**
 * A diagnostic's fingerprint: what stays the same when lines move. A finding is known by its
 * code, its subject (a name, unique in the model), the entry it sits on when it sits on one (the
 * service a `monitors` entry names, the target of a `depends on`) and its causes; a language error, which has
 * no subject, by its code, its file and its message. Two diagnostics with the same key are told
 * apart by their order (`…:2`, `…:3`), as code-scanning tools do. Used by SARIF's
 * `partialFingerprints`, baselines and `topo diff`.
 */
import { createHash } from 'node:crypto';
import type { TopoDiagnostic } from '../language/diagnostics.js';
import { displayPath } from './paths.js';

/** The name of the fingerprint in SARIF's `partialFingerprints` (versioned: a new way of hashing gets a new name). */
export const FINGERPRINT_NAME = 'topoFinding/v1';

/** What the hash is taken of. */
export function fingerprintKey(d: TopoDiagnostic, cwd = process.cwd()): string {
    const parts = d.subject !== undefined
        ? [d.code, d.subject, d.target ?? '', ...(d.causes ?? []), String(d.causeCount ?? d.causes?.length ?? 0)]
        : [d.code, displayPath(d.uri, cwd).split('\\').join('/'), d.message];
    return JSON.stringify(parts);
}

/**
 * The fingerprint of every diagnostic, in the order given (which should be sorted, so that a
 * repeated key gets the same suffix every time): 32 hex digits of SHA-256.
 */
export function fingerprints(diagnostics: readonly TopoDiagnostic[], cwd = process.cwd()): string[] {
    const seen = new Map<string, number>();
    return diagnostics.map(d => {
        const hash = createHash('sha256').update(fingerprintKey(d, cwd)).digest('hex').slice(0, 32);
        const count = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, count);
        return count === 1 ? hash : `${hash}:${count}`;
    });
}
