/**
 * The JSON the real binary prints matches the JSON Schemas of schemas/ (ajv, draft 2020-12), on
 * every example, on a model full of language errors and on a folder with an unreadable file
 * (the conformance fixtures are validated in cli.test.ts, where their outputs are already
 * produced); the text of check and fmt has the lines docs/cli.md describes. The schemas are strict (no property they do not name), agree with the language
 * reference's tables of codes, and every field they name is documented in docs/cli.md.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINDING_CODE_LIST } from '../../server/src/analysis/findings/codes.js';
import { PROJECT_ROOT, runTopo, type RunResult } from '../helpers/run-topo.js';
import { assertMatchesSchema, schemaFiles, type OutputName } from './json-schemas.js';

const EXAMPLES = join(PROJECT_ROOT, 'examples');

/**
 * A model that has every language error, over two files, and a third file whose findings
 * (with related places) are still reported.
 */
const BROKEN: Record<string, string> = {
    'ok.topo': 'site z\nservice w { runs on z }\nservice lone { users 10 }\n',
    'sites.topo': 'region r in r2\nregion r2 in r\nsite s in r\n',
    'main.topo': [
        'import "sites.topo"',
        'site a { quorum 2 }',
        'import "gone.topo"',
        'service low { runs on s }',
        'service api {',
        '  runs on s, auth',
        '  tier critical',
        '  tier high',
        '  availability 101%',
        '  depends on nowhere',
        '  accept spof',
        '  accept spf "a typo"',
        '}',
        'service auth { runs on s }',
        'service auth { runs on a }',
        'drill "bad" {',
        '  fail s',
        '  expect auth down',
        '}',
        'service broken {',
        '  runs on',
        ''
    ].join('\n')
};

const DIAGNOSTIC_LINE = /^(?<file>[^:\n]+):(?<line>\d+):(?<column>\d+): (?<severity>error|warning|information|hint) (?<code>[a-z-]+): \S.*$/;

function json(result: RunResult, what: string): unknown {
    assert.equal(result.stderr, '', `${what}: nothing on stderr`);
    try {
        return JSON.parse(result.stdout);
    } catch (error) {
        assert.fail(`${what}: not JSON (${(error as Error).message}):\n${result.stdout.slice(0, 500)}`);
    }
}

async function output(name: OutputName, args: string[], cwd?: string): Promise<{ code: number | null; value: unknown }> {
    const r = await runTopo([name, '--format', 'json', ...args], { cwd });
    const value = json(r, `topo ${name} ${args.join(' ')}`);
    assertMatchesSchema(name, value, `topo ${name} ${args.join(' ')}`);
    return { code: r.code, value };
}

/** The `$defs` of definitions.schema.json. */
function definitions(): Record<string, { enum?: string[] }> {
    return schemaFiles().get('definitions.schema.json')!.$defs as Record<string, { enum?: string[] }>;
}

/**
 * Every subschema of a schema that describes a value, with where it is (not the conditions of
 * `if`/`then`/`else`, which add to the object they sit in).
 */
function* subschemas(node: unknown, at: string): Iterable<[string, Record<string, unknown>]> {
    if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) yield* subschemas(node[i], `${at}/${i}`);
        return;
    }
    if (node === null || typeof node !== 'object') return;
    const schema = node as Record<string, unknown>;
    yield [at, schema];
    for (const [key, value] of Object.entries(schema)) {
        if (['enum', 'const', 'if', 'then', 'else'].includes(key)) continue;
        if (key === 'properties' || key === '$defs') {
            for (const [name, sub] of Object.entries(value as Record<string, unknown>)) yield* subschemas(sub, `${at}/${key}/${name}`);
        } else {
            yield* subschemas(value, `${at}/${key}`);
        }
    }
}

/** The codes in the first column of the table under a heading of docs/language.md. */
function codesInTable(heading: string): string[] {
    const text = readFileSync(join(PROJECT_ROOT, 'docs', 'language.md'), 'utf8');
    const start = text.indexOf(`\n## ${heading}\n`);
    assert.ok(start >= 0, `docs/language.md has a "${heading}" section`);
    const section = text.slice(start + 1).split(/\n## /)[0];
    const codes: string[] = [];
    for (const row of section.split('\n').filter(l => l.startsWith('| `'))) {
        for (const m of row.split('|')[1].matchAll(/`([a-z-]+)`/g)) codes.push(m[1]);
    }
    return codes.sort();
}

describe('topo CLI: the JSON outputs and their schemas (schemas/, docs/cli.md)', function () {
    this.timeout(120000);
    let scratch: string;
    before(() => {
        scratch = mkdtempSync(join(tmpdir(), 'topo-json-'));
    });

    for (const example of readdirSync(EXAMPLES).filter(n => n.endsWith('.topo')).sort()) {
        it(`examples/${example}: analyze (also with --order 3 --importance) and simulate match their schemas`, async () => {
            const file = join('examples', example);
            const [analyze, beyond] = await Promise.all([output('analyze', [file]), output('analyze', [file, '--order', '3', '--importance'])]);
            assert.equal(analyze.code, 0);
            assert.equal(beyond.code, 0);
            const { domains, services } = analyze.value as { domains: Array<{ name: string; down: string[] }>; services: Array<{ name: string }> };
            // the widest single failure, and everything at once (every service down: unknown outages)
            const widest = [...domains].sort((a, b) => b.down.length - a.down.length)[0].name;
            const all = [...domains.map(d => d.name), ...services.map(s => s.name)];
            const simulations = await Promise.all([[widest], all].map(fail => output('simulate', [file, '--fail', fail.join(',')])));
            for (const simulate of simulations) assert.equal(simulate.code, 0);
        });
    }

    it('a model with language errors: check\'s JSON matches; analyze and simulate print them on stderr, one per line', async () => {
        const dir = join(scratch, 'broken');
        mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(BROKEN)) writeFileSync(join(dir, name), text);
        writeFileSync(join(dir, 'binary.topo'), Buffer.from([0x73, 0x00, 0x01]));
        const check = await output('check', ['.'], dir);
        assert.equal(check.code, 1);
        const codes = new Set((check.value as { diagnostics: Array<{ code: string }> }).diagnostics.map(d => d.code));
        for (const code of definitions().languageErrorCode.enum!) assert.ok(codes.has(code), `the model shows ${code}`);
        assert.ok(codes.has('spof') && codes.has('unplaced'), 'and findings');

        const known = new Set(definitions().languageErrorCode.enum);
        const commands = [['analyze', 'main.topo'], ['simulate', 'main.topo', '--fail', 's']];
        const results = await Promise.all(commands.map(args => runTopo([...args, '--format', 'json'], { cwd: dir })));
        for (const [i, args] of commands.entries()) {
            const r = results[i];
            assert.equal(r.code, 1, args.join(' '));
            assert.equal(r.stdout, '', 'nothing on stdout');
            const lines = r.stderr.trimEnd().split('\n');
            assert.ok(lines.length >= 10, r.stderr);
            for (const line of lines) {
                const m = DIAGNOSTIC_LINE.exec(line);
                assert.ok(m, `a diagnostic line: ${line}`);
                assert.equal(m.groups!.severity, 'error', line);
                assert.ok(known.has(m.groups!.code), `a language error's code: ${line}`);
            }
        }
    });

    it('check on every example and fixture (folders, several paths) matches its schema', async () => {
        const r = await output('check', ['examples', 'test/fixtures/conformance']);
        const { diagnostics, summary } = r.value as { diagnostics: Array<{ severity: string; file: string }>; summary: Record<string, number> };
        assert.equal(summary.errors, diagnostics.filter(d => d.severity === 'error').length);
        assert.equal(r.code, summary.errors > 0 ? 1 : 0);
        for (const example of readdirSync(EXAMPLES).filter(n => n.endsWith('.topo'))) {
            assert.ok(diagnostics.some(d => d.file === `examples/${example}`), `examples/${example} is checked`);
        }
    });

    it('the text of check and fmt on every example and fixture has the documented lines', async () => {
        const paths = ['examples', 'test/fixtures/conformance'];
        const [check, fmt] = await Promise.all([runTopo(['check', ...paths]), runTopo(['fmt', '--check', ...paths])]);
        assert.equal(check.stderr, '');
        const lines = check.stdout.trimEnd().split('\n');
        const summary = lines.pop()!;
        for (const line of lines) assert.match(line, DIAGNOSTIC_LINE);
        assert.match(summary, /^(\d+ errors?, \d+ warnings?, \d+ information, \d+ hints? in \d+ files?|No problems found in \d+ files?)\.$/);

        assert.ok(fmt.code === 0 || fmt.code === 1, fmt.stderr);
        for (const line of fmt.stderr.split('\n').filter(l => l)) assert.match(line, DIAGNOSTIC_LINE);
        const out = fmt.stdout.trimEnd().split('\n');
        const fmtSummary = out.pop()!;
        for (const line of out) assert.match(line, /^would reformat \S.*\.topo$/);
        assert.match(fmtSummary, /^\d+ files? (would be reformatted|already formatted|not formatted \((syntax errors|unreadable)\))(, \d+ files? (already formatted|not formatted \((syntax errors|unreadable)\)))*\.$/);
    });

    describe('the schemas', () => {
        it('reject what the outputs do not print: a property too many, a missing one, an unknown code', async () => {
            const [check, analyze, beyond, simulate] = (await Promise.all([
                output('check', ['test/fixtures/conformance/05-transitive.topo']),
                output('analyze', ['test/fixtures/conformance/05-transitive.topo']),
                output('analyze', ['test/fixtures/conformance/10-availability.topo', '--order', '2', '--importance']),
                output('simulate', ['test/fixtures/conformance/06-failover-timing.topo', '--fail', 'pangyo'])
            ])).map(r => r.value as any);
            const finding = () => check.diagnostics.findIndex((d: { related?: unknown }) => d.related);
            const drifts: Array<[Exclude<OutputName, 'drill'> | 'beyond', string, (copy: any) => void]> = [
                ['check', 'an extra top-level field', c => c.extra = 1],
                ['check', 'an extra field in a diagnostic', c => c.diagnostics[0].extra = 1],
                ['check', 'an extra field in a related place', c => c.diagnostics[finding()].related[0].extra = 1],
                ['check', 'an extra field in the summary', c => c.summary.fatal = 0],
                ['check', 'a finding without causes', c => delete c.diagnostics[finding()].causes],
                ['check', 'an unknown code', c => c.diagnostics[0].code = 'no-such-code'],
                ['check', 'another schemaVersion', c => c.schemaVersion = 2],
                ['check', 'a 0-based line', c => c.diagnostics[0].line = 0],
                ['analyze', 'an extra field in a service', c => c.services[0].extra = 1],
                ['analyze', 'an extra field in a domain', c => c.domains[0].domainsDown = []],
                ['analyze', 'a service without availability', c => delete c.services[0].availability],
                ['analyze', 'a fractional number of users', c => c.domains[0].users = 0.5],
                ['analyze', 'cut sets without --order', c => c.services[0].cutSets = []],
                ['beyond', 'a service without cut sets with --order', c => delete c.services[0].cutSets],
                ['beyond', 'an extra field in a domain\'s importance', c => c.importance.domains[0].extra = 1],
                ['beyond', 'an extra measure', c => c.importance.domains[0].users.extra = 1],
                ['beyond', 'an order of 4', c => c.cutSetOrder = 4],
                ['simulate', 'an extra field in an outage', c => Object.values(c.outages as object)[0].extra = 1],
                ['simulate', 'a missing list', c => delete c.domainsDown],
                ['simulate', 'a name twice', c => c.failed.push(c.failed[0])]
            ];
            const outputs = { check, analyze, beyond, simulate };
            for (const [name, what, change] of drifts) {
                const copy = structuredClone(outputs[name]);
                change(copy);
                const schema = name === 'beyond' ? 'analyze' : name;
                assert.throws(() => assertMatchesSchema(schema, copy), /does not match/, `${name}: ${what} is refused`);
            }
        });

        it('are strict: every object names its properties or says what its values are', () => {
            for (const [file, schema] of schemaFiles()) {
                assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', file);
                for (const [at, sub] of subschemas(schema, file)) {
                    if (sub.type !== 'object' && sub.properties === undefined) continue;
                    assert.ok(sub.additionalProperties === false || typeof sub.additionalProperties === 'object',
                        `${at}: additionalProperties must be false (or the schema of a map's values)`);
                    for (const name of (sub.required as string[] | undefined) ?? []) {
                        assert.ok(name in ((sub.properties as object | undefined) ?? {}), `${at}: required ${name} is a property`);
                    }
                }
            }
        });

        it('name the analysis\'s finding codes and the codes of docs/language.md\'s tables, and unreadable-file', () => {
            const defs = definitions();
            assert.deepEqual([...defs.languageErrorCode.enum!].sort(), codesInTable('Language errors'));
            assert.ok(defs.languageErrorCode.enum!.includes('unreadable-file'));
            assert.deepEqual([...defs.findingCode.enum!].sort(), [...FINDING_CODE_LIST].sort(), 'the analysis\'s codes');
            assert.deepEqual([...defs.findingCode.enum!].sort(), codesInTable('Findings'));
        });

        it('are documented: docs/cli.md names every schema file and every field', () => {
            const docs = readFileSync(join(PROJECT_ROOT, 'docs', 'cli.md'), 'utf8');
            for (const [file, schema] of schemaFiles()) {
                assert.ok(docs.includes(`schemas/${file}`), `docs/cli.md links schemas/${file}`);
                for (const [at, sub] of subschemas(schema, file)) {
                    for (const name of Object.keys((sub.properties as object | undefined) ?? {})) {
                        assert.ok(docs.includes(`\`${name}\``), `docs/cli.md documents \`${name}\` (${at})`);
                    }
                }
            }
        });
    });
});
