/**
 * ELK in a Web Worker, so that layout never blocks the preview's UI thread.
 *
 * The webview's Content-Security-Policy allows workers only from `blob:`: a worker script
 * must be same-origin, and the extension's files are served from another origin than the
 * webview document. So the build inlines elkjs's `elk-worker.min.js` into preview.js as
 * text, and the worker starts from a blob: URL made of it — no network, no eval.
 *
 * ELK cannot stop a layout half-way: a layout nobody wants any more (a newer model arrived)
 * is abandoned by ending its worker; the next layout starts a fresh one.
 */
import ELK from 'elkjs/lib/elk-api.js';
import workerSource from 'elk-worker-source';
import type { ElkNodeIn, ElkNodeOut } from './elk-graph.js';

/** What an abandoned layout's promise rejects with. */
export class LayoutAbandoned extends Error {
    constructor() {
        super('a newer layout replaced this one');
        this.name = 'LayoutAbandoned';
    }
}

let blobUrl: string | undefined;
let elk: InstanceType<typeof ELK> | undefined;
let workerError: string | undefined;
/** how to reject each layout not answered yet */
const unanswered = new Set<(err: Error) => void>();

function create(): InstanceType<typeof ELK> {
    blobUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    workerError = undefined;
    return new ELK({
        algorithms: ['layered'],
        workerUrl: blobUrl,
        workerFactory: (url?: string) => {
            const worker = new Worker(url!);
            // A worker that failed to start never answers: report it instead of waiting forever.
            worker.addEventListener('error', event => {
                workerError = event.message || 'the layout worker could not start';
                rejectUnanswered(new Error(workerError));
            });
            return worker;
        }
    });
}

function rejectUnanswered(err: Error): void {
    for (const reject of [...unanswered]) reject(err);
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

/** ELK's answer for `graph`; rejects when the worker fails, or with LayoutAbandoned when `abandon` is called first. */
export function layout(graph: ElkNodeIn): Promise<ElkNodeOut> {
    elk ??= create();
    const answer = elk.layout(graph as Parameters<InstanceType<typeof ELK>['layout']>[0]) as Promise<ElkNodeOut>;
    return new Promise<ElkNodeOut>((resolve, reject) => {
        const fail = (err: Error): void => {
            if (!unanswered.delete(fail)) return;
            reject(err);
        };
        unanswered.add(fail);
        if (workerError) fail(new Error(workerError));
        answer.then(
            out => { if (unanswered.delete(fail)) resolve(out); },
            err => fail(err instanceof Error ? err : new Error(String((err as { message?: string })?.message ?? err)))
        );
    });
}

/** Abandons every running layout (their promises reject with LayoutAbandoned): the next call starts a fresh worker. */
export function abandon(): void {
    elk?.terminateWorker();
    elk = undefined;
    rejectUnanswered(new LayoutAbandoned());
}
