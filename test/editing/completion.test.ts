/**
 * Completion over a real LSP connection (`node out/server.cjs --stdio`): keywords valid at the
 * cursor, references of the kind the position accepts with their kind and label, and names from
 * files not imported yet, with the edit that adds the `import`.
 */
import { strict as assert } from 'node:assert';
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lsp-server.js';
import { positionAt } from '../helpers/text-position.js';
import type { TestClient } from '../lsp/lsp-client.js';
import { applyEdits, EXTRA, MAIN, SITES } from './fixtures.js';

describe('editing: completion', function () {
    let client: TestClient;
    let uris: Record<string, string>;
    let version = 1;

    before(async () => {
        ({ client, uris } = await startServer({ 'sites.topo': SITES, 'extra.topo': EXTRA, 'main.topo': MAIN, 'scratch.topo': 'import "sites.topo"\n' },
            { prefix: 'topo-editing-' }));
    });

    after(async () => client?.stop());

    /** Completion at `|` in `text` (written to scratch.topo first). */
    const complete = async (textWithCursor: string): Promise<{ items: CompletionItem[]; text: string }> => {
        const offset = textWithCursor.indexOf('|');
        assert.ok(offset >= 0, 'a cursor');
        const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
        const v = ++version;
        if (v === 2) await client.open(uris['scratch.topo'], text, v); else await client.change(uris['scratch.topo'], text, v);
        await client.published(uris['scratch.topo'], p => p.version === v);
        const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri: uris['scratch.topo'] }, position: positionAt(text, offset)
        });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        return { items, text };
    };
    const labels = (items: CompletionItem[]) => items.map(i => i.label);

    it('offers the statements a service may hold, not those of a site, and not a single one twice', async () => {
        const { items } = await complete('import "sites.topo"\nservice s {\n  tier high\n  |\n}\n');
        const offered = labels(items);
        for (const k of ['runs on', 'depends on', 'uses', 'monitors', 'quorum', 'capacity', 'failover', 'users', 'slo', 'availability', 'owner', 'tags']) {
            assert.ok(offered.includes(k), `${k} in ${offered.join(', ')}`);
        }
        for (const k of ['tier', 'recovery', 'kind', 'replication', 'backup on', 'service', 'site', 'import']) {
            assert.ok(!offered.includes(k), `${k} not in ${offered.join(', ')}`);
        }
        assert.ok(items.every(i => i.kind === CompletionItemKind.Keyword));
    });

    it('offers a policy its tier, then only rto, rpo and survive; lag after async, every after a backup', async () => {
        assert.deepEqual(labels((await complete('policy |\n')).items), ['tier']);
        assert.deepEqual(labels((await complete('policy tier |\n')).items), ['critical', 'high', 'normal', 'low']);
        assert.deepEqual(labels((await complete('policy tier critical {\n  rto 1h\n  |\n}\n')).items), ['rpo', 'survive']);
        assert.ok(labels((await complete('site a\n|')).items).includes('policy'));
        assert.ok(labels((await complete('datastore d { replication async | }\n')).items).includes('lag'));
        assert.ok(labels((await complete('import "sites.topo"\ndatastore d { backup on pangyo | }\n')).items).includes('every'));
        const service = labels((await complete('service s { | }\n')).items);
        assert.ok(service.includes('rto') && service.includes('survive') && !service.includes('rpo'), service.join(', '));
    });

    it('offers a site its statements, a datastore its own, an infra its kind', async () => {
        const site = labels((await complete('site s {\n  re|\n}\n')).items);
        assert.deepEqual([...site].sort(), ['availability', 'depends on', 'description', 'operator', 'owner', 'recovery', 'tags']);
        const store = labels((await complete('import "sites.topo"\ndatastore d { runs on pangyo | }\n')).items);
        assert.ok(store.includes('replication') && store.includes('backup on'), store.join(', '));
        assert.ok(store.includes('runs on'), 'runs on may be given twice');
        const infra = labels((await complete('infra i { kind power | }\n')).items);
        assert.ok(!infra.includes('kind') && infra.includes('recovery'), infra.join(', '));
        const kinds = labels((await complete('infra i { kind | }\n')).items);
        assert.ok(kinds.includes('power') && kinds.includes('network'), kinds.join(', '));
    });

    it('`runs on` offers failure domains only, with kind and label; `uses` offers services only', async () => {
        const { items } = await complete('import "sites.topo"\nservice s {\n  runs on |\n}\nservice t { runs on pangyo }\n');
        const seen = items.filter(i => !i.additionalTextEdits);
        assert.deepEqual(labels(seen), ['ansan', 'busan', 'capital', 'gwangju', 'jeju', 'pangyo', 'pangyo-power', 'south']);
        const pangyo = items.find(i => i.label === 'pangyo')!;
        assert.equal(pangyo.kind, CompletionItemKind.Module, 'a site');
        assert.equal(pangyo.detail, 'site — SK C&C Pangyo');
        assert.equal(items.find(i => i.label === 'capital')!.kind, CompletionItemKind.Folder, 'a region');
        assert.equal(items.find(i => i.label === 'pangyo-power')!.kind, CompletionItemKind.Interface, 'an infra');

        const uses = await complete('import "sites.topo"\nservice s { runs on pangyo }\nservice t { runs on pangyo }\nservice u { uses t, | }\n');
        assert.deepEqual(labels(uses.items.filter(i => !i.additionalTextEdits)), ['s'], 'services only, not itself nor one already listed');
        assert.equal(uses.items[0].kind, CompletionItemKind.Class);
    });

    it('`depends on` offers any element and `any`; `in` offers the containers the element may have', async () => {
        const deps = labels((await complete('import "sites.topo"\nservice s { runs on pangyo }\nservice t { depends on | }\n')).items);
        assert.ok(deps.includes('s') && deps.includes('pangyo') && deps.includes('capital') && deps.includes('any'), deps.join(', '));
        assert.ok(!deps.includes('t'), 'not itself');
        const inRegion = labels((await complete('import "sites.topo"\nsite x in |\n')).items.filter(i => !i.additionalTextEdits));
        assert.deepEqual(inRegion, ['capital', 'south']);
        const tier = labels((await complete('service s { tier | }\n')).items);
        assert.deepEqual(tier, ['critical', 'high', 'normal', 'low']);
        const standby = labels((await complete('import "sites.topo"\nservice s { runs on pangyo (3, | }\n')).items);
        assert.deepEqual(standby, ['standby']);
    });

    it('offers `import` and the element kinds at the top, `in` after a name, not `import` after an element', async () => {
        assert.deepEqual(labels((await complete('|')).items), ['import', 'region', 'site', 'infra', 'service', 'datastore', 'policy', 'drill']);
        assert.deepEqual(labels((await complete('import "sites.topo"\nservice a\n|')).items), ['region', 'site', 'infra', 'service', 'datastore', 'policy', 'drill']);
        assert.deepEqual(labels((await complete('site a "A" |')).items), ['in', 'region', 'site', 'infra', 'service', 'datastore', 'policy', 'drill']);
        assert.deepEqual(labels((await complete('service |')).items), [], 'a new name');
        assert.deepEqual(labels((await complete('// runs on |\n')).items), [], 'nothing in a comment');
    });

    it('completes a partly typed name and replaces it whole', async () => {
        const { items, text } = await complete('import "sites.topo"\nservice s { runs on pan| }\n');
        const pangyo = items.find(i => i.label === 'pangyo-power')!;
        assert.ok(pangyo.textEdit && 'range' in pangyo.textEdit);
        assert.equal(applyEdits(text, [pangyo.textEdit]), 'import "sites.topo"\nservice s { runs on pangyo-power }\n');
    });

    it('offers a name from a file not imported, with the edit that adds the import', async () => {
        const { items, text } = await complete('import "sites.topo"\n\nservice t { runs on pangyo }\nservice s {\n  runs on pangyo\n  uses |\n}\n');
        const billing = items.find(i => i.label === 'billing');
        assert.ok(billing, labels(items).join(', '));
        assert.match(billing.detail ?? '', /declared in extra\.topo, not imported: adds `import "extra\.topo"`/);
        const seen = items.filter(i => !i.additionalTextEdits);
        assert.ok(seen.length > 0 && seen.every(i => i.sortText! < billing.sortText!), 'names the file sees come first');
        const edited = applyEdits(text, [billing.textEdit as { range: never; newText: string }, ...billing.additionalTextEdits!]);
        assert.equal(edited, 'import "sites.topo"\nimport "extra.topo"\n\nservice t { runs on pangyo }\nservice s {\n  runs on pangyo\n  uses billing\n}\n');
        const v = ++version;
        await client.change(uris['scratch.topo'], edited, v);
        const published = await client.published(uris['scratch.topo'], p => p.version === v);
        assert.deepEqual(published.diagnostics.filter(d => d.severity === 1).map(d => d.message), [], 'it resolves');
        const daejeon = (await complete('service s {\n  runs on |\n}\n')).items.find(i => i.label === 'daejeon');
        assert.ok(daejeon?.additionalTextEdits, 'a site from extra.topo, for `runs on`');
        assert.equal(applyEdits('service s {\n  runs on \n}\n', daejeon.additionalTextEdits), 'import "extra.topo"\n\nservice s {\n  runs on \n}\n');
    });
});

describe('editing: completion in a large workspace', function () {
    this.timeout(60_000);
    let client: TestClient;
    after(async () => client?.stop());

    it('offers at most 500 references, those the file sees first, in an incomplete list narrowed by what is typed', async () => {
        const sites = Array.from({ length: 700 }, (_, i) => `site s-${String(i).padStart(3, '0')}`).join('\n') + '\n';
        const others = Array.from({ length: 50 }, (_, i) => `site far-${i}`).join('\n') + '\n';
        const started = await startServer({ 'many.topo': sites, 'others.topo': others, 'main.topo': 'import "many.topo"\n' }, { prefix: 'topo-editing-large-' });
        client = started.client;
        const { uris } = started;
        const completeAt = async (text: string, version: number): Promise<CompletionList> => {
            if (version === 1) await client.open(uris['main.topo'], text, version); else await client.change(uris['main.topo'], text, version);
            await client.published(uris['main.topo'], p => p.version === version);
            const result = await client.request<CompletionList | null>('textDocument/completion', {
                textDocument: { uri: uris['main.topo'] }, position: positionAt(text, text.length - 3)
            });
            assert.ok(result && !Array.isArray(result));
            return result;
        };
        const all = await completeAt('import "many.topo"\nservice a { runs on  }\n', 1);
        assert.equal(all.isIncomplete, true);
        assert.equal(all.items.length, 500);
        assert.ok(all.items.every(i => !i.additionalTextEdits), 'the 500 are names the file sees (it sees 700)');
        // typed `far`: the 50 from the file not imported, complete with their import edits
        const far = await completeAt('import "many.topo"\nservice a { runs on far }\n', 2);
        assert.deepEqual(far.items.map(i => i.label).sort(), Array.from({ length: 50 }, (_, i) => `far-${i}`).sort());
        assert.ok(far.items.every(i => i.additionalTextEdits), 'each adds `import "others.topo"`');
        // typed `s-69`: s-069, s-169 … s-690 … s-699 hold those characters in order
        const narrowed = await completeAt('import "many.topo"\nservice a { runs on s-69 }\n', 3);
        assert.ok(narrowed.items.some(i => i.label === 's-699') && narrowed.items.some(i => i.label === 's-069'));
        assert.ok(narrowed.items.every(i => /s.*-.*6.*9/.test(String(i.label))), narrowed.items.map(i => i.label).join(', '));
    });
});
