/**
 * `topo diff`'s comparison on hand-made snapshots: acceptances that begin or end (the `accept`
 * statement fills `accepted`), and which of them count for --fail-on.
 */
import { strict as assert } from 'node:assert';
import { compareSnapshots } from '../../server/src/cli/diff-compare.js';
import type { Snapshot } from '../../server/src/cli/diff-snapshot.js';
import { failsOn } from '../../server/src/cli/fail-on.js';
import { fingerprints } from '../../server/src/cli/fingerprint.js';
import type { TopoDiagnostic } from '../../server/src/language/diagnostics.js';

function finding(subject: string, line: number, accepted?: string): TopoDiagnostic {
    const range = { start: { line, character: 8 }, end: { line, character: 8 + subject.length } };
    return {
        uri: 'file:///work/m.topo', range, severity: accepted ? 'hint' : 'error', code: 'spof', message: `${subject} goes down if pangyo fails`,
        language: false, subject, causes: ['pangyo'], causeCount: 1, related: [], ...(accepted ? { accepted: { reason: accepted } } : {})
    };
}

function snapshot(diagnostics: TopoDiagnostic[]): Snapshot {
    return { diagnostics, prints: fingerprints(diagnostics, '/work'), services: new Map(), domains: new Map() };
}

describe('topo diff: acceptances', () => {
    it('a finding accepted in NEW is "newly accepted", not added; one no longer accepted counts again', () => {
        const before = snapshot([finding('auth', 3), finding('talk', 9, 'INFRA-1234'), finding('pay', 12)]);
        const after = snapshot([finding('auth', 5, 'until the Ansan build-out'), finding('talk', 11), finding('pay', 14)]);
        const diff = compareSnapshots(before, after);
        assert.deepEqual(diff.added, []);
        assert.deepEqual(diff.removed, []);
        assert.deepEqual(diff.accepted.map(d => d.subject), ['auth']);
        assert.deepEqual(diff.unaccepted.map(d => d.subject), ['talk']);
        assert.equal(failsOn(diff.added, 'error'), false);
        assert.equal(failsOn([...diff.added, ...diff.unaccepted], 'error'), true, 'talk is an error again');
        assert.equal(failsOn([finding('gift', 1, 'accepted')], 'information'), false, 'an accepted finding never counts');
    });
});
