/**
 * Quick fixes over a real LSP connection: each fix is applied, the file re-analysed, and its
 * diagnostic must be gone. Also: no fix that would not remove its diagnostic is offered. (Every
 * finding also offers "Accept this risk…", which keeps the finding as a hint instead: it is left
 * out here and tested in test/lsp/accept.test.ts.)
 */
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { subjectOf } from '../helpers/diagnostic-subject.js';
import { startServer } from '../helpers/lsp-server.js';
import { writeFiles } from '../helpers/temp-files.js';
import type { TestClient } from '../lsp/lsp-client.js';
import { applyEdits, EXTRA, MAIN, SITES } from './fixtures.js';

describe('editing: quick fixes', function () {
    let client: TestClient;
    let folder: string;
    let counter = 0;

    before(async () => {
        ({ client, folder } = await startServer({ 'sites.topo': SITES, 'extra.topo': EXTRA, 'main.topo': MAIN }, { prefix: 'topo-editing-' }));
    });

    after(async () => client?.stop());

    /** Opens `text` as a new file; its first publish. */
    const open = async (text: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> => {
        const uri = writeFiles(folder, { [`case-${++counter}.topo`]: '' })[`case-${counter}.topo`];
        await client.open(uri, text, 1);
        return { uri, published: await client.published(uri, p => p.version === 1) };
    };

    const actionsFor = async (uri: string, diagnostic: Diagnostic) =>
        (await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        })).filter(a => a.title !== 'Accept this risk…');

    /** Applies the action, publishes the new text as version 2 and returns its diagnostics. */
    const apply = async (uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> => {
        assert.equal(action.kind, 'quickfix');
        const edits = action.edit?.changes?.[uri];
        assert.ok(edits && edits.length > 0, `${action.title} has edits`);
        const next = applyEdits(text, edits);
        await client.change(uri, next, 2);
        const published = await client.published(uri, p => p.version === 2);
        return { text: next, diagnostics: published.diagnostics };
    };

    const find = (p: PublishDiagnosticsParams, code: string, test: (d: Diagnostic) => boolean = () => true): Diagnostic => {
        const d = p.diagnostics.find(x => x.code === code && test(x));
        assert.ok(d, `a ${code} diagnostic in ${JSON.stringify(p.diagnostics.map(x => `${x.code}: ${x.message}`))}`);
        return d;
    };

    it('spof: a standby on each site that shares no SPOF, nearest first, with max(replicas, capacity); applied, the spof is gone', async () => {
        const text = MAIN;
        const { uri, published } = await open(text);
        const auth = find(published, 'spof', d => subjectOf(d) === 'auth');
        const actions = await actionsFor(uri, auth);
        // auth runs only on pangyo: its SPOFs are pangyo and capital, so ansan (in capital) is no help
        assert.deepEqual(actions.map(a => a.title), [
            'Add a standby deployment on busan', 'Add a standby deployment on gwangju', 'Add a standby deployment on jeju'
        ]);
        assert.equal(actions[0].isPreferred, true);
        const { text: fixed, diagnostics } = await apply(uri, text, actions[1]);
        assert.match(fixed, /runs on pangyo \(30\), gwangju \(30, standby\)\n/, 'replicas: max(30, capacity 20)');
        assert.ok(!diagnostics.some(d => d.code === 'spof' && subjectOf(d) === 'auth'), JSON.stringify(diagnostics.map(d => d.message)));
    });

    it('spof: nearest first is by containment (a site beside one it runs on first); with a quorum, enough replicas', async () => {
        const { uri, published } = await open(MAIN);
        const ledger = find(published, 'spof', d => subjectOf(d) === 'ledger');
        const actions = await actionsFor(uri, ledger);
        assert.deepEqual(actions.map(a => a.title), [
            'Add a standby deployment on busan', 'Add a standby deployment on gwangju', 'Add a standby deployment on jeju'
        ]);
        const { text, diagnostics } = await apply(uri, MAIN, actions[2]);
        assert.match(text, /runs on pangyo \(3\), busan \(1\), jeju \(6, standby\)\n/, 'replicas: max(4, capacity 6)');
        assert.ok(!diagnostics.some(d => d.code === 'spof' && subjectOf(d) === 'ledger'));
    });

    it('survival-policy: a deployment on a site outside every breaking set, with quorum replicas; applied, the finding is gone', async () => {
        const text = 'site zone-a\nsite zone-b\nsite zone-c\nsite zone-d\n\nservice talk {\n  runs on zone-a (2), zone-b (2), zone-c (1)\n  quorum 3\n  survive 2\n}\n';
        const { uri, published } = await open(text);
        const talk = find(published, 'survival-policy', d => subjectOf(d) === 'talk');
        const actions = await actionsFor(uri, talk);
        assert.deepEqual(actions.map(a => a.title), ['Add a deployment on zone-d']);
        const { text: fixed, diagnostics } = await apply(uri, text, actions[0]);
        assert.match(fixed, /runs on zone-a \(2\), zone-b \(2\), zone-c \(1\), zone-d \(3\)\n/);
        assert.ok(!diagnostics.some(d => d.code === 'survival-policy'), JSON.stringify(diagnostics.map(d => d.message)));
    });

    it('spof: no standby is offered when a SPOF kills a hard dependency (a deployment cannot fix that)', async () => {
        const { uri, published } = await open(MAIN);
        const talk = find(published, 'spof', d => subjectOf(d) === 'talk');
        assert.deepEqual(await actionsFor(uri, talk), []);
    });

    it('unresolved reference: "Add import of <file>" when the name lives in a file not imported', async () => {
        const text = 'import "sites.topo"\n\nservice shop {\n  runs on pangyo\n  depends on billing\n}\n';
        const { uri, published } = await open(text);
        const unresolved = find(published, 'unresolved-reference');
        const actions = await actionsFor(uri, unresolved);
        assert.equal(actions[0].title, 'Add import of extra.topo');
        assert.equal(actions[0].isPreferred, true);
        const { text: fixed, diagnostics } = await apply(uri, text, actions[0]);
        assert.equal(fixed, 'import "sites.topo"\nimport "extra.topo"\n\nservice shop {\n  runs on pangyo\n  depends on billing\n}\n');
        assert.deepEqual(diagnostics.filter(d => d.code === 'unresolved-reference'), []);
    });

    it('unresolved reference: the closest names of the kind the position accepts', async () => {
        const text = 'import "sites.topo"\n\nservice shop {\n  runs on pangyoo, ansna\n}\n';
        const { uri, published } = await open(text);
        const typo = find(published, 'unresolved-reference', d => d.message.includes('pangyoo'));
        const actions = await actionsFor(uri, typo);
        assert.deepEqual(actions.map(a => a.title), ['Change to `pangyo`']);
        const second = await actionsFor(uri, find(published, 'unresolved-reference', d => d.message.includes('ansna')));
        assert.deepEqual(second.map(a => a.title), ['Change to `ansan`']);
        const { diagnostics } = await apply(uri, text, actions[0]);
        assert.deepEqual(diagnostics.filter(d => d.code === 'unresolved-reference').map(d => d.message), ['`ansna` is not declared in this file or in anything it imports.']);
    });

    it('wrong kind: the elements of the right kind', async () => {
        const text = 'import "sites.topo"\n\nservice api { runs on pangyo }\nservice shop {\n  runs on api\n  uses pangyo\n}\n';
        const { uri, published } = await open(text);
        const runsOn = find(published, 'wrong-kind', d => d.message.startsWith('`runs on`'));
        const actions = await actionsFor(uri, runsOn);
        assert.deepEqual(actions.map(a => a.title).sort(), [
            'Change to `ansan` (site)', 'Change to `busan` (site)', 'Change to `capital` (region)', 'Change to `gwangju` (site)',
            'Change to `jeju` (site)', 'Change to `pangyo` (site)', 'Change to `pangyo-power` (infra)', 'Change to `south` (region)'
        ].sort());
        const uses = await actionsFor(uri, find(published, 'wrong-kind', d => d.message.startsWith('`uses`')));
        assert.deepEqual(uses.map(a => a.title), ['Change to `api` (service)'], 'services only, not itself');
        const { diagnostics } = await apply(uri, text, actions.find(a => a.title.includes('`ansan`'))!);
        assert.deepEqual(diagnostics.filter(d => d.code === 'wrong-kind').map(d => d.message), ['`uses` expects a service or datastore, but `pangyo` is a site.']);
    });

    it('never-up from an impossible quorum: lower it to the replica count', async () => {
        const text = 'import "sites.topo"\n\ndatastore coord {\n  runs on pangyo (1), busan (2)\n  quorum 5\n}\n';
        const { uri, published } = await open(text);
        const neverUp = find(published, 'never-up');
        const actions = await actionsFor(uri, neverUp);
        assert.deepEqual(actions.map(a => a.title), ['Lower quorum to 3 (the replica count of coord)']);
        const { text: fixed, diagnostics } = await apply(uri, text, actions[0]);
        assert.match(fixed, /\n  quorum 3\n/);
        assert.ok(!diagnostics.some(d => d.code === 'never-up'), JSON.stringify(diagnostics.map(d => d.message)));
    });

    it('never-up for another reason: no quorum fix', async () => {
        const text = 'import "sites.topo"\n\nservice down { runs on pangyo quorum 2 }\nservice up { runs on pangyo (3), busan depends on down quorum 9 }\n';
        const { uri, published } = await open(text);
        const up = find(published, 'never-up', d => subjectOf(d) === 'up');
        assert.deepEqual(await actionsFor(uri, up), [], 'lowering its quorum leaves it down: it needs `down`');
        const down = find(published, 'never-up', d => subjectOf(d) === 'down');
        assert.equal((await actionsFor(uri, down)).length, 1);
    });

    it('quorum-unplaced: remove the quorum (its line; or the block it was alone in)', async () => {
        const text = 'import "sites.topo"\n\nservice api { runs on pangyo }\nservice gateway {\n  depends on api\n  quorum 2\n}\nservice edge { quorum 2 }\n';
        const { uri, published } = await open(text);
        const gateway = find(published, 'quorum-unplaced', d => subjectOf(d) === 'gateway');
        const actions = await actionsFor(uri, gateway);
        assert.deepEqual(actions.map(a => a.title), ['Remove `quorum`']);
        const first = await apply(uri, text, actions[0]);
        assert.equal(first.text, 'import "sites.topo"\n\nservice api { runs on pangyo }\nservice gateway {\n  depends on api\n}\nservice edge { quorum 2 }\n');
        assert.deepEqual(first.diagnostics.filter(d => d.code === 'quorum-unplaced').map(subjectOf), ['edge']);
        const edge = find({ uri, diagnostics: first.diagnostics }, 'quorum-unplaced');
        const [remove] = await actionsFor(uri, edge);
        const second = applyEdits(first.text, remove.edit!.changes![uri]);
        assert.equal(second, 'import "sites.topo"\n\nservice api { runs on pangyo }\nservice gateway {\n  depends on api\n}\nservice edge\n');
        await client.change(uri, second, 3);
        const published3 = await client.published(uri, p => p.version === 3);
        assert.deepEqual(published3.diagnostics.filter(d => d.code === 'quorum-unplaced'), []);
    });

    it('answers nothing when only other kinds of actions are asked for', async () => {
        const { uri, published } = await open(MAIN);
        const auth = find(published, 'spof', d => subjectOf(d) === 'auth');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: auth.range, context: { diagnostics: [auth], only: ['refactor'] }
        });
        assert.deepEqual(actions, []);
    });
});
