/**
 * The real `topo` binary, spawned as a user would: exit codes, output formats, one-line errors.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { conformanceCases, CONFORMANCE_DIR } from '../helpers/conformance-cases.js';
import { findingKey } from '../helpers/finding-key.js';
import { expectSubset } from '../helpers/expect-subset.js';
import { PROJECT_ROOT, TOPO_BIN, runTopo } from '../helpers/run-topo.js';
import { assertMatchesSchema } from './json-schemas.js';

const version = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version as string;
const fixture = (name: string) => relative(PROJECT_ROOT, join(CONFORMANCE_DIR, name));

function oneLine(text: string): void {
    assert.equal(text.trimEnd().split('\n').length, 1, `expected one line, got:\n${text}`);
    assert.doesNotMatch(text, /\n\s+at /, 'no stack trace');
}

describe('topo CLI', function () {
    this.timeout(60000);
    let scratch: string;
    before(() => {
        scratch = mkdtempSync(join(tmpdir(), 'topo-cli-'));
    });

    describe('usage', () => {
        it('--version prints the version', async () => {
            const r = await runTopo(['--version']);
            assert.equal(r.code, 0);
            assert.equal(r.stdout.trim(), version);
        });

        it('--help lists the commands', async () => {
            const r = await runTopo(['--help']);
            assert.equal(r.code, 0);
            for (const command of ['check', 'analyze', 'simulate', 'render']) assert.match(r.stdout, new RegExp(`\\b${command}\\b`));
        });

        it('--help and every command\'s help list the exit codes', async () => {
            const commands = [['--help'], ['check', '--help'], ['diff', '--help'], ['analyze', '--help'], ['simulate', '--help'], ['export', '--help'], ['fmt', '--help'], ['render', '--help'], ['help', 'simulate'], ['drill', '--help']];
            const results = await Promise.all(commands.map(args => runTopo(args)));
            for (const [i, args] of commands.entries()) {
                const r = results[i];
                assert.equal(r.code, 0, args.join(' '));
                const codes = r.stdout.slice(r.stdout.indexOf('\nExit codes:\n'));
                assert.ok(codes.length > 0 && r.stdout.includes('\nExit codes:\n'), `${args.join(' ')}: no exit codes in\n${r.stdout}`);
                for (const code of ['0', '1', '2']) assert.match(codes, new RegExp(`^  ${code}  \\S`, 'm'), `${args.join(' ')}: exit code ${code}`);
            }
            assert.match(results[4].stdout, /--fail name not in the\s+model/, 'simulate --help');
            assert.match(results[0].stdout, /docs\/cli\.md/, 'topo --help');
            const listed = [...results[0].stdout.split('\nCommands:\n')[1].matchAll(/^ {2}([a-z]+) /gm)].map(m => m[1]).filter(c => c !== 'help');
            assert.deepEqual(listed.filter(c => !commands.some(args => args[0] === c)), [], 'every command\'s help is tested');
        });

        const bad: Array<[string, string[], RegExp]> = [
            ['no command', [], /missing command/],
            ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
            ['an unknown flag', ['check', '--bogus', fixture('01-single-site.topo')], /unknown option '--bogus'/],
            ['a bad --format', ['check', '--format', 'xml', fixture('01-single-site.topo')], /xml/],
            ['simulate without --fail', ['simulate', fixture('01-single-site.topo')], /--fail/],
            ['an unknown --fail name', ['simulate', fixture('01-single-site.topo'), '--fail', 'pangyo,mars'], /`mars`, which is not in the model/],
            ['a missing file', ['check', 'no/such/file.topo'], /cannot read no\/such\/file.topo: it does not exist/],
            ['a directory given to analyze', ['analyze', 'test'], /cannot read test: it is a directory/]
        ];
        for (const [what, args, message] of bad) {
            it(`exits 2 with one line for ${what}`, async () => {
                const r = await runTopo(args);
                assert.equal(r.code, 2, r.stderr + r.stdout);
                oneLine(r.stderr);
                assert.match(r.stderr, /^topo: /);
                assert.match(r.stderr, message);
            });
        }

        it('exits 2 for a binary file and for text that is not UTF-8', async () => {
            const binary = join(scratch, 'binary.topo');
            writeFileSync(binary, Buffer.from([0x73, 0x69, 0x74, 0x65, 0x00, 0x01]));
            const latin1 = join(scratch, 'latin1.topo');
            writeFileSync(latin1, Buffer.from([0x73, 0x69, 0x74, 0x65, 0x20, 0xe9]));
            for (const [file, why] of [[binary, /binary file/], [latin1, /not UTF-8/]] as const) {
                const r = await runTopo(['check', file]);
                assert.equal(r.code, 2);
                oneLine(r.stderr);
                assert.match(r.stderr, why);
            }
        });

        it('exits 2 for a file it may not read', async function () {
            const file = join(scratch, 'secret.topo');
            writeFileSync(file, 'site a', { mode: 0o000 });
            const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, TOPO_BIN, 'check', file], { encoding: 'utf8' });
            if (r.error) this.skip();
            assert.equal(r.status, 2, r.stderr);
            oneLine(r.stderr);
            assert.match(r.stderr, /permission denied/);
        });
    });

    describe('check', () => {
        it('prints clickable one-line diagnostics and exits 1 for an error (a critical service\'s SPOF)', async () => {
            const r = await runTopo(['check', fixture('01-single-site.topo')]);
            assert.equal(r.code, 1);
            assert.match(r.stdout, /^test\/fixtures\/conformance\/01-single-site\.topo:4:9: error spof: .*pangyo/m);
            assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when piped');
        });

        it('exits 0 when there are only warnings', async () => {
            const r = await runTopo(['check', fixture('02-two-sites-one-region.topo')]);
            assert.equal(r.code, 0);
            assert.match(r.stdout, /02-two-sites-one-region\.topo:6:9: warning spof: /);
        });

        it('prints the JSON of docs/cli.md', async () => {
            const r = await runTopo(['check', '--format', 'json', fixture('05-transitive.topo')]);
            const json = JSON.parse(r.stdout);
            assert.equal(json.schemaVersion, 1);
            assert.deepEqual(Object.keys(json.summary).sort(), ['errors', 'hints', 'information', 'warnings']);
            const spof = json.diagnostics.find((d: { subject: string; code: string }) => d.subject === 'talk' && d.code === 'spof');
            expectSubset(spof, { file: 'test/fixtures/conformance/05-transitive.topo', line: 9, column: 9, endLine: 9, endColumn: 13, severity: 'warning', causes: ['pangyo'] });
            assert.match(spof.message, /auth/);
        });

        it('checks a directory: every file with its imports, each diagnostic once', async () => {
            const r = await runTopo(['check', '--format', 'json', fixture('11-imports')]);
            const json = JSON.parse(r.stdout);
            assertMatchesSchema('check', json);
            const keys = json.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line}:${d.code}`);
            assert.equal(new Set(keys).size, keys.length, 'no diagnostic twice');
            const subjects = json.diagnostics.map((d: { subject: string }) => d.subject).sort();
            assert.deepEqual(subjects, ['auth', 'portal']);
        });

        it('reports a syntax error and a missing import, and exits 1', async () => {
            const dir = join(scratch, 'broken');
            mkdirSync(dir, { recursive: true });
            writeFileSync(join(dir, 'main.topo'), 'import "gone.topo"\nsite a {\n  recovery 10h\nservice b { runs on a }\n');
            const r = await runTopo(['check', join(dir, 'main.topo')], { cwd: dir });
            assert.equal(r.code, 1);
            assert.match(r.stdout, /^main\.topo:1:8: error missing-import: Cannot import "gone.topo": gone.topo does not exist\./m);
            assert.match(r.stdout, /^main\.topo:\d+:\d+: error syntax: /m);
        });

        it('checks the other files of a folder when one cannot be read, and reports it as an error', async () => {
            const dir = join(scratch, 'folder-with-binary');
            mkdirSync(join(dir, 'sub'), { recursive: true });
            writeFileSync(join(dir, 'a.topo'), 'site s\nservice x { runs on s }\n');
            writeFileSync(join(dir, 'sub', 'b.topo'), 'service y { runs on t }\n');
            writeFileSync(join(dir, 'binary.topo'), Buffer.from([0x73, 0x69, 0x74, 0x65, 0x00, 0x01]));
            writeFileSync(join(dir, 'sub', 'latin1.topo'), Buffer.from([0x73, 0x69, 0x74, 0x65, 0x20, 0xe9]));
            const text = await runTopo(['check', '.'], { cwd: dir });
            assert.equal(text.code, 1, text.stderr);
            assert.equal(text.stderr, '');
            assert.match(text.stdout, /^binary\.topo:1:1: error unreadable-file: This file is a binary file, not a \.topo model, so it was not checked; .*$/m);
            assert.match(text.stdout, /^sub\/latin1\.topo:1:1: error unreadable-file: This file is not UTF-8 text, so it was not checked; save it as UTF-8\.$/m);
            assert.match(text.stdout, /^a\.topo:2:9: warning spof: /m, 'the readable files are checked');
            assert.match(text.stdout, /^sub\/b\.topo:1:21: error unresolved-reference: /m);
            assert.match(text.stdout, / in 4 files\.$/m);

            const json = await runTopo(['check', '--format', 'json', '.'], { cwd: dir });
            assert.equal(json.code, 1);
            assertMatchesSchema('check', JSON.parse(json.stdout));
            const unreadable = JSON.parse(json.stdout).diagnostics.filter((d: { code: string }) => d.code === 'unreadable-file');
            assert.deepEqual(unreadable.map((d: { file: string; line: number; column: number; severity: string }) => [d.file, d.line, d.column, d.severity]),
                [['binary.topo', 1, 1, 'error'], ['sub/latin1.topo', 1, 1, 'error']]);

            const named = await runTopo(['check', '.', 'binary.topo'], { cwd: dir });
            assert.equal(named.code, 2, 'a file named on the command line is still bad usage');
            oneLine(named.stderr);
            assert.match(named.stderr, /cannot read binary\.topo: it is a binary file/);
        });

        it('colours output on a terminal, and not with NO_COLOR', function () {
            const command = `${process.execPath} ${TOPO_BIN} check ${fixture('01-single-site.topo')}`;
            const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
            if (tty.error) this.skip();
            assert.match(tty.stdout, /\x1b\[/);
            const plain = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' } });
            assert.doesNotMatch(plain.stdout, /\x1b\[/);
        });
    });

    describe('fmt', () => {
        it('`fmt` formats the other files of a folder when one cannot be read, and reports it', async () => {
            const dir = join(scratch, 'fmt-folder-with-binary');
            mkdirSync(dir, { recursive: true });
            writeFileSync(join(dir, 'a.topo'), 'site s\nservice x {runs on s}\n');
            writeFileSync(join(dir, 'binary.topo'), Buffer.from([0x73, 0x00]));
            const r = await runTopo(['fmt', '.'], { cwd: dir });
            assert.equal(r.code, 1);
            assert.equal(r.stderr, 'binary.topo:1:1: error unreadable-file: This file is a binary file, not a .topo model, so it was not formatted; if it is not a model, give it a name that does not end in .topo.\n');
            assert.match(r.stdout, /^reformatted a\.topo$/m);
            assert.equal(readFileSync(join(dir, 'a.topo'), 'utf8'), 'site s\nservice x { runs on s }\n');
        });
    });

    describe('analyze and simulate', () => {
        it('refuse a model with language errors: exit 1, the errors on stderr', async () => {
            const file = join(scratch, 'bad.topo');
            writeFileSync(file, 'site a\nservice s { runs on b }\n');
            for (const args of [['analyze', file], ['simulate', file, '--fail', 'a']]) {
                const r = await runTopo(args, { cwd: scratch });
                assert.equal(r.code, 1);
                assert.equal(r.stdout, '');
                assert.match(r.stderr, /^bad\.topo:2:21: error unresolved-reference: `b` is not declared/m);
            }
        });

        it('simulate takes every --fail, each a comma-separated list', async () => {
            // api runs on east and west: it is down only when both fail
            const file = fixture('03-shared-power.topo');
            const [once, r, text, unknown] = await Promise.all([
                runTopo(['simulate', file, '--fail', 'east,west', '--format', 'json']),
                runTopo(['simulate', file, '--fail', 'east', '--fail', ' west, east', '--format', 'json']),
                runTopo(['simulate', file, '--fail', 'east', '--fail', 'west']),
                runTopo(['simulate', file, '--fail', 'east', '--fail', 'mars'])
            ]);
            const together = JSON.parse(once.stdout);
            assert.equal(r.code, 0, r.stderr);
            const repeated = JSON.parse(r.stdout);
            assert.deepEqual(repeated.failed, ['east', 'west']);
            assert.ok(repeated.down.includes('api'), 'both failures count');
            assert.deepEqual(repeated, together);
            assert.match(text.stdout, /^east and west fail: /);
            assert.equal(unknown.code, 2);
            oneLine(unknown.stderr);
            assert.match(unknown.stderr, /`mars`, which is not in the model/);
        });

        it('print readable text', async () => {
            const a = await runTopo(['analyze', fixture('05-transitive.topo')]);
            assert.equal(a.code, 0);
            assert.match(a.stdout, /talk/);
            const s = await runTopo(['simulate', fixture('06-failover-timing.topo'), '--fail', 'pangyo']);
            assert.equal(s.code, 0);
            assert.match(s.stdout, /pangyo fails: 1 service down/);
            assert.match(s.stdout, /talk\s+10h/);
            assert.match(s.stdout, /Over time.*\n  \+0: 3 services down, 0 users; \+30m: 1 service down, 0 users; \+10h: all back\n/);
        });

        for (const c of conformanceCases()) {
            it(`match conformance case ${c.name} as JSON, and the schemas of schemas/`, async () => {
                const file = relative(PROJECT_ROOT, c.file);
                // independent runs, side by side
                const [a, k, ...sims] = await Promise.all([
                    runTopo(['analyze', file, '--format', 'json']),
                    runTopo(['check', file, '--format', 'json']),
                    ...c.expected.simulate.map(sim => runTopo(['simulate', file, '--fail', sim.fail.join(','), '--format', 'json']))
                ]);
                assert.equal(a.code, 0, a.stderr);
                const analysis = JSON.parse(a.stdout);
                assertMatchesSchema('analyze', analysis);
                expectSubset(analysis, c.expected.analyze);
                for (const [i, sim] of c.expected.simulate.entries()) {
                    const s = sims[i];
                    assert.equal(s.code, 0, s.stderr);
                    const simulation = JSON.parse(s.stdout);
                    assertMatchesSchema('simulate', simulation, `simulate --fail ${sim.fail.join(',')}`);
                    expectSubset(simulation, sim.expect);
                }
                assertMatchesSchema('check', JSON.parse(k.stdout));
                const findings = JSON.parse(k.stdout).diagnostics.map(findingKey).sort();
                assert.deepEqual(findings, c.expected.findings.map(findingKey).sort());
                const errors = c.expected.findings.some(f => f.severity === 'error');
                assert.equal(k.code, errors ? 1 : 0);
            });
        }
    });
});
