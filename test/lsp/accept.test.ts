/**
 * Accepted risks in the editor, over a real LSP connection: accepted findings as hints, the
 * expired and unused warnings, the quick fixes "Accept this risk…" and "Remove this `accept`",
 * completion and hover of `accept`.
 */
import { strict as assert } from 'node:assert';
import type { CodeAction, CompletionList, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyEdits } from '../editing/fixtures.js';
import { subjectOf } from '../helpers/diagnostic-subject.js';
import { startServer } from '../helpers/lsp-server.js';
import { positionOf } from '../helpers/text-position.js';
import { writeFiles } from '../helpers/temp-files.js';
import type { TestClient } from './lsp-client.js';

const MODEL = `site pangyo
site ansan

service auth {
  runs on pangyo (3)
  tier critical
}

service talk {
  runs on pangyo (200), ansan (200)
  depends on auth
  accept spof from pangyo "Second active site for auth, INFRA-1234" until 2999-12-31
}
`;

describe('language server: accepted risks', function () {
    let client: TestClient;
    let folder: string;
    let counter = 0;

    before(async () => {
        ({ client, folder } = await startServer({ 'sites.topo': 'site elsewhere\n' }, { prefix: 'topo-accept-' }));
    });

    after(async () => client?.stop());

    const open = async (text: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> => {
        const uri = writeFiles(folder, { [`case-${++counter}.topo`]: '' })[`case-${counter}.topo`];
        await client.open(uri, text, 1);
        return { uri, published: await client.published(uri, p => p.version === 1) };
    };

    const find = (p: PublishDiagnosticsParams, code: string, subject?: string): Diagnostic => {
        const d = p.diagnostics.find(x => x.code === code && (subject === undefined || subjectOf(x) === subject));
        assert.ok(d, `a ${code} diagnostic in ${JSON.stringify(p.diagnostics.map(x => `${x.code}: ${x.message}`))}`);
        return d;
    };

    const actionsFor = (uri: string, diagnostic: Diagnostic) =>
        client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        });

    const apply = async (uri: string, text: string, action: CodeAction, version: number) => {
        const edits = action.edit?.changes?.[uri];
        assert.ok(edits && edits.length > 0, `${action.title} has edits`);
        const next = applyEdits(text, edits);
        await client.change(uri, next, version);
        return { text: next, published: await client.published(uri, p => p.version === version) };
    };

    it('an accepted finding is a hint (still published) whose message says why', async () => {
        const { published } = await open(MODEL);
        const spof = find(published, 'spof', 'talk');
        assert.equal(spof.severity, 4);
        assert.match(spof.message, /^accepted until 2999-12-31: Second active site for auth, INFRA-1234 — talk goes down if pangyo fails/);
        assert.deepEqual(spof.range.start, positionOf(MODEL, 'talk {'));
        assert.equal(find(published, 'spof', 'auth').severity, 1, 'the finding of auth is not accepted');
    });

    it('an expired acceptance: the finding is back at its severity, with `acceptance-expired` on the line', async () => {
        const text = MODEL.replace('2999-12-31', '2000-01-31');
        const { published } = await open(text);
        assert.equal(find(published, 'spof', 'talk').severity, 2);
        const expired = find(published, 'acceptance-expired');
        assert.equal(expired.severity, 2);
        assert.deepEqual(expired.range.start, positionOf(text, 'accept spof'));
    });

    it('"Accept this risk…" on a finding adds an `accept` line in its block; applied, the finding is a hint', async () => {
        const { uri, published } = await open(MODEL);
        const auth = find(published, 'spof', 'auth');
        const actions = await actionsFor(uri, auth);
        const accept = actions.find(a => a.title === 'Accept this risk…');
        assert.ok(accept, JSON.stringify(actions.map(a => a.title)));
        const { text, published: after } = await apply(uri, MODEL, accept, 2);
        assert.ok(text.includes('service auth {\n  runs on pangyo (3)\n  tier critical\n  accept spof from pangyo "REASON: why this risk is accepted, e.g. a ticket and a plan"\n}\n'), text);
        const spof = find(after, 'spof', 'auth');
        assert.equal(spof.severity, 4);
        assert.match(spof.message, /^accepted: REASON: why this risk is accepted/);
        assert.deepEqual(after.diagnostics.filter(d => d.severity === 1), [], 'no error is left');
    });

    it('"Accept this risk…" on an element without a block opens one; none is offered on an accepted finding', async () => {
        const text = 'service lone\n';
        const { uri, published } = await open(text);
        const unplaced = find(published, 'unplaced', 'lone');
        const [accept] = (await actionsFor(uri, unplaced)).filter(a => a.title === 'Accept this risk…');
        assert.ok(accept);
        const { text: fixed, published: after } = await apply(uri, text, accept, 2);
        assert.equal(fixed, 'service lone {\n  accept unplaced "REASON: why this risk is accepted, e.g. a ticket and a plan"\n}\n');
        const hint = find(after, 'unplaced', 'lone');
        assert.equal(hint.severity, 4);
        assert.deepEqual((await actionsFor(uri, hint)).map(a => a.title), []);
    });

    it('an unused acceptance is a warning whose quick fix removes the line', async () => {
        const text = MODEL.replace('runs on pangyo (200), ansan (200)\n  depends on auth', 'runs on pangyo (200), ansan (200)');
        const { uri, published } = await open(text);
        const unused = find(published, 'unused-acceptance');
        assert.equal(unused.severity, 2);
        const actions = await actionsFor(uri, unused);
        assert.deepEqual(actions.map(a => a.title), ['Remove this `accept`']);
        const { text: fixed, published: after } = await apply(uri, text, actions[0], 2);
        assert.ok(!fixed.includes('accept'), fixed);
        assert.ok(fixed.includes('  runs on pangyo (200), ansan (200)\n}\n'), fixed);
        assert.deepEqual(after.diagnostics.filter(d => d.code === 'unused-acceptance'), []);
    });

    it('completion offers the finding codes after `accept`, then `from`, then failure domains', async () => {
        const text = 'site pangyo\nservice s {\n  runs on pangyo\n  accept \n}\n';
        const { uri } = await open(text);
        const at = (needle: string, shift = needle.length) => positionOf(text, needle, 0, shift);
        const codes = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: at('accept ') });
        const labels = codes.items.map(i => i.label);
        assert.ok(labels.includes('spof') && labels.includes('capacity-shortfall'), labels.join(', '));
        assert.ok(!labels.includes('unused-acceptance') && !labels.includes('acceptance-expired'), labels.join(', '));
        const withCode = text.replace('accept \n', 'accept spof \n');
        await client.change(uri, withCode, 2);
        const from = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(withCode, 'accept spof ', 0, 12) });
        assert.deepEqual(from.items.map(i => i.label), ['from']);
        const withFrom = text.replace('accept \n', 'accept spof from \n');
        await client.change(uri, withFrom, 3);
        const domains = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(withFrom, 'from ', 0, 5) });
        assert.ok(domains.items.map(i => i.label).includes('pangyo'));
        assert.ok(!domains.items.map(i => i.label).includes('s'), 'a service is not a cause');
    });

    it('the hover of an `accept` says what it accepts now', async () => {
        const { uri } = await open(MODEL);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(MODEL, 'accept spof', 0, 2) });
        const value = (hover.contents as { value: string }).value;
        assert.match(value, /\*\*accept spof\*\* on `talk` \(one failure domain, failing alone, takes the service down\), only while every cause is among `pangyo`, until 2999-12-31/);
        assert.match(value, /It accepts this finding, shown as a hint:\n\n- talk goes down if pangyo fails/);
        const onReason = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(MODEL, 'Second active', 0, 3) });
        assert.match((onReason.contents as { value: string }).value, /It accepts this finding/);
    });
});

describe('language server: drills', function () {
    let client: TestClient;
    let uris: Record<string, string>;
    const TEXT = `site pangyo { recovery 10h }
site ansan { recovery 4h }

service talk {
  runs on pangyo (100)
}

drill "Pangyo fire" {
  fail pangyo
  expect talk down at most 30m
}

drill "Ansan" {
  fail ansan
  expect talk up
}
`;

    before(async () => {
        ({ client, uris } = await startServer({ 'drills.topo': TEXT }, { prefix: 'topo-drill-', open: { 'drills.topo': 1 } }));
    });

    after(async () => client?.stop());

    it('publishes drill-failed on the expect that does not hold', async () => {
        const published = await client.published(uris['drills.topo'], p => p.version === 1);
        const failed = published.diagnostics.filter(d => d.code === 'drill-failed');
        assert.deepEqual(failed.map(d => [d.severity, d.range.start, d.message]), [
            [1, positionOf(TEXT, 'expect talk down'), 'Drill "Pangyo fire" (pangyo fails): talk is down 10 h (until pangyo recovers), expected at most 30 min.']
        ]);
    });

    it('a "Run drill" code lens on each drill runs topo.simulateFailure with its failure set', async () => {
        const lenses = await client.request<Array<{ range: { start: unknown }; command?: { title: string; command: string; arguments?: unknown[] } }>>(
            'textDocument/codeLens', { textDocument: { uri: uris['drills.topo'] } });
        const drills = lenses.filter(l => l.command?.title.startsWith('Run drill'));
        assert.deepEqual(drills.map(l => [l.range.start, l.command!.title, l.command!.command, l.command!.arguments]), [
            [positionOf(TEXT, '"Pangyo fire"'), 'Run drill · 1 of 1 expects fail', 'topo.simulateFailure', [uris['drills.topo'], ['pangyo']]],
            [positionOf(TEXT, '"Ansan"'), 'Run drill · every expect holds', 'topo.simulateFailure', [uris['drills.topo'], ['ansan']]]
        ]);
    });

    it('completion in a drill: fail and expect, what fails, the services and users, the states, at most', async () => {
        const uri = uris['drills.topo'];
        const labels = async (text: string, version: number, needle: string) => {
            await client.change(uri, text, version);
            const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, 0, needle.length) });
            return list.items.map(i => i.label);
        };
        const base = 'site pangyo\nservice talk { runs on pangyo }\n\ndrill "x" {\n  STEP\n}\n';
        assert.deepEqual(await labels(base.replace('STEP', ''), 10, '{\n  '), ['fail', 'expect']);
        assert.deepEqual(await labels(base.replace('STEP', 'fail '), 11, 'fail '), ['pangyo', 'talk']);
        assert.deepEqual(await labels(base.replace('STEP', 'expect '), 12, 'expect '), ['talk', 'users']);
        assert.deepEqual(await labels(base.replace('STEP', 'expect talk '), 13, 'expect talk '), ['up', 'degraded', 'down']);
        assert.deepEqual(await labels(base.replace('STEP', 'expect talk down '), 14, 'expect talk down '), ['at most']);
        assert.ok((await labels('site a\n', 15, 'site a\n')).includes('drill'));
    });

    it('hovers the words of a drill', async () => {
        const uri = uris['drills.topo'];
        await client.change(uri, TEXT, 20);
        await client.published(uri, p => p.version === 20);
        const hover = async (needle: string) => ((await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, 0, 1) })).contents as { value: string }).value;
        assert.match(await hover('drill "Pangyo'), /^\*\*drill\*\* — a failure drill kept in the model/);
        assert.match(await hover('fail pangyo'), /^\*\*fail\*\* — what fails together/);
        assert.match(await hover('expect talk down'), /^\*\*expect\*\* — the worst state allowed/);
    });
});
