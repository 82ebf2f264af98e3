/**
 * The language server reads the `severity` of topo.json (the file `topo check` reads), found from
 * each document's folder upwards; the `topo.severity.*` settings apply on top; a topo.json with a
 * mistake is left out, never a crash; a change to it applies at once (the editor's file events).
 */
import { strict as assert } from 'node:assert';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { subjectOf } from '../helpers/diagnostic-subject.js';
import { startServer } from '../helpers/lsp-server.js';
import { MAIN, SERVICES, SITES } from './fixtures.js';
import type { TestClient } from './lsp-client.js';

const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter(d => d.code === code);

describe('language server: topo.json', function () {
    const clients: TestClient[] = [];
    after(async () => Promise.all(clients.map(c => c.stop())));

    it('applies its severities, with the topo.severity.* settings on top', async () => {
        const config = JSON.stringify({ severity: { spof: 'hint', 'observer-shares-fate': 'off', 'async-replication': 'warning' } });
        const { client, uris } = await startServer(
            { 'topo.json': config, 'models/sites.topo': SITES, 'models/services.topo': SERVICES, 'models/main.topo': MAIN },
            { settings: { severity: { spof: 'information' } }, open: { 'models/main.topo': 1 } });
        clients.push(client);
        const published = await client.published(uris['models/main.topo'], p => p.version === 1);
        assert.deepEqual(byCode(published, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity), [3], 'the setting wins');
        assert.equal(byCode(published, 'observer-shares-fate').length, 0, 'off in topo.json');
        assert.deepEqual(byCode(published, 'async-replication').map(d => d.severity), [2], 'warning in topo.json');
    });

    it('leaves out a topo.json with a mistake', async () => {
        const { client, uris } = await startServer(
            { 'topo.json': '{ "severity": { "spof": "loud" } }', 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN },
            { open: { 'main.topo': 1 } });
        clients.push(client);
        const published = await client.published(uris['main.topo'], p => p.version === 1);
        assert.deepEqual(byCode(published, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity), [1], 'the default severity');
        assert.equal(byCode(published, 'observer-shares-fate').length, 1);
    });

    it('validates every document again when topo.json is created, changed or deleted', async () => {
        const { client, folder, uris } = await startServer(
            { 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN },
            { open: { 'main.topo': 1 } });
        clients.push(client);
        const main = uris['main.topo'];
        const talkSpof = (p: PublishDiagnosticsParams) => byCode(p, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity);
        assert.deepEqual(talkSpof(await client.published(main, p => p.version === 1)), [1], 'no topo.json: the default severity');
        const configFile = join(folder, 'topo.json');
        const announce = (type: 1 | 2 | 3) => client.connection.sendNotification('workspace/didChangeWatchedFiles',
            { changes: [{ uri: pathToFileURL(configFile).href, type }] });

        let from = client.diagnostics.all.length;
        writeFileSync(configFile, JSON.stringify({ severity: { spof: 'hint' } }));
        await announce(1);
        assert.deepEqual(talkSpof(await client.published(main, p => talkSpof(p)[0] !== 1, from)), [4], 'created: hint');

        from = client.diagnostics.all.length;
        writeFileSync(configFile, JSON.stringify({ severity: { spof: 'off' } }));
        await announce(2);
        assert.deepEqual(talkSpof(await client.published(main, p => talkSpof(p)[0] !== 4, from)), [], 'changed: off');

        from = client.diagnostics.all.length;
        unlinkSync(configFile);
        await announce(3);
        assert.deepEqual(talkSpof(await client.published(main, p => talkSpof(p).length > 0, from)), [1], 'deleted: the default again');
    });
});
