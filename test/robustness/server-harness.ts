/**
 * Helpers for the server robustness suite: starting the bundled server (test/lsp/lsp-client.ts)
 * with its debug hooks, reading its log for crashes, and comparing publishes.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DebugHeapRequest } from '../../server/src/common/protocol.js';
import { TestClient, type ClientOptions } from '../lsp/lsp-client.js';

/** A debug server: `topo/debug/heap` registered, `gc()` exposed. */
export function startDebug(options: ClientOptions = {}): Promise<TestClient> {
    return TestClient.start({ ...options, env: { TOPO_DEBUG: '1', ...options.env }, nodeArgs: ['--expose-gc', ...(options.nodeArgs ?? [])] });
}

export async function heapUsed(client: TestClient): Promise<number> {
    const result = await client.send(DebugHeapRequest, undefined);
    if (!result.collected) throw new Error('gc() is not exposed to the server');
    return result.heapUsed;
}

const CRASH = /Unhandled|unhandledRejection|unexpected (error|rejection)|^\s+at .+[:(]\d+:\d+\)?$/m;

/**
 * Every line of the server's log (window/logMessage and stderr) that looks like a crash: an
 * unhandled rejection or exception, or a stack trace. Entries matching `expected` are
 * allowed (an error a test provokes on purpose, with its stack).
 */
export function crashes(client: TestClient, expected?: RegExp): string[] {
    const entries = [...client.logs.all, ...client.stderr.split(/\n(?=\S)/)];
    return entries.filter(entry => CRASH.test(entry) && !(expected && expected.test(entry)));
}

/** A diagnostic as a comparable string: place, severity, code, message, related places. */
export function diagnosticKey(d: Diagnostic): string {
    const place = (r: Diagnostic['range']): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    const related = (d.relatedInformation ?? []).map(i => `${i.location.uri}@${place(i.location.range)} ${i.message}`);
    return `${place(d.range)} ${d.severity} ${String(d.code)} ${d.message} [${related.join('; ')}]`;
}

export function diagnosticKeys(p: PublishDiagnosticsParams): string[] {
    return p.diagnostics.map(diagnosticKey).sort();
}

/** Wall time of `fn` in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
    const t0 = performance.now();
    const value = await fn();
    return { ms: performance.now() - t0, value };
}
