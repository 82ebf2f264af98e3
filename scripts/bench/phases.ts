/**
 * Timing helpers shared by the benchmark workers: build-phase marks and parse time.
 */
import { performance } from 'node:perf_hooks';
import { DocumentState } from 'langium';

export type Timings = Record<string, number>;

const PHASES: Array<[DocumentState, string]> = [
    [DocumentState.IndexedContent, 'index'],
    [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'],
    [DocumentState.IndexedReferences, 'indexRefs'],
    [DocumentState.Validated, 'validate']
];

/** Records, for each build phase, the time since the previous mark (the start, or the previous phase). */
export class PhaseClock {
    private mark = performance.now();

    constructor(private readonly timings: Timings) {}

    restart(): void {
        this.mark = performance.now();
    }

    /** Marks each phase of every `build` of this builder; the first phase counts from the build's start. */
    watch(builder: { onBuildPhase(state: DocumentState, callback: () => void): unknown; build: (...args: never[]) => Promise<void> }): void {
        const target = builder as unknown as { build: (...args: unknown[]) => Promise<void> };
        const build = target.build.bind(builder);
        target.build = (...args: unknown[]) => {
            this.restart();
            return build(...args);
        };
        for (const [state, label] of PHASES) {
            builder.onBuildPhase(state, () => {
                const now = performance.now();
                this.timings[label] = (this.timings[label] ?? 0) + now - this.mark;
                this.mark = now;
            });
        }
    }
}

/** Parse time: parsing happens in the document factory's fromString; wrap it to sum its time. */
export function timeParsing(factory: object, timings: Timings): void {
    const target = factory as { fromString: (...args: unknown[]) => unknown };
    const original = target.fromString.bind(factory);
    target.fromString = (...args: unknown[]) => {
        const t = performance.now();
        try {
            return original(...args);
        } finally {
            timings.parse = (timings.parse ?? 0) + performance.now() - t;
        }
    };
}

/** Prints the result with the process's peak RSS and exits non-zero on failure. */
export function report(name: string, work: Promise<object>): void {
    work.then(result => {
        process.stdout.write(JSON.stringify({ ...result, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
    }, error => {
        process.stderr.write(`${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = 1;
    });
}
