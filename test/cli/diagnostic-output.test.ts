import * as assert from 'node:assert/strict';
import { jsonDiagnosticText, toJsonDiagnostic } from '../../server/src/cli/diagnostic-output.js';
import type { TopoDiagnostic } from '../../server/src/language/diagnostics.js';

const range = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 4 } });

describe('CLI JSON: a diagnostic written directly', () => {
    const shared = range(5, 2);
    const cases: TopoDiagnostic[] = [
        {
            uri: 'file:///work/a%20b/m.topo', range: range(3, 8), severity: 'warning', code: 'spof',
            message: 'talk goes down if "pangyo" fails\n(\u2028 \\ </script> \u{1F525})', subject: 'talk', causes: ['pangyo', 'x"y'],
            related: [{ uri: 'file:///other/s.topo', range: range(0, 0), message: 'if pangyo fails, talk goes down' }]
        } as unknown as TopoDiagnostic,
        { uri: 'file:///work/m.topo', range: range(0, 0), severity: 'error', code: 'syntax', message: 'expected "}"', related: [] } as unknown as TopoDiagnostic,
        {
            // related messages with and without what JSON escapes; one range object in two files (its text is kept per place)
            uri: 'file:///work/m.topo', range: shared, severity: 'information', code: 'spof', message: 'plain \u007f \u2028 \u{1F525} → —',
            related: [
                { uri: 'file:///work/m.topo', range: shared, message: 'plain → — \u{1F525}' },
                { uri: 'file:///work/n.topo', range: shared, message: 'a "quote", a \\ and a \t tab' },
                { uri: 'file:///work/m.topo', range: range(2, 1), message: 'a lone \ud800 surrogate and \u0000' },
                { uri: 'file:///work/m.topo', range: shared, message: '' }
            ]
        } as unknown as TopoDiagnostic
    ];
    for (const d of cases) {
        it(`is exactly JSON.stringify of the object (${d.code}, ${d.severity})`, () => {
            const text = jsonDiagnosticText(d, process.cwd());
            assert.equal(text, JSON.stringify(toJsonDiagnostic(d)));
            assert.deepEqual(JSON.parse(text), toJsonDiagnostic(d));
        });
    }
});
