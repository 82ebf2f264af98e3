/**
 * `topo check --format sarif`: SARIF 2.1.0 that Microsoft's validator (npm
 * `@microsoft/sarif-multitool`) accepts without an error on every example; rules for every code
 * with the help of its docs page; places relative to the working directory; fingerprints that
 * stay when lines move; accepted findings suppressed in source.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { FINDING_CODE_LIST } from '../../server/src/analysis/findings/codes.js';
import { LANGUAGE_ERROR_CODES } from '../../server/src/language/error-codes.js';
import type { TopoDiagnostic } from '../../server/src/language/diagnostics.js';
import { informationUri, sarifLog } from '../../server/src/cli/sarif-output.js';
import { runProcess } from '../helpers/run-process.js';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { tempFolder } from '../helpers/temp-files.js';

const EXAMPLES = readdirSync(join(PROJECT_ROOT, 'examples')).filter(n => n.endsWith('.topo')).sort();

type Log = any;

async function sarifOf(args: string[], cwd?: string): Promise<{ code: number | null; log: Log; text: string }> {
    const r = await runTopo(['check', '--format', 'sarif', ...args], { cwd });
    assert.equal(r.stderr, '', 'nothing on stderr');
    return { code: r.code, log: JSON.parse(r.stdout), text: r.stdout };
}

/** The validator: the npm package's binary, or `Sarif.Multitool` / `sarif` on the PATH; undefined when none is installed. */
function multitool(): string | undefined {
    try {
        const path = createRequire(join(PROJECT_ROOT, 'package.json'))('@microsoft/sarif-multitool') as unknown;
        const file = typeof path === 'string' ? path : (path as { default?: string }).default;
        if (file && existsSync(file)) return file;
    } catch {
        // not installed
    }
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
        for (const name of ['Sarif.Multitool', 'sarif']) if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
    return undefined;
}

/** Language errors in two files, findings across an import, and a binary file found in the folder. */
function brokenFolder(): string {
    const dir = tempFolder('topo-sarif-broken-');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sites.topo'), 'site pangyo\nsite ansan\n');
    writeFileSync(join(dir, 'main.topo'), 'import "sites.topo"\nservice talk {\n  runs on pangyo\n  depends on nowhere\n}\nservice broken {\n  runs on\n');
    writeFileSync(join(dir, 'sub', 'other.topo'), 'site x\nservice s { runs on x }\nservice s2 { runs on \n');
    writeFileSync(join(dir, 'sub', 'logo.topo'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    return dir;
}

describe('topo check --format sarif', function () {
    this.timeout(120000);

    describe('Microsoft\'s SARIF validator (Sarif.Multitool validate) reports no error', () => {
        for (const example of EXAMPLES) {
            it(`examples/${example}`, async function () {
                const tool = multitool();
                if (!tool) {
                    this.skip(); // mocha prints it as pending; say why once below
                }
                const dir = tempFolder('topo-sarif-');
                const input = join(dir, `${example}.sarif`);
                writeFileSync(input, (await sarifOf([join('examples', example)])).text);
                const r = await runProcess(tool!, ['validate', input, '-o', join(dir, 'validation.sarif')],
                    { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
                const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter(l => l.includes(': error '));
                assert.deepEqual(errors, [], `the validator's errors:\n${errors.join('\n')}`);
            });
        }
        it('a folder with language errors, findings across files and an unreadable file', async function () {
            const tool = multitool();
            if (!tool) this.skip();
            const dir = brokenFolder();
            const input = join(dir, 'broken.sarif');
            writeFileSync(input, (await sarifOf(['.'], dir)).text);
            const r = await runProcess(tool!, ['validate', input, '-o', join(dir, 'validation.sarif')],
                { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
            const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter(l => l.includes(': error '));
            assert.deepEqual(errors, [], `the validator's errors:\n${errors.join('\n')}`);
        });
        before(function () {
            if (!multitool()) {
                console.warn('    SKIPPED: the SARIF validator is not installed (npm @microsoft/sarif-multitool, or Sarif.Multitool on the PATH)');
            }
        });
    });

    it('one run; a rule per finding code and language error code, with the help of docs/findings/<code>.md', async () => {
        const { code, log } = await sarifOf(['examples']);
        assert.equal(code, 1, 'examples have errors (kakao-2022)');
        assert.equal(log.version, '2.1.0');
        assert.equal(log.runs.length, 1);
        const driver = log.runs[0].tool.driver;
        assert.equal(driver.name, 'topo');
        assert.equal(driver.informationUri, 'https://marketplace.visualstudio.com/items?itemName=topo-dev.topo', 'the package has no homepage');
        assert.equal(informationUri({ homepage: 'https://topo.example/docs', publisher: 'topo-dev', name: 'topo' }), 'https://topo.example/docs', 'a homepage wins');
        assert.equal(driver.version, JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
        const ids = driver.rules.map((r: { id: string }) => r.id);
        assert.deepEqual([...ids].sort(), [...FINDING_CODE_LIST, ...LANGUAGE_ERROR_CODES].sort());
        for (const rule of driver.rules) {
            assert.ok(rule.shortDescription.text.length > 10, rule.id);
            assert.ok(rule.fullDescription.text.length > 10, rule.id);
            assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
        }
        for (const finding of FINDING_CODE_LIST) {
            const rule = driver.rules.find((r: { id: string }) => r.id === finding);
            const page = readFileSync(join(PROJECT_ROOT, 'docs', 'findings', `${finding}.md`), 'utf8').trim();
            assert.equal(rule.help.markdown, page, `${finding}: help is its page`);
            assert.doesNotMatch(rule.help.text, /`/, `${finding}: help text is plain`);
        }
        assert.equal(driver.rules.find((r: { id: string }) => r.id === 'never-up').defaultConfiguration.level, 'error');
        assert.equal(driver.rules.find((r: { id: string }) => r.id === 'unplaced').defaultConfiguration.level, 'note');
    });

    it('results: rule, level, message, place relative to the working directory, related places, fingerprints', async () => {
        const [{ log }, json] = await Promise.all([sarifOf(['examples']), runTopo(['check', '--format', 'json', 'examples'])]);
        const run = log.runs[0];
        const diagnostics = JSON.parse(json.stdout).diagnostics;
        assert.equal(run.results.length, diagnostics.length, 'a result per diagnostic');
        assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
        assert.ok(run.originalUriBaseIds['%SRCROOT%'].uri.endsWith('/'));
        const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
        run.results.forEach((r: Log, i: number) => {
            const d = diagnostics[i];
            assert.equal(r.ruleId, d.code);
            assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
            assert.equal(r.level, levels[d.severity]);
            assert.equal(r.message.text, d.message);
            const place = r.locations[0].physicalLocation;
            assert.deepEqual(place.artifactLocation, { uri: d.file, uriBaseId: '%SRCROOT%' });
            assert.equal(place.region.startLine, d.line);
            assert.equal(place.region.startColumn, d.column);
            assert.equal(r.relatedLocations?.length, d.related?.length);
            assert.match(r.partialFingerprints['topoFinding/v1'], /^[0-9a-f]{32}(:\d+)?$/);
        });
        const prints = run.results.map((r: Log) => r.partialFingerprints['topoFinding/v1']);
        assert.equal(new Set(prints).size, prints.length, 'fingerprints are unique');
    });

    it('language errors and an unreadable file are results of their rules, with places in their files', async () => {
        const dir = brokenFolder();
        const { code, log } = await sarifOf(['.'], dir);
        assert.equal(code, 1);
        const run = log.runs[0];
        const ruleIds = new Set(run.results.map((r: Log) => r.ruleId));
        for (const id of ['syntax', 'unresolved-reference', 'unreadable-file', 'spof']) assert.ok(ruleIds.has(id), id);
        for (const r of run.results) {
            assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
            assert.doesNotMatch(r.locations[0].physicalLocation.artifactLocation.uri, /^(\/|file:|\.\.)/, 'relative to the working directory');
        }
        const prints = run.results.map((r: Log) => r.partialFingerprints['topoFinding/v1']);
        assert.equal(new Set(prints).size, prints.length, 'fingerprints are unique');
    });

    it('fingerprints stay the same when lines move', async () => {
        const dir = tempFolder('topo-sarif-moved-');
        const text = readFileSync(join(PROJECT_ROOT, 'examples', 'kakao-2022.topo'), 'utf8');
        writeFileSync(join(dir, 'before.topo'), text);
        writeFileSync(join(dir, 'after.topo'), '// moved down\n\n\n' + text.replace(/\n\n/g, '\n\n\n'));
        const [before, after] = await Promise.all(['before.topo', 'after.topo'].map(f => sarifOf([f], dir)));
        const key = (r: Log) => `${r.ruleId} ${r.properties?.subject}`;
        const print = (log: Log) => new Map(log.runs[0].results.map((r: Log) => [key(r), r.partialFingerprints['topoFinding/v1']]));
        const lines = (log: Log) => log.runs[0].results.map((r: Log) => r.locations[0].physicalLocation.region.startLine);
        assert.notDeepEqual(lines(before.log), lines(after.log), 'the lines moved');
        assert.deepEqual(print(after.log), print(before.log));
    });

    it('an accepted finding is suppressed in source, with its reason', () => {
        const range = { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } };
        const accepted: TopoDiagnostic = {
            uri: 'file:///work/models/talk.topo', range, severity: 'hint', code: 'spof', message: 'talk goes down if pangyo fails',
            language: false, subject: 'talk', causes: ['pangyo'], causeCount: 1, related: [],
            accepted: { reason: 'Second site with the Ansan build-out, INFRA-1234', until: '2027-03-31' }
        };
        const plain: TopoDiagnostic = { ...accepted, subject: 'auth', severity: 'warning', accepted: undefined };
        const log = sarifLog([accepted, plain], '/work') as Log;
        const [suppressed, open] = log.runs[0].results;
        assert.deepEqual(suppressed.suppressions, [{ kind: 'inSource', status: 'accepted', justification: accepted.accepted!.reason }]);
        assert.equal(suppressed.properties.acceptedUntil, '2027-03-31');
        assert.equal(suppressed.locations[0].physicalLocation.artifactLocation.uri, 'models/talk.topo');
        assert.equal(open.suppressions, undefined);
        assert.equal(open.level, 'warning');
    });
});
