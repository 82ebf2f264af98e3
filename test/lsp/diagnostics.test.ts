/**
 * The language server's diagnostics over a real LSP connection: codes, source, links to the
 * finding pages, related information, versions; imports in the editor; a change in an imported
 * file re-publishing its importers; one analysis per batch; severity settings.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ModelChangedNotification, type ModelChangedParams } from '../../server/src/common/protocol.js';
import { subjectOf } from '../helpers/diagnostic-subject.js';
import { startServer } from '../helpers/lsp-server.js';
import { fileUri, tempFolder, writeFiles } from '../helpers/temp-files.js';
import { APP, BROKEN, MAIN, SERVICES, SERVICES_SPREAD, SITES } from './fixtures.js';
import { TestClient } from './lsp-client.js';

const byCode = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter(d => d.code === code);
/** The causes a diagnostic's related information names ("if pangyo fails, talk goes down"), in name order. */
const causes = (d: Diagnostic): string[] => (d.relatedInformation ?? []).map(r => /^if (\S+) fails, /.exec(r.message)?.[1]).filter((x): x is string => x !== undefined).sort();

describe('language server: diagnostics', function () {
    let client: TestClient;
    let uris: Record<string, string>;

    before(async () => {
        ({ client, uris } = await startServer(
            { 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN, 'broken.topo': BROKEN, 'app.topo': APP },
            { open: { 'main.topo': 3, 'services.topo': 5, 'broken.topo': 1, 'app.topo': 1 } }));
    });

    after(async () => client?.stop());

    it('publishes findings with code, source, a link to their page, related places and the version', async () => {
        const main = await client.published(uris['main.topo'], p => p.version === 3 && byCode(p, 'spof').length > 0);
        const spof = byCode(main, 'spof').find(d => subjectOf(d) === 'talk');
        assert.ok(spof, JSON.stringify(main.diagnostics));
        assert.equal(spof.source, 'topo');
        assert.equal(spof.severity, 1, 'talk is critical: an error');
        assert.deepEqual(spof.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
        assert.match(spof.message, /talk goes down if pangyo fails \(talk → auth → runs only on pangyo\)/);
        assert.deepEqual(causes(spof), ['pangyo']);
        const page = spof.codeDescription?.href ?? '';
        assert.match(page, /^file:\/\/.*\/docs\/findings\/spof\.md$/);
        assert.ok(existsSync(fileURLToPath(page)), `${page} exists`);
        const related = (spof.relatedInformation ?? []).map(r => `${r.location.uri.split('/').pop()}:${r.location.range.start.line}: ${r.message}`);
        assert.ok(related.includes('sites.topo:3: if pangyo fails, talk goes down'), related.join('\n'));
        assert.ok(related.includes('services.topo:2: talk depends on auth'), related.join('\n'));
        assert.ok(related.includes('sites.topo:3: auth runs only on pangyo'), related.join('\n'));

        const asyncReplication = byCode(main, 'async-replication')[0];
        assert.ok(asyncReplication, 'async-replication is reported');
        assert.equal(asyncReplication.severity, 3);
        assert.match(asyncReplication.codeDescription?.href ?? '', /docs\/findings\/async-replication\.md$/);
        assert.equal(byCode(main, 'observer-shares-fate').length, 1);

        const services = await client.published(uris['services.topo'], p => p.version === 5 && byCode(p, 'spof').length > 0);
        assert.deepEqual(byCode(services, 'spof').map(causes), [['pangyo']]);
    });

    it('publishes language errors with their code and a link to the reference', async () => {
        const broken = await client.published(uris['broken.topo'], p => p.version === 1);
        const unresolved = byCode(broken, 'unresolved-reference');
        assert.equal(unresolved.length, 1, JSON.stringify(broken.diagnostics));
        assert.equal(unresolved[0].source, 'topo');
        assert.match(unresolved[0].message, /`nothing-here` is not declared/);
        assert.match(unresolved[0].codeDescription?.href ?? '', /docs\/language\.md#language-errors$/);
    });

    it('re-publishes every open importer of an edited file, analysing the batch once', async () => {
        // every open has been built (builds run one after another; app.topo was opened last)
        await client.published(uris['main.topo'], p => p.version === 3);
        await client.published(uris['broken.topo'], p => p.version === 1);
        await client.published(uris['app.topo'], p => p.version === 1);
        const logMark = client.logs.all.length;
        const notificationMark = client.notifications.all.length;
        const publishMark = client.diagnostics.all.length;
        await client.change(uris['services.topo'], SERVICES_SPREAD, 6);

        const services = await client.published(uris['services.topo'], p => p.version === 6, publishMark);
        assert.deepEqual(byCode(services, 'spof').map(causes), [['capital']]);
        // main.topo did not change: it is re-published with its own version and the new findings
        const main = await client.published(uris['main.topo'], () => true, publishMark);
        assert.equal(main.version, 3);
        const talk = byCode(main, 'spof').find(d => subjectOf(d) === 'talk');
        assert.deepEqual(talk && causes(talk), ['capital']);
        await client.published(uris['broken.topo'], () => true, publishMark);
        await client.published(uris['app.topo'], () => true, publishMark);

        const changed = await client.notified(ModelChangedNotification.method, p => (p as ModelChangedParams).uris.includes(uris['services.topo']), notificationMark) as ModelChangedParams;
        assert.ok(changed.uris.includes(uris['main.topo']) && changed.uris.includes(uris['broken.topo']), changed.uris.join(', '));
        const analyses = client.logs.all.slice(logMark).filter(l => /analysed/.test(l));
        // main.topo, broken.topo and app.topo are three maximal closures, all containing services.topo
        assert.equal(analyses.length, 3, analyses.join('\n'));
    });

    it('re-publishes an importer that names nothing in the edited file (it imports it transitively)', async () => {
        // app.topo only names `auth` (services.topo); sites.topo changes what auth's failure hangs on
        await client.published(uris['app.topo'], p => p.version === 1);
        const mark = client.diagnostics.all.length;
        const sites = SITES.replace('region capital "Seoul Capital Area"', 'infra grid\nregion capital "Seoul Capital Area" { depends on grid }');
        await client.open(uris['sites.topo'], sites, 1);
        const app = await client.published(uris['app.topo'], p => p.diagnostics.some(d => subjectOf(d) === 'portal' && /Also: .*grid/.test(d.message)), mark);
        assert.equal(app.version, 1);
    });
});

describe('language server: one analysis per batch, not per file', function () {
    let client: TestClient;

    after(async () => client?.stop());

    it('analyses a chain of imports once when its first file changes', async () => {
        const files: Record<string, string> = { 'f0.topo': 'site s0\nservice a0 { runs on s0 }\n' };
        for (let i = 1; i < 8; i++) {
            files[`f${i}.topo`] = `${Array.from({ length: i }, (_, j) => `import "f${j}.topo"`).join('\n')}\nsite s${i}\nservice a${i} { runs on s${i} depends on a${i - 1} }\n`;
        }
        const started = await startServer(files, { open: Object.fromEntries(Object.keys(files).map(path => [path, 1])) });
        client = started.client;
        const { uris } = started;

        const logMark = client.logs.all.length;
        const notificationMark = client.notifications.all.length;
        const publishMark = client.diagnostics.all.length;
        await client.change(uris['f0.topo'], 'site s0\nsite t0\nservice a0 { runs on s0, t0 }\n', 2);
        await client.notified(ModelChangedNotification.method, p => (p as ModelChangedParams).uris.includes(uris['f0.topo']), notificationMark);
        for (const path of Object.keys(files)) await client.published(uris[path], () => true, publishMark);
        const analyses = client.logs.all.slice(logMark).filter(l => /analysed/.test(l));
        assert.equal(analyses.length, 1, analyses.join('\n'));
        assert.match(analyses[0], /analysed f7\.topo with its imports: 8 files/);
        // a7 needs every aN: its SPOFs were s0…s7, now s0 has a second site
        const last = await client.published(uris['f7.topo'], () => true, publishMark);
        const spof = last.diagnostics.find(d => d.code === 'spof');
        assert.deepEqual(spof && causes(spof), ['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
    });
});

describe('language server: a newer edit cancels the work in progress', function () {
    it('drops the build of an outdated version and publishes the newer one', async () => {
        let release!: () => void;
        const gate = new Promise<void>(resolve => release = resolve);
        // no workspace folder; validation waits for the settings, which this client holds back
        const client = await TestClient.start({ configurationGate: gate });
        try {
            const uri = fileUri(join(tempFolder(), 'edited.topo'));
            await client.open(uri, 'site a\nservice b { runs on a }\n', 1);
            await client.change(uri, 'site a\nsite c\nservice b { runs on a, c }\n', 2);
            // answered once the server has taken in both notifications (messages are handled in order)
            await client.request('textDocument/documentSymbol', { textDocument: { uri } });
            release();
            const published = await client.published(uri, p => p.version === 2);
            assert.deepEqual(published.diagnostics.map(d => d.code), []);
            assert.deepEqual(client.diagnostics.all.filter(p => p.uri === uri).map(p => p.version), [2], 'version 1 was never published');
        } finally {
            release();
            await client.stop();
        }
    });
});

describe('language server: imports in the editor', function () {
    let client: TestClient;
    let folder: string;
    let outside: string;

    before(async () => {
        const root = tempFolder();
        folder = join(root, 'workspace');
        outside = join(root, 'shared');
        mkdirSync(folder);
        writeFiles(outside, { 'sites.topo': 'site far-away\n' });
        mkdirSync(join(folder, 'a-folder.topo'));
        writeFileSync(join(folder, 'binary.topo'), Buffer.from([0x73, 0x69, 0x74, 0x65, 0x00, 0x01]));
        client = await TestClient.start({ folder });
    });

    after(async () => client?.stop());

    it('loads an import outside the workspace folder', async () => {
        const text = 'import "../shared/sites.topo"\nservice app { runs on far-away }\n';
        const uri = fileUri(join(folder, 'app.topo'));
        await client.open(uri, text, 1);
        const published = await client.published(uri, p => p.version === 1);
        assert.deepEqual(published.diagnostics.filter(d => d.severity === 1).map(d => d.message), []);
        assert.deepEqual(published.diagnostics.filter(d => d.code === 'spof').map(causes), [['far-away']]);
    });

    it('says on the import why a target cannot be read', async () => {
        const text = 'import "a-folder.topo"\nimport "binary.topo"\nimport "later.topo"\nsite s\n';
        const uri = fileUri(join(folder, 'imports.topo'));
        await client.open(uri, text, 1);
        const published = await client.published(uri, p => p.version === 1);
        const missing = published.diagnostics.filter(d => d.code === 'missing-import');
        assert.deepEqual(missing.map(d => [d.range.start.line, d.message]), [
            [0, 'Cannot import "a-folder.topo": a-folder.topo is a directory, not a file.'],
            [1, 'Cannot import "binary.topo": binary.topo is a binary file, not a .topo model.'],
            [2, 'Cannot import "later.topo": later.topo does not exist.']
        ]);
    });

    it('loads an import target created later and re-publishes the importer', async () => {
        const uri = fileUri(join(folder, 'imports.topo'));
        const mark = client.diagnostics.all.length;
        writeFileSync(join(folder, 'later.topo'), 'site later-site\n');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'later.topo')), type: 1 }] });
        const published = await client.published(uri, p => !p.diagnostics.some(d => /later\.topo/.test(d.message)), mark);
        assert.equal(published.version, 1);
        assert.equal(published.diagnostics.filter(d => d.code === 'missing-import').length, 2);
    });
});

describe('language server: severity settings', function () {
    let client: TestClient;
    let uri: string;

    before(async () => {
        const started = await startServer({ 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN },
            { settings: { severity: { spof: 'hint', 'async-replication': 'off' } }, open: { 'main.topo': 1 } });
        client = started.client;
        uri = started.uris['main.topo'];
    });

    after(async () => client?.stop());

    it('applies topo.severity.<code> from the settings', async () => {
        const published = await client.published(uri, p => p.version === 1);
        assert.deepEqual(byCode(published, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity), [4]);
        assert.equal(byCode(published, 'async-replication').length, 0);
        assert.equal(byCode(published, 'observer-shares-fate').length, 1);
    });

    it('re-publishes when the settings change', async () => {
        await client.published(uri, p => p.version === 1);
        const mark = client.diagnostics.all.length;
        client.settings = { severity: { spof: 'information', 'observer-shares-fate': 'off' } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { topo: client.settings } });
        const published = await client.published(uri, () => true, mark);
        assert.equal(published.version, 1);
        assert.deepEqual(byCode(published, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity), [3]);
        assert.equal(byCode(published, 'async-replication').length, 1);
        assert.equal(byCode(published, 'observer-shares-fate').length, 0);
    });

    it('asks for the settings when a change does not carry them', async () => {
        await client.published(uri, p => p.version === 1);
        const mark = client.diagnostics.all.length;
        client.settings = { severity: { spof: 'warning' } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        const published = await client.published(uri, () => true, mark);
        assert.deepEqual(byCode(published, 'spof').filter(d => subjectOf(d) === 'talk').map(d => d.severity), [2]);
    });
});
