/**
 * A finding as one comparable line: code, severity, subject and causes, as the spec's JSON
 * states them (section 7). Findings of the engine, the CLI's JSON, the brute-force reference and
 * the conformance files all have these fields; lists of keys compare as sorted lists or multisets.
 * The causes keep their order: the spec sorts them by name, so an unsorted list is a difference.
 * A finding lists at most MAX_LISTED_CAUSES causes with `causeCount`, a reference every cause:
 * both are keyed by the first ones and the count.
 */
import { MAX_LISTED_CAUSES } from '../../server/src/analysis/findings/codes.js';

export interface KeyedFinding { code: string; severity: string; subject: string; causes?: readonly string[]; causeCount?: number }

export function findingKey(f: KeyedFinding): string {
    return findingKeyWithTarget(f, undefined);
}

/**
 * The same with the service an `observer-shares-fate` finding is about (`monitors X`): an
 * observer watching two services has a finding for each, alike but for the watched service,
 * and the key tells them apart. `undefined`: the plain key.
 */
export function findingKeyWithTarget(f: KeyedFinding, target: string | undefined): string {
    const watched = target === undefined ? '' : ` monitors ${target}`;
    const all = f.causes ?? [];
    const count = f.causeCount ?? all.length;
    const listed = all.slice(0, MAX_LISTED_CAUSES);
    return `${f.code} ${f.severity} on ${f.subject}${watched} causes [${listed.join(', ')}]${count !== listed.length ? ` of ${count}` : ''}`;
}
