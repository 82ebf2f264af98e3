/**
 * What the fuzzer feeds the pipeline, as fast-check arbitraries (so a failure shrinks):
 *
 * - `tokenSoup`: random sequences of the language's own vocabulary (keywords, a few names, the
 *   punctuation, good and bad numbers, strings, comments, imports), in one or two files;
 * - `structuredModel`: syntactically valid models whose references, numbers and imports are
 *   random, so that the linker, the validator and the analysis see every combination;
 * - `mutatedSeed`: the conformance and example models with lines deleted, duplicated, swapped,
 *   moved, truncated, and random bytes, NUL, unicode, huge or negative numbers, keywords and very
 *   long names inserted.
 *
 * `inputAt(seed, i)` gives the i-th input of a run deterministically (for `npm run fuzz`).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFORMANCE_DIR } from '../helpers/conformance-cases.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import type { FuzzInput } from './pipeline.js';
import { WORD_KEYWORDS } from '../../server/src/language/keywords.js';

/** the language's reserved words, from the grammar */
export const KEYWORDS: readonly string[] = WORD_KEYWORDS;
const KINDS = ['region', 'site', 'infra', 'service', 'datastore'];
const NAMES = ['a', 'b', 'c', 'dc1', 'dc2', 'grid', 'api', 'db', 'web', 'x-y_z', 'Z9'];
const PUNCTUATION = ['{', '}', '(', ')', ',', ',', '(', ')', ';', '"', '/', '*', '%', '-', '.', '#', '\\', '=', ':'];

/** good and bad values of the one QUANTITY token, and things that are almost numbers */
export const QUANTITIES = [
    '0', '1', '2', '3', '5', '7', '10', '2.5', '1.5h', '45s', '30m', '10h', '2d', '0s', '0m', '99.95%', '100%', '0%',
    '101%', '100.0000001%', '43.2M', '12k', '1.2B', '5000', '1_000', '1..2', '0.0.0', '00', '007', '1e9', '1e400',
    '9999999999999999999999', '18446744073709551616', '9007199254740993', '4294967296', '2147483648',
    '99999999999999999999999999999999999%', '1000000000000000000000M', '9'.repeat(400), '0.' + '0'.repeat(300) + '1%',
    '1.7976931348623157e308', '5x', '3%%', '12kk', '1_', '2.', '0.5', '-1', '-0', '+3', 'NaN', 'Infinity', '.5', '1 000'
];

const UNICODE = [
    '\u0000', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\uFEFF', '\u202E', '\u200B', '\u2028', '\u2029', '\u00A0', 'é', 'e\u0301',
    '中文', '🚀', '👨‍👩‍👧', '\r', '\r\n', '\t', '\v', '\f', '\x1b[31m', '\x7f', '\uFFFD', '\uFFFF', 'İ', 'ß', 'ǅ', 'Ａ', '٣'
];

const STRINGS = ['"label"', '""', '"unterminated', '"with \\" escape"', '"ünïcødé 🚀"', '"a\\', '"\\u0000"', '"line\nbreak"'];
const COMMENTS = ['// comment\n', '/* block */', '/* unterminated', '//', '/**/', '/* /* nested */ */', '*/'];
const IMPORTS = [
    'import "other.topo"', 'import "main.topo"', 'import "missing.topo"', 'import "."', 'import ""', 'import "../x.topo"',
    'import "/abs.topo"', 'import "dir/"', 'import "other.topo" import "other.topo"', 'import', 'import other.topo'
];
const SPACES = [' ', ' ', ' ', '\n', '\n', '\t', '\r\n', ''];

// ----------------------------------------------------------------------------- token soup

const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 5, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 3, arbitrary: fc.constantFrom(...QUANTITIES) },
    { weight: 1, arbitrary: fc.constantFrom(...STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...IMPORTS) },
    { weight: 1, arbitrary: fc.constantFrom(...UNICODE) }
);

const soupText = fc.array(fc.tuple(token, fc.constantFrom(...SPACES)), { maxLength: 120 })
    .map(parts => parts.map(([t, s]) => t + s).join(''));

const failPicks = fc.array(fc.oneof(fc.constant('*'), fc.nat(1000), fc.constantFrom(...NAMES)), { maxLength: 3 });

export const tokenSoup: fc.Arbitrary<FuzzInput> = fc.record({ main: soupText, other: fc.option(soupText, { nil: undefined }), fail: failPicks })
    .map(({ main, other, fail }): FuzzInput => ({
        kind: 'soup',
        files: other === undefined ? { 'main.topo': main } : { 'main.topo': main, 'other.topo': other },
        root: 'main.topo',
        fail
    }));

// ----------------------------------------------------------------------------- structured models

const ref = fc.constantFrom(...NAMES, ...NAMES, 'ghost', 'low');
const refs = fc.array(ref, { minLength: 1, maxLength: 4 });
const quantity = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '5', '30m', '99.9%', '10h', '12k') }, { weight: 1, arbitrary: fc.constantFrom(...QUANTITIES) });

const deployment = fc.tuple(ref, fc.option(quantity, { nil: undefined }), fc.boolean())
    .map(([d, n, standby]) => n === undefined ? (standby ? `${d} (standby)` : d) : `${d} (${n}${standby ? ', standby' : ''})`);
const term = fc.oneof(
    { weight: 4, arbitrary: ref },
    { weight: 1, arbitrary: refs.map(m => `any (${m.join(', ')})`) },
    { weight: 1, arbitrary: fc.tuple(quantity, refs).map(([k, m]) => `${k} of (${m.join(', ')})`) }
);

const statement = fc.oneof(
    fc.array(deployment, { minLength: 1, maxLength: 4 }).map(d => `runs on ${d.join(', ')}`),
    fc.array(term, { minLength: 1, maxLength: 3 }).map(t => `depends on ${t.join(', ')}`),
    refs.map(r => `uses ${r.join(', ')}`),
    refs.map(r => `monitors ${r.join(', ')}`),
    refs.map(r => `backup on ${r.join(', ')}`),
    fc.tuple(fc.constantFrom('quorum', 'capacity', 'failover', 'recovery', 'availability', 'users', 'slo'), quantity).map(([k, v]) => `${k} ${v}`),
    fc.constantFrom('tier critical', 'tier high', 'tier normal', 'tier low', 'replication sync', 'replication async', 'kind power',
        'owner "team"', 'description "d"', 'operator "op"', 'tags a, b')
);

const element = fc.record({
    kind: fc.constantFrom(...KINDS),
    name: fc.constantFrom(...NAMES),
    label: fc.boolean(),
    container: fc.option(ref, { nil: undefined }),
    statements: fc.array(statement, { maxLength: 6 }),
    inline: fc.boolean()
}).map(e => {
    const head = `${e.kind} ${e.name}${e.label ? ' "label"' : ''}${e.container ? ` in ${e.container}` : ''}`;
    if (e.statements.length === 0) return head;
    return e.inline ? `${head} { ${e.statements.join(' ')} }` : `${head} {\n  ${e.statements.join('\n  ')}\n}`;
});

const FILES = ['main.topo', 'b.topo', 'sub/c.topo'];
const IMPORT_PATHS: Record<string, string[]> = {
    'main.topo': ['b.topo', 'sub/c.topo', 'main.topo', 'nope.topo'],
    'b.topo': ['main.topo', 'sub/c.topo', 'b.topo'],
    'sub/c.topo': ['../main.topo', '../b.topo', 'c.topo', '../sub/c.topo']
};

export const structuredModel: fc.Arbitrary<FuzzInput> = fc.record({
    fileCount: fc.integer({ min: 1, max: 3 }),
    files: fc.tuple(...FILES.map(() => fc.record({
        imports: fc.subarray([0, 1, 2, 3]),
        elements: fc.array(element, { maxLength: 10 })
    }))),
    fail: failPicks
}).map(({ fileCount, files, fail }) => {
    const result: Record<string, string> = {};
    for (let f = 0; f < fileCount; f++) {
        const path = FILES[f];
        const imports = files[f].imports.map(i => `import "${IMPORT_PATHS[path][i]}"`);
        result[path] = [...imports, ...files[f].elements].join('\n') + '\n';
    }
    return { kind: 'structured', files: result, root: 'main.topo', fail };
});

// ----------------------------------------------------------------------------- mutated seeds

export interface Seed {
    name: string;
    files: Record<string, string>;
    root: string;
}

/** The conformance cases (the imports case as its three files) and the examples. */
export function loadSeeds(): Seed[] {
    const seeds: Seed[] = [];
    for (const entry of readdirSync(CONFORMANCE_DIR).sort()) {
        const full = join(CONFORMANCE_DIR, entry);
        if (entry.endsWith('.topo')) seeds.push({ name: entry, files: { 'main.topo': readFileSync(full, 'utf8') }, root: 'main.topo' });
        else if (statSync(full).isDirectory()) {
            const files: Record<string, string> = {};
            for (const file of walk(full)) files[relative(full, file).split('\\').join('/')] = readFileSync(file, 'utf8');
            seeds.push({ name: entry, files, root: 'main.topo' });
        }
    }
    const examples = join(PROJECT_ROOT, 'examples');
    for (const entry of readdirSync(examples).sort()) {
        if (entry.endsWith('.topo')) seeds.push({ name: entry, files: { 'main.topo': readFileSync(join(examples, entry), 'utf8') }, root: 'main.topo' });
    }
    return seeds;
}

function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.topo') ? [join(dir, e.name)] : []);
}

export type Mutation =
    | { op: 'delete-line' | 'duplicate-line' | 'truncate' | 'duplicate-file'; at: number }
    | { op: 'swap-lines' | 'move-lines'; at: number; to: number; count: number }
    | { op: 'insert'; at: number; text: string }
    | { op: 'replace-number'; at: number; text: string }
    | { op: 'replace-word'; at: number; text: string; everywhere: boolean };

const position = fc.nat({ max: 1_000_000 });

const longName = fc.tuple(fc.constantFrom(1_000, 10_000, 100_000), fc.constantFrom('a', 'x-', 'n_9'))
    .map(([n, unit]) => 'L' + unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
const randomBytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map(bytes => String.fromCharCode(...bytes));
const randomCodePoints = fc.string({ unit: 'binary', minLength: 1, maxLength: 32 });
const inserted = fc.oneof(
    randomBytes, randomCodePoints, fc.constantFrom(...UNICODE), fc.constant('\u0000'), fc.constantFrom(...QUANTITIES),
    fc.constantFrom(...KEYWORDS), fc.constantFrom(...PUNCTUATION), fc.constantFrom(...STRINGS), fc.constantFrom(...COMMENTS),
    fc.constantFrom(...IMPORTS), longName, token
);
const weirdNumber = fc.oneof(fc.constantFrom(...QUANTITIES), fc.integer().map(String), fc.double().map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'truncate' as const), at: position }),
    fc.record({ op: fc.constant('duplicate-file' as const), at: position }),
    fc.record({ op: fc.constantFrom('swap-lines' as const, 'move-lines' as const), at: position, to: position, count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ op: fc.constant('insert' as const), at: position, text: inserted }),
    fc.record({ op: fc.constant('replace-number' as const), at: position, text: weirdNumber }),
    fc.record({ op: fc.constant('replace-word' as const), at: position, text: fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...NAMES), longName, fc.constantFrom(...UNICODE)), everywhere: fc.boolean() })
);

export function applyMutation(text: string, m: Mutation): string {
    const lines = text.split('\n');
    const line = m.at % Math.max(1, lines.length);
    switch (m.op) {
        case 'delete-line': lines.splice(line, 1); return lines.join('\n');
        case 'duplicate-line': lines.splice(line, 0, lines[line] ?? ''); return lines.join('\n');
        case 'truncate': return text.slice(0, m.at % (text.length + 1));
        case 'duplicate-file': return text + '\n' + text;
        case 'swap-lines': {
            const other = m.to % Math.max(1, lines.length);
            [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
            return lines.join('\n');
        }
        case 'move-lines': {
            const block = lines.splice(line, m.count);
            lines.splice(m.to % (lines.length + 1), 0, ...block);
            return lines.join('\n');
        }
        case 'insert': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + m.text + text.slice(at);
        }
        case 'replace-number': return replaceMatch(text, /[0-9][0-9._]*[a-zA-Z%]*/g, m.at, () => m.text);
        case 'replace-word': {
            const words = [...text.matchAll(/[a-zA-Z][a-zA-Z0-9_-]*/g)];
            if (words.length === 0) return text;
            const word = words[m.at % words.length];
            const chosen = m.everywhere ? words.filter(w => w[0] === word[0]) : [word];
            let result = '', from = 0;
            for (const w of chosen) {
                result += text.slice(from, w.index) + m.text;
                from = w.index! + w[0].length;
            }
            return result + text.slice(from);
        }
    }
}

function replaceMatch(text: string, pattern: RegExp, at: number, by: () => string): string {
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return text;
    const match = matches[at % matches.length];
    return text.slice(0, match.index) + by() + text.slice(match.index! + match[0].length);
}

/**
 * A mutated file is cut here: long names inserted everywhere into a file appended to itself
 * reach megabytes, which are the pathological tests' business (with their own time limits);
 * a fuzz input has 1 s.
 */
export const MAX_FILE_CHARS = 200_000;

export function mutatedSeed(seeds: Seed[]): fc.Arbitrary<FuzzInput> {
    return fc.record({
        seed: fc.nat({ max: seeds.length - 1 }),
        file: fc.nat(),
        mutations: fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 6 }),
        fail: failPicks
    }).map(({ seed, mutations, fail }) => {
        const s = seeds[seed];
        const files = { ...s.files };
        const paths = Object.keys(files);
        for (const [which, m] of mutations) {
            const path = paths[which % paths.length];
            files[path] = applyMutation(files[path], m).slice(0, MAX_FILE_CHARS);
        }
        return { kind: `mutated ${s.name}`, files, root: s.root, fail };
    });
}

/** Every kind of input, in the proportions the fuzzer uses. */
export function fuzzInput(seeds = loadSeeds()): fc.Arbitrary<FuzzInput> {
    return fc.oneof(
        { weight: 3, arbitrary: tokenSoup },
        { weight: 3, arbitrary: structuredModel },
        { weight: 5, arbitrary: mutatedSeed(seeds) }
    );
}

/** The i-th input of the run with this seed: the same every time. */
export function inputAt(arbitrary: fc.Arbitrary<FuzzInput>, seed: number, i: number): FuzzInput {
    return fc.sample(arbitrary, { seed: (seed + i * 7919) | 0, numRuns: 1 })[0];
}
