/** The conformance cases copied from the product spec's suite: model file + expected results. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONFORMANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'conformance');

export interface ExpectedFinding { code: string; severity: string; subject: string; causes?: string[] }
export interface ExpectedSimulation { fail: string[]; expect: Record<string, unknown> }
export interface ConformanceCase {
    name: string;
    file: string;
    expected: {
        analyze: { services: unknown[]; domains: unknown[] };
        findings: ExpectedFinding[];
        simulate: ExpectedSimulation[];
    };
}

export function conformanceCases(): ConformanceCase[] {
    const cases: ConformanceCase[] = [];
    for (const entry of readdirSync(CONFORMANCE_DIR).sort()) {
        const full = join(CONFORMANCE_DIR, entry);
        if (entry.endsWith('.topo')) {
            const name = entry.slice(0, -'.topo'.length);
            cases.push({ name, file: full, expected: JSON.parse(readFileSync(join(CONFORMANCE_DIR, `${name}.expected.json`), 'utf8')) });
        } else if (existsSync(join(full, 'main.topo'))) {
            cases.push({ name: entry, file: join(full, 'main.topo'), expected: JSON.parse(readFileSync(join(full, 'main.expected.json'), 'utf8')) });
        }
    }
    return cases;
}

/** A finding as the conformance files state it: code, subject, severity and sorted causes. */
export function findingKey(f: ExpectedFinding): string {
    return `${f.code} ${f.subject} ${f.severity} [${[...(f.causes ?? [])].sort().join(',')}]`;
}
