/** `accept` through the real binary: `topo check` text and JSON, `--today`, exit codes. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTopo } from '../helpers/run-topo.js';
import { assertMatchesSchema } from './json-schemas.js';

const MODEL = `site pangyo
site ansan
service talk {
  runs on pangyo (200)
  tier critical
  accept spof from pangyo "Second active site with the Ansan build-out, INFRA-1234" until 2027-03-31
}
`;

describe('topo check: accepted risks', function () {
    this.timeout(60000);
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'topo-accept-'));
        writeFileSync(join(dir, 'talk.topo'), MODEL);
        writeFileSync(join(dir, 'unused.topo'), MODEL.replace('runs on pangyo (200)', 'runs on pangyo (200), ansan (200)'));
    });

    it('an accepted error is a hint: check exits 0, the line says why', async () => {
        const r = await runTopo(['check', '--today', '2027-01-15', 'talk.topo'], { cwd: dir });
        assert.equal(r.stderr, '');
        assert.equal(r.code, 0, r.stdout);
        assert.equal(r.stdout,
            'talk.topo:3:9: hint spof: accepted until 2027-03-31: Second active site with the Ansan build-out, INFRA-1234 — ' +
            r.stdout.split(' — ')[1].split('\n')[0] + '\n' +
            '0 errors, 0 warnings, 0 information, 1 hint in 1 file.\n');
        assert.match(r.stdout, / — talk goes down if pangyo fails/);
    });

    it('after `until` (by --today): the error is back, exit 1, and acceptance-expired is on the accept line', async () => {
        const r = await runTopo(['check', '--today', '2027-04-01', 'talk.topo'], { cwd: dir });
        assert.equal(r.code, 1);
        const lines = r.stdout.trimEnd().split('\n');
        assert.match(lines[0], /^talk\.topo:3:9: error spof: .*\(Its acceptance expired on 2027-03-31\.\)$/);
        assert.match(lines[1], /^talk\.topo:6:3: warning acceptance-expired: `accept spof from pangyo` on talk expired on 2027-03-31 \(today is 2027-04-01\)/);
        assert.equal(lines[2], '1 error, 1 warning, 0 information, 0 hints in 1 file.');
    });

    it('JSON: the accepted finding has `accepted` and severity hint, and matches the schema', async () => {
        const r = await runTopo(['check', '--format', 'json', '--today', '2027-01-15', 'talk.topo', 'unused.topo'], { cwd: dir });
        assert.equal(r.code, 0);
        const value = JSON.parse(r.stdout) as { diagnostics: Array<Record<string, unknown>>; summary: object };
        assertMatchesSchema('check', value, 'check --format json');
        assert.deepEqual(value.diagnostics.map(d => [d.file, d.line, d.severity, d.code, d.accepted]), [
            ['talk.topo', 3, 'hint', 'spof', { reason: 'Second active site with the Ansan build-out, INFRA-1234', until: '2027-03-31' }],
            ['unused.topo', 6, 'warning', 'unused-acceptance', undefined]
        ]);
        assert.deepEqual(value.summary, { errors: 0, warnings: 1, information: 0, hints: 1 });
    });

    it('without --today: today\'s date (an `until` far in the future holds)', async () => {
        writeFileSync(join(dir, 'far.topo'), MODEL.replace('2027-03-31', '2999-12-31'));
        const r = await runTopo(['check', 'far.topo'], { cwd: dir });
        assert.equal(r.code, 0, r.stdout);
        assert.match(r.stdout, /hint spof: accepted until 2999-12-31/);
    });

    for (const bad of ['2027-13-01', 'tomorrow', '2027-1-5']) {
        it(`a bad --today (${bad}) exits 2 with one line`, async () => {
            const r = await runTopo(['check', '--today', bad, 'talk.topo'], { cwd: dir });
            assert.equal(r.code, 2);
            assert.equal(r.stdout, '');
            assert.equal(r.stderr, `topo: --today takes a date written YYYY-MM-DD, such as 2027-03-31, not \`${bad}\`\n`);
        });
    }
});
