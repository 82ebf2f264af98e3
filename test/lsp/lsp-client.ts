/**
 * A real LSP client for the tests: spawns the bundled server (`node out/server.cjs --stdio`) and
 * talks to it over its stdio streams with vscode-languageserver-protocol. Everything is awaited
 * on events (a publish, a log line, a notification), never on time.
 */
import type { RequestType } from '../../server/src/common/protocol.js';
import { SERVER_NODE_ARGS } from '../../server/src/common/server-node-args.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type CancellationToken, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';
import { fileUri } from '../helpers/temp-files.js';
import { HANG_GUARD_MS } from '../helpers/hang-guard.js';

export const SERVER = join(PROJECT_ROOT, 'out', 'server.cjs');

export function requireBuiltServer(): void {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
}

export interface ClientOptions {
    /** the workspace folder the server loads at start */
    folder?: string;
    /** what `workspace/configuration` answers for the `topo` section */
    settings?: Record<string, unknown>;
    /** the answer to `workspace/configuration` waits for this */
    configurationGate?: Promise<void>;
    /** extra options for node (e.g. --cpu-prof when measuring) */
    nodeArgs?: string[];
    /** extra environment for the server */
    env?: Record<string, string>;
    /** advertise `window.workDoneProgress` (the server may then report progress) */
    workDoneProgress?: boolean;
    /** the `initializationOptions` of `initialize` (the VS Code client sends `{ commandLinks: true }`) */
    initializationOptions?: unknown;
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

class Stream<T> {
    readonly all: T[] = [];
    private waiters: Waiter<T>[] = [];

    push(value: T): void {
        this.all.push(value);
        for (const waiter of [...this.waiters]) {
            if (waiter.test(value)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(value);
            }
        }
    }

    /** The first value from index `from` on (past or future) that passes `test`. */
    next(test: (value: T) => boolean, from = 0, describe = () => ''): Promise<T> {
        const found = this.all.slice(from).find(test);
        if (found !== undefined) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter(w => w.resolve !== done);
                reject(new Error(`timed out waiting; ${describe()}`));
            }, HANG_GUARD_MS);
            const done = (value: T) => { clearTimeout(timer); resolve(value); };
            this.waiters.push({ test, resolve: done });
        });
    }
}

export class TestClient {
    readonly diagnostics = new Stream<PublishDiagnosticsParams>();
    readonly logs = new Stream<string>();
    readonly notifications = new Stream<{ method: string; params: unknown }>();
    /** `$/progress` notifications and the tokens created for them */
    readonly progress = new Stream<{ token: string | number; value: { kind: string; title?: string; message?: string } }>();
    readonly progressTokens: Array<string | number> = [];
    initializeResult!: InitializeResult;
    stderr = '';
    settings: Record<string, unknown>;
    private readonly closed: Promise<number | null>;

    private constructor(readonly connection: ProtocolConnection, readonly child: ChildProcess, options: ClientOptions) {
        this.settings = options.settings ?? {};
        this.closed = new Promise(resolve => child.on('close', code => resolve(code)));
        child.stderr!.on('data', chunk => this.stderr += chunk);
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.diagnostics.push(params));
        connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
        connection.onNotification('topo/modelChanged', (params: unknown) => this.notifications.push({ method: 'topo/modelChanged', params }));
        connection.onRequest('workspace/configuration', async (params: { items: Array<{ section?: string }> }) => {
            await options.configurationGate;
            return params.items.map(item => item.section === 'topo' ? this.settings : null);
        });
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('client/unregisterCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
            this.progressTokens.push(params.token);
            return null;
        });
        connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => this.progress.push(params));
        connection.onRequest('workspace/semanticTokens/refresh', () => null);
    }

    static async start(options: ClientOptions = {}): Promise<TestClient> {
        requireBuiltServer();
        const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), SERVER, '--stdio'], {
            stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env }
        });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const client = new TestClient(connection, child, options);
        connection.listen();
        const folder = options.folder;
        client.initializeResult = await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: folder ? fileUri(folder) : null,
            workspaceFolders: folder ? [{ uri: fileUri(folder), name: basename(folder) }] : null,
            initializationOptions: options.initializationOptions,
            capabilities: {
                window: { workDoneProgress: options.workDoneProgress ?? false },
                workspace: {
                    configuration: true,
                    workspaceFolders: true,
                    didChangeConfiguration: { dynamicRegistration: true },
                    didChangeWatchedFiles: { dynamicRegistration: true },
                    symbol: {}
                },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    semanticTokens: {
                        requests: { full: { delta: true }, range: true },
                        tokenTypes: [], tokenModifiers: [], formats: ['relative']
                    },
                    definition: { linkSupport: true },
                    foldingRange: {}
                }
            }
        }) as InitializeResult;
        await connection.sendNotification('initialized', {});
        return client;
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version, text } });
    }

    change(uri: string, text: string, version: number): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    request<T>(method: string, params: unknown, token?: CancellationToken): Promise<T> {
        return (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<T>;
    }

    /** A request of topo's own protocol, typed as server/src/common/protocol.ts says. */
    send<P, R>(type: RequestType<P, R>, params: P, token?: CancellationToken): Promise<R> {
        return this.request<R>(type.method, params, token);
    }

    /** The first publish for `uri` (from index `from` on) that passes `test`. */
    published(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0): Promise<PublishDiagnosticsParams> {
        return this.diagnostics.next(p => p.uri === uri && test(p), from, () =>
            `publishes for ${uri}: ${JSON.stringify(this.diagnostics.all.filter(p => p.uri === uri).map(p => ({ version: p.version, d: p.diagnostics.map(d => `${d.code}: ${d.message}`) })), null, 1)}\nstderr: ${this.stderr}`);
    }

    notified(method: string, test: (params: unknown) => boolean = () => true, from = 0): Promise<unknown> {
        return this.notifications.next(n => n.method === method && test(n.params), from, () => `notifications: ${this.notifications.all.map(n => n.method).join(', ')}`)
            .then(n => n.params);
    }

    async stop(): Promise<void> {
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } catch {
            this.child.kill();
        }
        await this.closed;
        this.connection.dispose();
    }
}
