/**
 * `topo diff`: on the examples before and after a fix (files, folders, and a git revision), what
 * is added and removed, which services and failure domains changed, the three formats (JSON
 * against schemas/diff.schema.json), the exit code by --fail-on, bad usage.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { tempFolder } from '../helpers/temp-files.js';
import { assertMatchesSchema } from './json-schemas.js';

const example = (name: string) => readFileSync(join(PROJECT_ROOT, 'examples', name), 'utf8');
const QUORUM = example('consensus-quorum.topo');
const KAKAO = example('kakao-2022.topo');

/** The fix the example's comment suggests: a third site for scheduler-locks. */
const QUORUM_FIXED = QUORUM.replace('runs on dc-a (2), dc-b (1)\n  quorum 2', 'runs on dc-a (1), dc-b (1), dc-c (1)\n  quorum 2');
/** auth gets a standby in Ansan: no longer down with Pangyo, but still with the capital region. */
const KAKAO_STANDBY = KAKAO.replace('  runs on pangyo (30)\n  tier critical', '  runs on pangyo (30), ansan (30, standby)\n  failover 30m\n  tier critical');

interface Diagnostic { file: string; line: number; code: string; subject?: string; causes?: string[]; severity: string }
interface ServiceState { spofs: string[]; availability: number | null; worstOutage: { minutes: number | null; domain: string } | null }
interface DiffJson {
    findings: { added: Diagnostic[]; removed: Diagnostic[] };
    services: Array<{ name: string; before: ServiceState | null; after: ServiceState | null }>;
    domains: Array<{ name: string; usersBefore: number | null; usersAfter: number | null }>;
    summary: Record<string, number>;
}

async function diffJson(args: string[], cwd: string): Promise<{ code: number | null; json: DiffJson }> {
    const r = await runTopo(['diff', '--format', 'json', ...args], { cwd });
    assert.equal(r.stderr, '', `topo diff ${args.join(' ')}: nothing on stderr`);
    const json = JSON.parse(r.stdout) as DiffJson;
    assertMatchesSchema('diff', json);
    return { code: r.code, json };
}

const keys = (list: Diagnostic[]) => list.map(d => `${d.code} ${d.subject} ${(d.causes ?? []).join(',')}`).sort();

function oneLine(text: string): void {
    assert.equal(text.trimEnd().split('\n').length, 1, `one line:\n${text}`);
    assert.match(text, /^topo: /);
}

describe('topo diff', function () {
    this.timeout(120000);

    it('examples/consensus-quorum.topo before and after its fix: findings removed, SPOFs and availability before → after, exit 0', async () => {
        const dir = tempFolder('topo-diff-');
        writeFileSync(join(dir, 'old.topo'), QUORUM);
        writeFileSync(join(dir, 'new.topo'), QUORUM_FIXED);
        const { code, json } = await diffJson(['old.topo', 'new.topo'], dir);
        assert.deepEqual(keys(json.findings.added), []);
        assert.deepEqual(keys(json.findings.removed), [
            'slo-unreachable job-scheduler ', 'spof job-scheduler dc-a', 'spof scheduler-locks dc-a'
        ]);
        assert.ok(json.findings.removed.every(d => d.file === 'old.topo'), 'removed findings are placed in OLD');
        assert.equal(code, 0, 'nothing added');
        const locks = json.services.find(s => s.name === 'scheduler-locks');
        assert.ok(locks && locks.before && locks.after);
        assert.deepEqual(locks.before.spofs, ['dc-a', 'grid-north']);
        assert.deepEqual(locks.after.spofs, []);
        assert.ok(locks.after.availability! > locks.before.availability!);
        assert.ok(locks.before.worstOutage && ['dc-a', 'grid-north'].includes(locks.before.worstOutage.domain), 'its worst outage is one of its SPOFs');
        assert.equal(locks.after.worstOutage, null, 'no single failure interrupts it any more');
        const scheduler = json.services.find(s => s.name === 'job-scheduler');
        assert.ok(scheduler, 'the service that depends on it changed too');
        assert.equal(json.summary.servicesChanged, json.services.length);
        // the largest change first: a service that lost SPOFs before one whose availability only moved
        const sizes = json.services.map(s => (s.before?.spofs.length ?? 0) !== (s.after?.spofs.length ?? 0));
        assert.deepEqual(sizes, [...sizes].sort((a, b) => Number(b) - Number(a)));

        const text = await runTopo(['diff', 'old.topo', 'new.topo'], { cwd: dir });
        assert.equal(text.code, 0);
        assert.match(text.stdout, /^Findings removed \(3\)$/m);
        assert.match(text.stdout, /^ {2}- old\.topo:\d+:\d+: warning spof: scheduler-locks goes down if dc-a fails/m);
        assert.match(text.stdout, /^ {2}scheduler-locks: SPOFs dc-a, grid-north → none; availability [\d.]+% → [\d.]+%/m);
        assert.match(text.stdout, /^0 findings added, 3 removed; \d+ services and 0 failure domains changed\.$/m);
    });

    it('examples/kakao-2022.topo and a partial fix: a new cause is a finding added, exit 1 on the error it adds', async () => {
        const dir = tempFolder('topo-diff-kakao-');
        writeFileSync(join(dir, 'old.topo'), KAKAO);
        writeFileSync(join(dir, 'new.topo'), KAKAO_STANDBY);
        const { code, json } = await diffJson(['old.topo', 'new.topo'], dir);
        assert.ok(keys(json.findings.removed).includes('spof auth pangyo'));
        assert.ok(keys(json.findings.added).includes('spof auth capital'));
        assert.ok(json.findings.added.every(d => d.file === 'new.topo'));
        assert.equal(code, 1, 'an error is added');
        assert.equal((await runTopo(['diff', 'old.topo', 'new.topo', '--fail-on', 'never'], { cwd: dir })).code, 0);
        const auth = json.services.find(s => s.name === 'auth')!;
        assert.deepEqual(auth.before?.spofs, ['capital', 'pangyo', 'pangyo-power-room']);
        assert.deepEqual(auth.after?.spofs, ['capital']);
    });

    it('moved lines only: no change, exit 0', async () => {
        const dir = tempFolder('topo-diff-moved-');
        writeFileSync(join(dir, 'old.topo'), KAKAO);
        writeFileSync(join(dir, 'new.topo'), '// moved\n\n' + KAKAO.replace(/\n\n/g, '\n\n\n'));
        const r = await runTopo(['diff', 'old.topo', 'new.topo'], { cwd: dir });
        assert.equal(r.code, 0);
        assert.equal(r.stdout, 'No change to findings, services or failure domains.\n');
    });

    it('--git REF: the same paths at a revision, reported at the working tree\'s paths; folders and imports', async () => {
        const dir = tempFolder('topo-diff-git-');
        mkdirSync(join(dir, 'models'));
        writeFileSync(join(dir, 'models', 'quorum.topo'), QUORUM);
        writeFileSync(join(dir, 'README'), 'not a model\n');
        const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
        git('init', '-q');
        git('add', '.');
        git('commit', '-qm', 'before');
        writeFileSync(join(dir, 'models', 'quorum.topo'), QUORUM_FIXED);
        const { code, json } = await diffJson(['--git', 'HEAD', 'models'], join(dir));
        assert.equal(code, 0);
        assert.deepEqual(keys(json.findings.removed), ['slo-unreachable job-scheduler ', 'spof job-scheduler dc-a', 'spof scheduler-locks dc-a']);
        assert.ok(json.findings.removed.every(d => d.file === join('models', 'quorum.topo')), JSON.stringify(json.findings.removed.map(d => d.file)));
        // same answer as comparing the files
        writeFileSync(join(dir, 'old.topo'), QUORUM);
        const files = await diffJson(['old.topo', join('models', 'quorum.topo')], dir);
        assert.deepEqual(keys(files.json.findings.removed), keys(json.findings.removed));
        assert.deepEqual(files.json.services, json.services);

        // without paths: the files of topo.json
        writeFileSync(join(dir, 'topo.json'), JSON.stringify({ files: ['models'] }));
        const configured = await diffJson(['--git', 'HEAD'], dir);
        assert.deepEqual(configured.json, json);
        const bad = await runTopo(['diff', '--git', 'no-such-ref', 'models'], { cwd: dir });
        assert.equal(bad.code, 2);
        oneLine(bad.stderr);
    });

    it('Markdown: largest first, at most 50 rows a table and the count of the rest; users per failure domain', async () => {
        const dir = tempFolder('topo-diff-md-');
        const base = 'site a\nsite b\n';
        const many = Array.from({ length: 60 }, (_, i) => `service s${String(i).padStart(2, '0')} {\n  runs on a\n  users ${i + 1}\n}\n`).join('');
        writeFileSync(join(dir, 'old.topo'), base);
        writeFileSync(join(dir, 'new.topo'), base + many);
        const r = await runTopo(['diff', 'old.topo', 'new.topo', '--format', 'markdown', '--fail-on', 'never'], { cwd: dir });
        assert.equal(r.code, 0);
        assert.match(r.stdout, /^## topo diff$/m);
        assert.match(r.stdout, /^### Findings added \(60\)$/m);
        assert.match(r.stdout, /^… and 10 more/m);
        assert.match(r.stdout, /^### Failure domains: users affected when each fails alone \(1 changed\)$/m);
        assert.match(r.stdout, /^\| `a` \| 0 \| 1,830 \|$/m);
        const rows = r.stdout.split('### Findings added')[1].split('\n###')[0].split('\n').filter(l => l.startsWith('| ➕'));
        assert.equal(rows.length, 50);
        const json = await diffJson(['old.topo', 'new.topo'], dir);
        assert.deepEqual(json.json.domains, [{ name: 'a', usersBefore: 0, usersAfter: 1830 }]);
        assert.equal(json.code, 0, 'the new SPOFs are warnings (tier normal): below the default --fail-on');
        assert.equal((await runTopo(['diff', 'old.topo', 'new.topo', '--fail-on', 'warning'], { cwd: dir })).code, 1);
    });

    it('bad usage: one path without --git, a missing file: exit 2 with one line', async () => {
        const dir = tempFolder('topo-diff-usage-');
        writeFileSync(join(dir, 'a.topo'), 'site a\n');
        for (const args of [['a.topo'], ['a.topo', 'gone.topo'], ['a.topo', 'a.topo', 'a.topo']]) {
            const r = await runTopo(['diff', ...args], { cwd: dir });
            assert.equal(r.code, 2, args.join(' '));
            oneLine(r.stderr);
        }
    });
});
