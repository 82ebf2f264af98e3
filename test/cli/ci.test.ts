/**
 * `topo check` in CI: baselines (written in a stable order, matched by fingerprint so that moved
 * lines do not matter), `--fail-on`, and topo.json (found upwards or --config; its severities,
 * failOn, baseline and files; a bad one is exit 2 with one line).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { tempFolder } from '../helpers/temp-files.js';
import { assertMatchesSchema } from './json-schemas.js';

const KAKAO = readFileSync(join(PROJECT_ROOT, 'examples', 'kakao-2022.topo'), 'utf8');
const QUORUM = readFileSync(join(PROJECT_ROOT, 'examples', 'consensus-quorum.topo'), 'utf8');

interface CheckJson { diagnostics: Array<{ code: string; severity: string; subject?: string; line: number }>; summary: Record<string, number> }

async function checkJson(args: string[], cwd: string): Promise<{ code: number | null; json: CheckJson }> {
    const r = await runTopo(['check', '--format', 'json', ...args], { cwd });
    assert.equal(r.stderr, '', `topo check ${args.join(' ')}: nothing on stderr`);
    const json = JSON.parse(r.stdout) as CheckJson;
    assertMatchesSchema('check', json);
    return { code: r.code, json };
}

function oneLine(text: string): void {
    assert.equal(text.trimEnd().split('\n').length, 1, `one line:\n${text}`);
    assert.match(text, /^topo: /);
    assert.doesNotMatch(text, /\n\s+at /);
}

describe('topo check in CI: baselines, --fail-on, topo.json', function () {
    this.timeout(120000);

    describe('baselines', () => {
        it('--write-baseline writes every finding, sorted, one a line, matching schemas/baseline.schema.json; again: the same bytes', async () => {
            const dir = tempFolder('topo-baseline-');
            writeFileSync(join(dir, 'kakao.topo'), KAKAO);
            const first = await runTopo(['check', 'kakao.topo', '--write-baseline', 'base.json'], { cwd: dir });
            assert.equal(first.code, 0, 'every finding is in the baseline just written');
            assert.match(first.stdout, /^No problems found in 1 file\. \d+ findings of the baseline not shown\.$/m);
            const text = readFileSync(join(dir, 'base.json'), 'utf8');
            const baseline = JSON.parse(text);
            assertMatchesSchema('baseline', baseline);
            const all = await checkJson(['kakao.topo'], dir);
            assert.equal(baseline.findings.length, all.json.diagnostics.length);
            const lines = text.split('\n');
            assert.equal(lines.length, baseline.findings.length + 6, 'one finding a line');
            const keys = baseline.findings.map((f: { file: string; code: string; subject: string; fingerprint: string }) => [f.file, f.code, f.subject, f.fingerprint].join(' '));
            assert.deepEqual(keys, [...keys].sort(), 'sorted');
            await runTopo(['check', 'kakao.topo', '--write-baseline', 'again.json'], { cwd: dir });
            assert.equal(readFileSync(join(dir, 'again.json'), 'utf8'), text, 'stable');
        });

        it('--baseline reports only new findings, and survives moved lines', async () => {
            const dir = tempFolder('topo-baseline-moved-');
            writeFileSync(join(dir, 'kakao.topo'), KAKAO);
            await runTopo(['check', 'kakao.topo', '--write-baseline', 'base.json'], { cwd: dir });
            // lines moved (a header, blank lines), and one new single-site service
            writeFileSync(join(dir, 'kakao.topo'), '// moved\n\n\n' + KAKAO.replace(/\n\n/g, '\n\n\n') +
                '\nservice gift {\n  runs on pangyo (2)\n  tier critical\n}\n');
            const { code, json } = await checkJson(['kakao.topo', '--baseline', 'base.json'], dir);
            assert.deepEqual(json.diagnostics.map(d => `${d.code} ${d.subject}`), ['spof gift']);
            assert.equal(code, 1, 'the new finding is an error');
            assert.ok(json.summary.baselined > 10, 'the known ones are counted');
            const text = await runTopo(['check', 'kakao.topo', '--baseline', 'base.json'], { cwd: dir });
            assert.match(text.stdout, /^1 error, 0 warnings, 0 information, 0 hints in 1 file\. \d+ findings of the baseline not shown\.$/m);
        });

        it('a new cause of a known finding is reported again', async () => {
            const dir = tempFolder('topo-baseline-cause-');
            const model = 'site a\nsite b\nservice s {\n  runs on a\n}\n';
            writeFileSync(join(dir, 'm.topo'), model);
            await runTopo(['check', 'm.topo', '--write-baseline', 'base.json'], { cwd: dir });
            writeFileSync(join(dir, 'm.topo'), model.replace('runs on a', 'runs on a\n  depends on t') + 'service t {\n  runs on b\n}\n');
            const { json } = await checkJson(['m.topo', '--baseline', 'base.json'], dir);
            assert.deepEqual(json.diagnostics.map(d => `${d.code} ${d.subject}`).sort(), ['spof s', 'spof t']);
        });

        it('a missing or bad baseline is exit 2 with one line', async () => {
            const dir = tempFolder('topo-baseline-bad-');
            writeFileSync(join(dir, 'm.topo'), 'site a\n');
            writeFileSync(join(dir, 'bad.json'), '{"findings": 3}');
            for (const args of [['--baseline', 'missing.json'], ['--baseline', 'bad.json'], ['--baseline', 'bad.json', '--write-baseline', 'new.json']]) {
                const file = args.join(' ');
                const r = await runTopo(['check', 'm.topo', ...args], { cwd: dir });
                assert.equal(r.code, 2, file);
                oneLine(r.stderr);
            }
        });
    });

    describe('--fail-on', () => {
        // consensus-quorum has warnings and information, no error
        const cases: Array<[string | undefined, number]> = [[undefined, 0], ['error', 0], ['warning', 1], ['information', 1], ['never', 0]];
        for (const [failOn, expected] of cases) {
            it(`${failOn ?? '(default)'}: exit ${expected} on warnings and information`, async () => {
                const dir = tempFolder('topo-fail-on-');
                writeFileSync(join(dir, 'q.topo'), QUORUM);
                const r = await runTopo(['check', 'q.topo', ...(failOn ? ['--fail-on', failOn] : [])], { cwd: dir });
                assert.equal(r.code, expected, r.stdout);
            });
        }

        it('never counts hints; never also on errors; a bad value is exit 2', async () => {
            const dir = tempFolder('topo-fail-on-hints-');
            writeFileSync(join(dir, 'k.topo'), KAKAO);
            writeFileSync(join(dir, 'topo.json'), JSON.stringify({ severity: { spof: 'hint', 'capacity-shortfall': 'hint', 'backup-colocated': 'hint', 'slo-unreachable': 'hint', 'observer-shares-fate': 'hint', 'async-replication': 'hint' } }));
            const hints = await checkJson(['k.topo', '--fail-on', 'information'], dir);
            assert.ok(hints.json.summary.hints > 0 && hints.json.summary.errors + hints.json.summary.warnings + hints.json.summary.information === 0);
            assert.equal(hints.code, 0);
            assert.equal((await runTopo(['check', 'k.topo', '--fail-on', 'never', '--config', 'none.json'], { cwd: dir })).code, 2);
            const bad = await runTopo(['check', 'k.topo', '--fail-on', 'warnings'], { cwd: dir });
            assert.equal(bad.code, 2);
            oneLine(bad.stderr);
        });
    });

    describe('topo.json', () => {
        it('is found upwards: its severities, failOn, baseline and files apply; flags win', async () => {
            const dir = tempFolder('topo-config-');
            mkdirSync(join(dir, 'models'));
            mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
            writeFileSync(join(dir, 'models', 'q.topo'), QUORUM);
            writeFileSync(join(dir, 'models', 'k.topo'), KAKAO);
            const config = { severity: { spof: 'off', 'capacity-shortfall': 'information' }, failOn: 'warning', files: ['models/q.topo'] };
            assertMatchesSchema('topo-config', config);
            writeFileSync(join(dir, 'topo.json'), JSON.stringify(config));
            const cwd = join(dir, 'deep', 'er');
            const { code, json } = await checkJson([], cwd);
            const codes = json.diagnostics.map(d => d.code);
            assert.ok(!codes.includes('spof'), 'spof is off');
            assert.deepEqual(json.diagnostics.filter(d => d.code === 'capacity-shortfall').map(d => d.severity), ['information']);
            assert.ok(codes.includes('slo-unreachable'), 'a warning');
            assert.equal(code, 1, 'failOn warning');
            assert.equal((await checkJson(['--fail-on', 'error'], cwd)).code, 0, '--fail-on wins');
            const named = await checkJson(['../../models/k.topo'], cwd);
            assert.ok(named.json.diagnostics.some(d => d.code === 'backup-colocated'), 'paths named win over files');

            // a baseline named in topo.json, relative to it
            await runTopo(['check', '--write-baseline', '../../base.json'], { cwd });
            writeFileSync(join(dir, 'topo.json'), JSON.stringify({ ...config, baseline: 'base.json' }));
            const known = await checkJson([], cwd);
            assert.deepEqual(known.json.diagnostics, []);
            assert.equal(known.code, 0);
        });

        it('its schema is contributed to VS Code for topo.json', () => {
            const contributes = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).contributes;
            const entry = (contributes.jsonValidation as Array<{ fileMatch: string[]; url: string }>).find(v => v.fileMatch.includes('topo.json'));
            assert.ok(entry, 'a jsonValidation entry for topo.json');
            assert.equal(entry.url, './schemas/topo-config.schema.json');
            assert.ok(existsSync(join(PROJECT_ROOT, entry.url)));
        });

        it('--config names it; without files and paths: exit 2', async () => {
            const dir = tempFolder('topo-config-named-');
            writeFileSync(join(dir, 'q.topo'), QUORUM);
            writeFileSync(join(dir, 'ci.json'), JSON.stringify({ failOn: 'information' }));
            assert.equal((await runTopo(['check', 'q.topo', '--config', 'ci.json'], { cwd: dir })).code, 1);
            const none = await runTopo(['check', '--config', 'ci.json'], { cwd: dir });
            assert.equal(none.code, 2);
            oneLine(none.stderr);
        });

        const BAD: Array<[string, string, RegExp]> = [
            ['not JSON', '{\n  "failOn": error }', /not valid JSON \(/],
            ['not JSON, with where', '{\n  , }', /not valid JSON \(.* at line 2, column 3\)/],
            ['not an object', '[]', /expected a JSON object/],
            ['an unknown setting', '{ "fail-on": "error" }', /unknown setting "fail-on"/],
            ['an unknown code', '{ "severity": { "spf": "off" } }', /"spf" is not a finding code/],
            ['a bad severity', '{ "severity": { "spof": "loud" } }', /"loud" is not one of error, warning, information, hint, off/],
            ['a bad failOn', '{ "failOn": "warnings" }', /"warnings" is not one of error, warning, information, never/],
            ['bad files', '{ "files": [] }', /"files" must be a non-empty list/]
        ];
        for (const [what, text, message] of BAD) {
            it(`${what}: exit 2 with one line naming the file`, async () => {
                const dir = tempFolder('topo-config-bad-');
                writeFileSync(join(dir, 'q.topo'), QUORUM);
                writeFileSync(join(dir, 'topo.json'), text);
                const r = await runTopo(['check', 'q.topo'], { cwd: dir });
                assert.equal(r.code, 2);
                oneLine(r.stderr);
                assert.match(r.stderr, /^topo: topo\.json: /);
                assert.match(r.stderr, message);
            });
        }
    });
});
