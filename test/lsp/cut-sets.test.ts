/**
 * Cut sets in the editor over a real LSP connection: the hover of a service links each pair it
 * names to `topo.showCutSet` for a client that asked for command links (the arguments encoded so
 * that names and a folder with spaces survive), none for other clients; and the
 * `topo/cutSets` request the preview's "Cut sets…" uses.
 */
import { strict as assert } from 'node:assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CutSetsRequest, SHOW_CUT_SET_COMMAND } from '../../server/src/common/protocol.js';
import { startServer } from '../helpers/lsp-server.js';
import { positionOf } from '../helpers/text-position.js';
import type { TestClient } from './lsp-client.js';

const MODEL = `site zone_a
site zone_b
site zone_c

service talk {
  runs on zone_a, zone_b, zone_c
  quorum 2
}

service solo {
  runs on zone_a
}
`;

/** The hover on the name of the service `name`. */
const hoverOn = async (client: TestClient, uri: string, name: string): Promise<string> => {
    const position = positionOf(MODEL, `service ${name}`, 0, 'service '.length + 1);
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(result, `a hover on ${name}`);
    return (result.contents as MarkupContent).value;
};

describe('language server: cut sets in hovers and for the preview', function () {
    this.timeout(60_000);

    describe('a client that runs command links (VS Code)', () => {
        let client: TestClient;
        let uris: Record<string, string>;

        before(async () => {
            ({ client, uris } = await startServer({ 'main.topo': MODEL }, {
                open: { 'main.topo': 1 }, prefix: 'topo cut sets-', initializationOptions: { commandLinks: true }
            }));
        });

        after(async () => client?.stop());

        it('links each pair the hover names to topo.showCutSet, its arguments URI-encoded JSON', async () => {
            const text = await hoverOn(client, uris['main.topo'], 'talk');
            assert.match(text, /\*\*Two failures at once:\*\* it survives any one failure; goes down if zone\\_a and zone\\_b both fail/);
            const links = [...text.matchAll(/\[([^\]]*)\]\((command:[^)\s]*)(?: "[^"]*")?\)/g)];
            assert.deepEqual(links.map(l => l[1]), ['zone\\_a + zone\\_b', 'zone\\_a + zone\\_c', 'zone\\_b + zone\\_c']);
            for (const [, , target] of links) {
                const [command, query] = target.slice('command:'.length).split('?');
                assert.equal(command, SHOW_CUT_SET_COMMAND);
                assert.doesNotMatch(query, /[()\s"]/, 'nothing in the target ends the Markdown link');
                const args = JSON.parse(decodeURIComponent(query)) as [string, string[]];
                assert.equal(args[0], uris['main.topo']);
                assert.equal(args[1].length, 2);
            }
            const first = JSON.parse(decodeURIComponent(links[0][2].split('?')[1])) as [string, string[]];
            assert.deepEqual(first[1], ['zone_a', 'zone_b']);
            assert.match(uris['main.topo'], /cut%20sets/, 'the folder has spaces');
        });

        it('no links where no pair takes the service down by itself', async () => {
            const text = await hoverOn(client, uris['main.topo'], 'solo');
            assert.doesNotMatch(text, /command:/);
        });

        it('answers topo/cutSets with the same sets, and a clear error for what is not a service', async () => {
            const result = await client.send(CutSetsRequest, { uri: uris['main.topo'], service: 'talk' });
            assert.deepEqual(result, { service: 'talk', sets: [['zone_a', 'zone_b'], ['zone_a', 'zone_c'], ['zone_b', 'zone_c']], tooLarge: false });
            const solo = await client.send(CutSetsRequest, { uri: uris['main.topo'], service: 'solo' });
            assert.deepEqual(solo.sets, [['zone_a']]);
            await assert.rejects(client.send(CutSetsRequest, { uri: uris['main.topo'], service: 'zone_a' }), /`zone_a` is not a service or datastore declared in main\.topo/);
            await assert.rejects(client.send(CutSetsRequest, { uri: uris['main.topo'], service: 'nowhere' }), /`nowhere` is not a service/);
        });
    });

    it('gives no command links to a client that did not ask for them', async () => {
        const { client, uris } = await startServer({ 'main.topo': MODEL }, { open: { 'main.topo': 1 } });
        try {
            const text = await hoverOn(client, uris['main.topo'], 'talk');
            assert.match(text, /goes down if zone\\_a and zone\\_b both fail/);
            assert.doesNotMatch(text, /command:|Show in the preview/);
        } finally {
            await client.stop();
        }
    });
});
