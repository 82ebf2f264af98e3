/**
 * Test-only hooks, off unless the server is started with them (docs/robustness-server.md):
 * - `TOPO_DEBUG=1` registers `topo/debug/heap` (server/src/common/protocol.ts): a forced garbage
 *   collection (with node's `--expose-gc`) and the heap in use after it;
 * - `TOPO_DEBUG_THROW_ON=<text>` makes the guarded work whose description contains `<text>`
 *   (each names its document's URI: `hover in file:///…/bad.topo`) throw, so that a test can
 *   prove a failing provider on one document leaves the others working;
 * - `TOPO_PROGRESS_AFTER_MS=<ms>`: report work-done progress for analyses expected to take at
 *   least this long (default 1000; 0 reports every full analysis).
 */
import type { Connection } from 'vscode-languageserver';
import { DebugHeapRequest } from '../common/protocol.js';
import { handle } from './custom-requests.js';

export function registerDebugRequests(connection: Connection): void {
    if (process.env.TOPO_DEBUG !== '1') return;
    handle(connection, DebugHeapRequest, () => {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc) {
            gc();
            gc(); // a second pass collects what the first one's finalizers released
        }
        const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
        return { heapUsed, heapTotal, external, rss, collected: gc !== undefined };
    });
}

const THROW_ON = process.env.TOPO_DEBUG_THROW_ON;

/** Throws when `TOPO_DEBUG_THROW_ON` is set and `what` contains it (a no-op otherwise). */
export function debugThrow(what: string): void {
    if (THROW_ON && what.includes(THROW_ON)) throw new Error(`TOPO_DEBUG_THROW_ON: ${what}`);
}

/** Analyses expected to take at least this long report work-done progress. */
const progressAfter = Number(process.env.TOPO_PROGRESS_AFTER_MS ?? NaN);
export const PROGRESS_AFTER_MS = Number.isFinite(progressAfter) ? progressAfter : 1000;
