/** Drills through the real binary: `topo check` runs them; `topo drill` text, JSON, exit codes. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTopo } from '../helpers/run-topo.js';
import { assertMatchesSchema } from './json-schemas.js';

const MODEL = `site pangyo { recovery 10h }
site ansan { recovery 4h }

service auth {
  runs on pangyo (10), ansan (10, standby)
  failover 30m
}

service talk {
  runs on pangyo (100), ansan (100)
  depends on auth
  users 43.2M
}

drill "Pangyo fire" {
  fail pangyo
  expect talk up
  expect auth down at most 30m
}

drill "Both sites" {
  fail pangyo, ansan
  expect talk down at most 1h
  expect users down at most 1M
}
`;

describe('topo drill, and drills in topo check', function () {
    this.timeout(60000);
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'topo-drill-'));
        writeFileSync(join(dir, 'model.topo'), MODEL);
        writeFileSync(join(dir, 'none.topo'), 'site a\n');
    });

    it('check: a failing expect is drill-failed on its line, and exit 1', async () => {
        const r = await runTopo(['check', 'model.topo'], { cwd: dir });
        assert.equal(r.code, 1);
        const failed = r.stdout.split('\n').filter(l => l.includes('drill-failed'));
        assert.deepEqual(failed, [
            'model.topo:23:3: error drill-failed: Drill "Both sites" (pangyo, ansan fail): talk is down 4 h (until ansan recovers), expected at most 1 h.',
            'model.topo:24:3: error drill-failed: Drill "Both sites" (pangyo, ansan fail): 43.2M users are affected (2 services down, 0 degraded), expected at most 1M.'
        ]);
    });

    it('drill NAME: a passing drill exits 0, its expectations and simulation printed', async () => {
        const r = await runTopo(['drill', 'model.topo', 'Pangyo fire'], { cwd: dir });
        assert.equal(r.stderr, '');
        assert.equal(r.code, 0, r.stdout);
        assert.match(r.stdout, /^Drill "Pangyo fire": passed \(2 of 2 expectations hold\)\n {2}✓ expect talk up: talk is up again after 30 min \(needs auth, which fails over to ansan \(30m\)\)\n/);
        assert.match(r.stdout, /\npangyo fails: 0 services down/);
        assert.match(r.stdout, /\nThe drill passes\.\n$/);
    });

    it('drill (all): JSON that matches its schema; exit 1 when one fails', async () => {
        const r = await runTopo(['drill', 'model.topo', '--format', 'json'], { cwd: dir });
        assert.equal(r.code, 1);
        const value = JSON.parse(r.stdout) as { drills: Array<{ name: string; passed: boolean; expectations: Array<{ holds: boolean }> }> };
        assertMatchesSchema('drill', value, 'drill --format json');
        assert.deepEqual(value.drills.map(d => [d.name, d.passed, d.expectations.map(e => e.holds)]), [
            ['Pangyo fire', true, [true, true]], ['Both sites', false, [false, false]]
        ]);
    });

    it('an unknown drill name, or a model without drills, exits 2 with one line', async () => {
        const unknown = await runTopo(['drill', 'model.topo', 'Fire'], { cwd: dir });
        assert.equal(unknown.code, 2);
        assert.equal(unknown.stderr, 'topo: no drill named "Fire" in model.topo; its drills: "Pangyo fire", "Both sites"\n');
        const none = await runTopo(['drill', 'none.topo'], { cwd: dir });
        assert.equal(none.code, 2);
        assert.equal(none.stderr.trimEnd().split('\n').length, 1);
    });
});
