/**
 * The conformance cases: the product spec's suite, copied into test/fixtures/conformance/ (the
 * only copy the tests read; test/conformance/spec-copy.test.ts checks it against the spec's).
 * A case is a model file and the results expected of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './run-topo.js';

export const CONFORMANCE_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'conformance');

/** A finding as the spec states it (section 7): `causes` may be left out when there are none. */
export interface ExpectedFinding { code: string; severity: string; subject: string; causes?: string[] }

/** What an `*.expected.json` holds: the fields of the CLI's JSON that the case pins down. */
export interface ExpectedResults {
    analyze: {
        services: { name: string; spofs: string[]; nearest: string[]; availability: number | null }[];
        domains: { name: string; kind: string; down: string[]; degraded: string[]; users: number }[];
    };
    findings: ExpectedFinding[];
    simulate: {
        fail: string[];
        expect: {
            failed: string[]; down: string[]; degraded: string[]; up: string[]; users: number;
            outages: Record<string, { minutes: number | null }>;
        };
    }[];
}

export interface ConformanceCase {
    /** `01-single-site`; a case of several files is a folder: `11-imports` */
    name: string;
    /** the model file to load (a folder's `main.topo`) */
    file: string;
    expected: ExpectedResults;
}

const readJson = (path: string): ExpectedResults => JSON.parse(readFileSync(path, 'utf8')) as ExpectedResults;

/** Every case, in name order. */
export function conformanceCases(): ConformanceCase[] {
    const cases: ConformanceCase[] = [];
    for (const entry of readdirSync(CONFORMANCE_DIR).sort()) {
        const full = join(CONFORMANCE_DIR, entry);
        if (entry.endsWith('.topo')) {
            const name = entry.slice(0, -'.topo'.length);
            cases.push({ name, file: full, expected: readJson(join(CONFORMANCE_DIR, `${name}.expected.json`)) });
        } else if (existsSync(join(full, 'main.topo'))) {
            cases.push({ name: entry, file: join(full, 'main.topo'), expected: readJson(join(full, 'main.expected.json')) });
        }
    }
    return cases;
}

/** The case called `name`; an error naming the cases there are when there is none. */
export function conformanceCase(name: string): ConformanceCase {
    const cases = conformanceCases();
    const found = cases.find(c => c.name === name);
    if (found === undefined) throw new Error(`no conformance case ${name} in ${CONFORMANCE_DIR} (there are ${cases.map(c => c.name).join(', ')})`);
    return found;
}

