/** `drill`: the grammar, the validator's messages, the model, and `drill-failed` placed on its `expect`. */
import { strict as assert } from 'node:assert';
import { compileModel, drillFindings } from '../../server/src/analysis/index.js';
import { closureModel } from '../../server/src/language/closure-model.js';
import { findingDiagnostics } from '../../server/src/language/diagnostics.js';
import { formatTopo } from '../../server/src/language/topo-formatter.js';
import { buildFiles, diagnosticsOf, messages } from '../helpers/language.js';

const MODEL = `site pangyo { recovery 10h }
site ansan { recovery 4h }

service auth {
  runs on pangyo (10), ansan (10, standby)
  failover 30m
}

service talk {
  runs on pangyo (100)
  depends on auth
  users 43.2M
}

drill "Pangyo fire" {
  fail pangyo
  expect auth down at most 30m
  expect talk down at most 30m
  expect users down at most 1M
}
`;

describe('drill: the language', () => {
    it('parses, validates and builds the drill into the model', async () => {
        assert.deepEqual(messages(await diagnosticsOf(MODEL)), []);
        const { services, docs } = await buildFiles({ 'main.topo': MODEL });
        const built = closureModel(services, docs['main.topo']);
        assert.deepEqual(built.model.drills, [{
            name: 'Pangyo fire', fail: ['pangyo'],
            expects: [{ service: 'auth', state: 'down', atMost: 30 }, { service: 'talk', state: 'down', atMost: 30 }, { state: 'down', atMost: 1_000_000 }]
        }]);
    });

    it('drill-failed sits on each expect that does not hold, saying what the simulation found', async () => {
        const { services, docs } = await buildFiles({ 'main.topo': MODEL });
        const built = closureModel(services, docs['main.topo']);
        const findings = drillFindings(compileModel(built.model), built.model.drills!);
        const diagnostics = findingDiagnostics(findings, built.sources, built.drills);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity, d.range.start.line, d.subject]), [
            ['drill-failed', 'error', 17, 'Pangyo fire'], ['drill-failed', 'error', 18, 'Pangyo fire']
        ]);
        assert.equal(diagnostics[0].message, 'Drill "Pangyo fire" (pangyo fails): talk is down 10 h (until pangyo recovers), expected at most 30 min.');
        assert.equal(diagnostics[1].message, 'Drill "Pangyo fire" (pangyo fails): 43.2M users are affected (1 service down, 0 degraded), expected at most 1M.');
        assert.equal(diagnostics[0].related[0].range.start.line, 14);
    });

    const bad: Array<[string, string]> = [
        ['expect talk dwn', '`expect talk dwn`: the state is `up`, `degraded` or `down` (with `at most`).'],
        ['expect talk down', '`expect talk down` needs a limit: `expect talk down at most 30m` (to say it must stay up, `expect talk up`).'],
        ['expect talk up at most 30m', '`at most` bounds how long it is down: `expect talk down at most 30m`; `expect talk up` takes no limit.'],
        ['expect talk down at mst 30m', 'Write `at most 30m` after `down`, not `at mst`.'],
        ['expect users up', '`expect users` takes `down at most N`: `expect users down at most 1M` (the users of the services down or degraded).'],
        ['expect talk down at most 30x', 'Bad duration: `30x` has an unknown unit `x`: write a number followed by s, m, h or d, like 45s, 30m, 10h or 2d.'],
        ['expect pangyo up', '`expect` expects a service or datastore, but `pangyo` is a site.']
    ];
    for (const [line, message] of bad) {
        it(`says what is wrong: ${line}`, async () => {
            const text = MODEL.replace('expect users down at most 1M', line);
            assert.deepEqual(messages(await diagnosticsOf(text)), [message]);
        });
    }

    it('a drill needs a fail and an expect, and a name unique in the file', async () => {
        assert.deepEqual(messages(await diagnosticsOf('site a\ndrill "x" {\n  expect users down at most 1\n}\ndrill "x" {\n  fail a\n}\n')).sort(), [
            'Drill "x" expects nothing: add `expect SERVICE up`, `expect SERVICE down at most 30m` or `expect users down at most 1M`.',
            'Drill "x" fails nothing: say what fails with `fail`, such as `fail pangyo`.',
            'Duplicate drill "x": already declared on line 2. Drill names are unique in a file.'
        ]);
    });

    it('up, down, at and most stay free for names', async () => {
        assert.deepEqual(messages(await diagnosticsOf('site at\nservice down { runs on at }\nservice up { depends on down }\n')), []);
    });

    it('is formatted one step a line, like a block of statements', async () => {
        const { docs } = await buildFiles({ 'main.topo': 'site a\ndrill "x" {\nfail a\n      expect users down at most 1\n}\n' });
        const formatted = formatTopo(docs['main.topo']);
        assert.ok('text' in formatted);
        assert.equal(formatted.text, 'site a\n\ndrill "x" {\n  fail a\n  expect users down at most 1\n}\n');
    });
});
