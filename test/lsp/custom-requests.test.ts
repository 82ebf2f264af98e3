/**
 * The editor protocol (server/src/protocol.ts) over a real LSP connection: the model graph of a
 * file's import closure (with the importance measures of `topo analyze --importance` when asked
 * for), a simulation, a blast radius; a cancelled request; the `topo-language-server` command.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
    CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult
} from 'vscode-languageserver-protocol/node.js';
import { BlastRadiusRequest, IMPORTANCE_IN_EDITOR_ELEMENTS, ModelGraphRequest, SimulateRequest } from '../../server/src/common/protocol.js';
import { startServer, workspaceOf } from '../helpers/lsp-server.js';
import { PROJECT_ROOT, runTopo } from '../helpers/run-topo.js';
import { MAIN, SERVICES, SITES } from './fixtures.js';
import { requireBuiltServer, TestClient } from './lsp-client.js';

describe('language server: editor protocol', function () {
    let client: TestClient;
    let uris: Record<string, string>;

    let folder: string;

    before(async () => {
        ({ client, uris, folder } = await startServer({ 'sites.topo': SITES, 'services.topo': SERVICES, 'main.topo': MAIN }, { open: { 'main.topo': 7 } }));
    });

    after(async () => client?.stop());

    it('answers the model graph of a file\'s import closure', async () => {
        const graph = await client.send(ModelGraphRequest, { uri: uris['main.topo'] });
        assert.equal(graph.uri, uris['main.topo']);
        assert.equal(graph.version, 7);
        assert.deepEqual(graph.errors, []);
        assert.deepEqual(graph.elements.map(e => e.name).sort(), ['ansan', 'auth', 'capital', 'messages', 'pangyo', 'pangyo-power', 'status', 'talk']);
        const talk = graph.elements.find(e => e.name === 'talk')!;
        assert.deepEqual({ kind: talk.kind, label: talk.label, tier: talk.tier, users: talk.users, spof: talk.spof, nearest: talk.nearestSpofs, neverUp: talk.neverUp },
            { kind: 'service', label: 'KakaoTalk', tier: 'critical', users: 43.2e6, spof: true, nearest: ['pangyo'], neverUp: false });
        assert.ok(Math.abs((talk.availability ?? 0) - 0.9995) < 1e-9);
        assert.deepEqual(talk.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 12 } });
        const pangyo = graph.elements.find(e => e.name === 'pangyo')!;
        assert.equal(pangyo.container, 'capital');
        assert.ok(pangyo.uri.endsWith('/sites.topo'));
        assert.equal(graph.elements.find(e => e.name === 'pangyo-power')!.infraKind, 'power');
        assert.deepEqual(graph.placements.filter(p => p.service === 'talk'), [
            { service: 'talk', domain: 'pangyo', replicas: 200, standby: false, backup: false },
            { service: 'talk', domain: 'ansan', replicas: 40, standby: false, backup: false }
        ]);
        assert.deepEqual(graph.edges.filter(e => e.from === 'talk' || e.from === 'status'), [
            { from: 'talk', to: 'auth', kind: 'hard' },
            { from: 'status', to: 'talk', kind: 'monitors' }
        ]);
        // services.topo sees only itself and sites.topo
        const services = await client.send(ModelGraphRequest, { uri: uris['services.topo'] });
        assert.deepEqual(services.elements.map(e => e.name).sort(), ['ansan', 'auth', 'capital', 'pangyo', 'pangyo-power']);
        assert.equal(services.version, undefined);
    });

    it('simulates a failure set with outage lengths and reasons', async () => {
        const result = await client.send(SimulateRequest, { uri: uris['main.topo'], failed: ['pangyo', 'not-a-name'] });
        assert.deepEqual(result.failed, ['pangyo', 'not-a-name']);
        assert.deepEqual(result.down, ['auth', 'status', 'talk']);
        assert.deepEqual(result.up, ['messages']);
        assert.deepEqual(result.domainsDown, ['pangyo', 'pangyo-power']);
        assert.equal(result.users, 43.2e6);
        assert.deepEqual(result.outages.auth, { minutes: 600, reason: 'until pangyo recovers', users: 0 });
        assert.deepEqual(result.outages.talk, { minutes: 600, reason: 'needs auth, down until pangyo recovers', users: 43_200_000 });
        // from services.topo, talk and status do not exist
        const narrow = await client.send(SimulateRequest, { uri: uris['services.topo'], failed: ['pangyo'] });
        assert.deepEqual(narrow.down, ['auth']);
        assert.equal(narrow.users, 0);
        // the outage over time, as each file sees it
        assert.deepEqual(result.timeline?.steps.map(s => [s.at, s.down, s.users]), [[0, ['auth', 'status', 'talk'], 43.2e6], [600, [], 0]]);
        assert.equal(result.timeline?.end, 600);
        assert.deepEqual(narrow.timeline?.steps.map(s => [s.at, s.down, s.users]), [[0, ['auth'], 0], [600, [], 0]]);
    });

    it('answers the blast radius of one element, and refuses an unknown one', async () => {
        const radius = await client.send(BlastRadiusRequest, { uri: uris['main.topo'], element: 'capital' });
        assert.deepEqual(radius, { element: 'capital', down: ['auth', 'messages', 'status', 'talk'], degraded: [], users: 43.2e6, domainsDown: ['ansan', 'capital', 'pangyo', 'pangyo-power'] });
        // the graph carries each domain's blast radius in users (the preview's heat map), services none
        const graph = await client.send(ModelGraphRequest, { uri: uris['main.topo'] });
        for (const e of graph.elements) {
            if (e.kind === 'service' || e.kind === 'datastore') assert.equal(e.blastUsers, undefined, e.name);
            else assert.equal(e.blastUsers, (await client.send(BlastRadiusRequest, { uri: uris['main.topo'], element: e.name })).users, e.name);
        }
        assert.equal(graph.elements.find(e => e.name === 'capital')!.blastUsers, 43.2e6);
        const service = await client.send(BlastRadiusRequest, { uri: uris['main.topo'], element: 'auth' });
        assert.deepEqual(service.down, ['auth', 'talk']);
        await assert.rejects(client.send(BlastRadiusRequest, { uri: uris['main.topo'], element: 'nowhere' }), /`nowhere` is not declared in main\.topo/);
    });

    it('carries the importance measures of topo analyze --importance only when asked for', async () => {
        const plain = await client.send(ModelGraphRequest, { uri: uris['main.topo'] });
        assert.equal(plain.importance, undefined);
        assert.ok(plain.elements.every(e => e.importance === undefined), 'the heat map by blast radius costs no importance');
        const graph = await client.send(ModelGraphRequest, { uri: uris['main.topo'], importance: true });
        assert.equal(graph.importance, 'computed');
        // the same numbers as the CLI's, for the one domain that declares an availability
        const cli = JSON.parse((await runTopo(['analyze', join(folder, 'main.topo'), '--importance', '--format', 'json'])).stdout) as
            { importance: { domains: { name: string; users: { birnbaum: number; raw: number | null; fussellVesely: number | null } }[] } };
        assert.deepEqual(cli.importance.domains.map(d => d.name), ['pangyo']);
        assert.deepEqual(graph.elements.filter(e => e.importance).map(e => e.name), ['pangyo']);
        const expected = cli.importance.domains[0].users;
        const got = graph.elements.find(e => e.name === 'pangyo')!.importance!;
        for (const key of ['birnbaum', 'raw', 'fussellVesely'] as const) {
            assert.ok(expected[key] !== null && expected[key] > 0, key);
            assert.ok(Math.abs(got[key]! - expected[key]) <= 1e-9 * expected[key], `${key}: ${got[key]} vs the CLI's ${expected[key]}`);
        }
        // the other domains declare no availability: no measures, still their blast radius
        assert.equal(graph.elements.find(e => e.name === 'capital')!.importance, undefined);
        assert.equal(graph.elements.find(e => e.name === 'capital')!.blastUsers, 43.2e6);
    });

    it('does not compute importance in the editor past its size, and says so', async () => {
        const n = Math.ceil(IMPORTANCE_IN_EDITOR_ELEMENTS / 2) + 1;
        const text = Array.from({ length: n }, (_, i) => `site s${i} {\n  availability 99.9%\n}\n\nservice a${i} {\n  runs on s${i}\n}\n`).join('\n');
        const big = workspaceOf({ 'big.topo': text }).uris;
        const graph = await client.send(ModelGraphRequest, { uri: big['big.topo'], importance: true });
        assert.equal(graph.elements.length, 2 * n);
        assert.equal(graph.importance, 'too large');
        assert.ok(graph.elements.every(e => e.importance === undefined));
        // a model where no domain declares an availability has nothing to compute: done at once
        const none = workspaceOf({ 'none.topo': 'site x\n\nservice y {\n  runs on x\n}\n' }).uris;
        const empty = await client.send(ModelGraphRequest, { uri: none['none.topo'], importance: true });
        assert.equal(empty.importance, 'computed');
        assert.ok(empty.elements.every(e => e.importance === undefined));
    });

    it('loads a file it was not told about when asked for its graph', async () => {
        const extra = workspaceOf({ 'lone.topo': 'site x\nservice y { runs on x }\n' }).uris;
        const graph = await client.send(ModelGraphRequest, { uri: extra['lone.topo'] });
        assert.deepEqual(graph.elements.map(e => [e.name, e.spof]), [['x', false], ['y', true]]);
        await assert.rejects(client.send(ModelGraphRequest, { uri: `${extra['lone.topo']}.missing` }), /does not exist/);
    });
});

describe('language server: cancellation', function () {
    it('answers a cancelled request with RequestCancelled and keeps serving', async () => {
        let release!: () => void;
        const gate = new Promise<void>(resolve => release = resolve);
        const { folder, uris } = workspaceOf({ 'sites.topo': SITES, 'services.topo': SERVICES });
        // validation waits for the settings, which this client holds back: the request must wait too
        const client = await TestClient.start({ folder, configurationGate: gate });
        try {
            await client.open(uris['services.topo'], SERVICES, 1);
            const source = new CancellationTokenSource();
            const pending = client.send(SimulateRequest, { uri: uris['services.topo'], failed: ['pangyo'] }, source.token);
            source.cancel();
            await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
            release();
            const published = await client.published(uris['services.topo'], p => p.version === 1);
            assert.ok(published.diagnostics.some(d => d.code === 'spof'));
            const result = await client.send(SimulateRequest, { uri: uris['services.topo'], failed: ['pangyo'] });
            assert.deepEqual(result.down, ['auth']);
        } finally {
            release();
            await client.stop();
        }
    });
});

describe('topo-language-server command', function () {
    it('starts the server over stdio without options', async () => {
        requireBuiltServer();
        const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'topo-language-server.cjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
        const closed = new Promise(resolve => child.on('close', resolve));
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        connection.listen();
        const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as InitializeResult;
        assert.ok(result.capabilities.hoverProvider);
        assert.ok(result.capabilities.renameProvider);
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        assert.equal(await closed, 0);
        connection.dispose();
    });
});
