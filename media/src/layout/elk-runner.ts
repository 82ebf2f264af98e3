/**
 * ELK in a Web Worker, so that layout never blocks the preview's UI thread.
 *
 * The webview's Content-Security-Policy allows workers only from `blob:`: a worker script
 * must be same-origin, and the extension's files are served from another origin than the
 * webview document. So the build inlines elkjs's `elk-worker.min.js` into preview.js as
 * text, and the worker starts from a blob: URL made of it — no network, no eval.
 */
import ELK from 'elkjs/lib/elk-api.js';
import workerSource from 'elk-worker-source';
import type { ElkNodeIn, ElkNodeOut } from './elk-graph.js';

let blobUrl: string | undefined;
let elk: InstanceType<typeof ELK> | undefined;
let workerError: string | undefined;

function create(): InstanceType<typeof ELK> {
    blobUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    workerError = undefined;
    return new ELK({
        algorithms: ['layered'],
        workerUrl: blobUrl,
        workerFactory: (url?: string) => {
            const worker = new Worker(url!);
            worker.addEventListener('error', event => {
                workerError = event.message || 'the layout worker could not start';
            });
            return worker;
        }
    });
}

/** Starts the worker early (parsing 1.6 MB of ELK takes a moment) and warms it up. */
export function warmUp(): void {
    elk ??= create();
    void elk.layout({
        id: 'warm', layoutOptions: { 'elk.algorithm': 'layered' },
        children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }],
        edges: [{ id: 'e', sources: ['a'], targets: ['b'] }]
    }).catch(() => undefined);
}

export async function layout(graph: ElkNodeIn): Promise<ElkNodeOut> {
    elk ??= create();
    const pending = elk.layout(graph as Parameters<InstanceType<typeof ELK>['layout']>[0]) as Promise<ElkNodeOut>;
    // A worker that failed to start never answers: report it instead of waiting forever.
    return await new Promise<ElkNodeOut>((resolve, reject) => {
        let done = false;
        const poll = setInterval(() => {
            if (workerError && !done) {
                done = true;
                clearInterval(poll);
                reject(new Error(workerError));
            }
        }, 250);
        pending.then(
            out => { done = true; clearInterval(poll); resolve(out); },
            err => { done = true; clearInterval(poll); reject(err instanceof Error ? err : new Error(String((err as { message?: string })?.message ?? err))); }
        );
    });
}

/** Abandons a running layout (a newer model arrived): the next call starts a fresh worker. */
export function abandon(): void {
    elk?.terminateWorker();
    elk = undefined;
}
