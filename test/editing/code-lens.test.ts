/**
 * Code lenses over a real LSP connection: one per nearest SPOF of each service, with the users of
 * that domain's blast radius and the `topo.simulateFailure` command; "no single point of failure"
 * otherwise; updated with the text.
 */
import { strict as assert } from 'node:assert';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { startServer } from '../helpers/lsp-server.js';
import { positionOf } from '../helpers/text-position.js';
import type { TestClient } from '../lsp/lsp-client.js';
import { EXTRA, MAIN, rangeText, SITES } from './fixtures.js';

describe('editing: code lens', function () {
    let client: TestClient;
    let uris: Record<string, string>;

    before(async () => {
        ({ client, uris } = await startServer({ 'sites.topo': SITES, 'extra.topo': EXTRA, 'main.topo': MAIN },
            { prefix: 'topo-editing-', open: { 'main.topo': 1 } }));
    });

    after(async () => client?.stop());

    const lenses = (uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const shown = (text: string, list: CodeLens[]) => list.map(l => `${rangeText(text, l.range)}: ${l.command?.title}`);

    it('shows one lens per nearest SPOF with the users of its blast radius, or "no single point of failure"', async () => {
        const list = await lenses(uris['main.topo']);
        assert.deepEqual(shown(MAIN, list), [
            'auth: down if pangyo fails · 43.2M users',
            'talk: down if pangyo fails · 43.2M users',
            'portal: no single point of failure',
            'dual: down if busan fails · 0 users',
            'dual: down if pangyo fails · 43.2M users',
            'ledger: down if pangyo fails · 43.2M users'
        ]);
        assert.deepEqual(list[0].range, { start: positionOf(MAIN, 'auth'), end: positionOf(MAIN, 'auth', 0, 4) });
    });

    it('runs topo.simulateFailure with the file and the domain when clicked', async () => {
        const list = await lenses(uris['main.topo']);
        const dual = list.filter(l => rangeText(MAIN, l.range) === 'dual');
        assert.deepEqual(dual.map(l => ({ command: l.command?.command, arguments: l.command?.arguments })), [
            { command: 'topo.simulateFailure', arguments: [uris['main.topo'], 'busan'] },
            { command: 'topo.simulateFailure', arguments: [uris['main.topo'], 'pangyo'] }
        ]);
        const none = list.find(l => l.command?.title === 'no single point of failure');
        assert.equal(none?.command?.command, '', 'shown, not clickable');
    });

    it('follows the text: spreading a service over two regions removes its SPOF lens; a never-up service says so', async () => {
        const text = MAIN.replace('runs on pangyo (30)', 'runs on pangyo (30), busan (30)') + 'service broken { runs on pangyo quorum 5 }\n';
        await client.change(uris['main.topo'], text, 2);
        await client.published(uris['main.topo'], p => p.version === 2);
        const list = await lenses(uris['main.topo']);
        assert.deepEqual(shown(text, list).slice(0, 2), [
            'auth: no single point of failure',
            'talk: down if capital fails · 43.2M users'
        ]);
        assert.deepEqual(shown(text, list).slice(-1), ['broken: never up: down even with nothing failed']);
    });

    it('shows the lenses of a file that sees less with the users it sees', async () => {
        const list = await lenses(uris['extra.topo']);
        assert.deepEqual(shown(EXTRA, list), ['billing: down if daejeon fails · 0 users']);
    });
});
