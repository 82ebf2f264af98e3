/**
 * Runs the layout of scenes in the worker. Only the newest scene matters: a layout that a
 * newer one replaces, or that a paint reusing the positions on screen makes pointless, is
 * abandoned (its worker ended, layout/elk-runner.ts), so it neither paints nor keeps the
 * worker busy. "Laying out…" shows when a layout takes more than a moment.
 */
import { layoutInput, readLayout } from './layout/elk-graph.js';
import * as elk from './layout/elk-runner.js';
import type { Direction, Layout } from './layout/layout.js';
import type { Scene } from './scene/scene.js';
import type { StatusLine } from './view/status-line.js';

export interface LayoutRunnerParts {
    status: StatusLine;
    direction(): Direction;
    /** paints a laid-out scene */
    paint(scene: Scene, layout: Layout): void;
}

const SAY_BUSY_AFTER_MS = 150;

interface Run {
    /** asked for from scratch (Re-layout): a newer scene is then laid out from scratch too */
    fromScratch: boolean;
}

export class LayoutRunner {
    private running: Run | null = null;

    constructor(private readonly parts: LayoutRunnerParts) {}

    /** A layout from scratch is running: the positions on screen are not to be reused. */
    get fromScratch(): boolean {
        return this.running?.fromScratch ?? false;
    }

    /** Lays `scene` out and paints it, abandoning the running layout. */
    request(scene: Scene, fromScratch: boolean): void {
        this.abandonRunning();
        void this.run(scene, { fromScratch });
    }

    /** The scene on screen was replaced without a layout: the running one is not wanted any more. */
    cancel(): void {
        this.abandonRunning();
    }

    private abandonRunning(): void {
        if (!this.running) return;
        this.running = null;
        elk.abandon();
        document.body.dataset.layoutsAbandoned = String(Number(document.body.dataset.layoutsAbandoned ?? 0) + 1);
    }

    private async run(scene: Scene, run: Run): Promise<void> {
        const { status } = this.parts;
        this.running = run;
        const started = performance.now();
        const slow = setTimeout(() => status.set('Laying out…', 'busy'), SAY_BUSY_AFTER_MS);
        try {
            const direction = this.parts.direction();
            const input = layoutInput(scene, direction);
            const out = await elk.layout(input.graph);
            if (this.running !== run) return;
            const layout = readLayout(out, input, direction);
            document.body.dataset.layouts = String(Number(document.body.dataset.layouts ?? 0) + 1);
            document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
            this.running = null;
            this.parts.paint(scene, layout);
        } catch (err) {
            if (err instanceof elk.LayoutAbandoned) return;
            if (this.running === run) this.running = null;
            status.set(`The layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
        } finally {
            clearTimeout(slow);
            if (this.running === null && status.kind === 'busy') status.set('');
        }
    }
}
