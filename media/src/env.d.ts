/** The text of elkjs/lib/elk-worker.min.js, inlined by the build (scripts/build.mjs) so that the worker can start from a blob: URL. */
declare module 'elk-worker-source' {
    const source: string;
    export default source;
}

/** Provided by the VS Code webview host (and by the test harness). */
declare function acquireVsCodeApi(): {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState(state: unknown): void;
};
