/**
 * Runs the layout of scenes in the worker. Only the newest scene matters: a layout that a
 * newer one replaces, or that a paint reusing the positions on screen makes pointless, is
 * abandoned (its worker ended, layout/elk-runner.ts), so it neither paints nor keeps the
 * worker busy. "Laying out…" shows when a layout takes more than a moment.
 *
 * Each level (the inside of a container, the top level) is laid out on its own and kept
 * (layout/by-levels.ts): a level laid out before is not laid out again, so "Expand all" and
 * expanding one container lay out only what changed.
 */
import { LevelCache, layOutByLevels, LevelsStopped } from './layout/by-levels.js';
import type { LevelStats } from './layout/by-levels.js';
import { layoutInput } from './layout/elk-graph.js';
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
    /** the levels laid out so far (kept across layouts; a Re-layout starts afresh) */
    private cache = new LevelCache();

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
            if (run.fromScratch) this.cache = new LevelCache();
            const stats: LevelStats = { elk: 0, quick: 0, cached: 0 };
            const layout = await layOutByLevels(scene, input, direction, {
                run: graph => elk.layout(graph), cache: this.cache, alive: () => this.running === run, stats
            });
            if (this.running !== run) return;
            document.body.dataset.layouts = String(Number(document.body.dataset.layouts ?? 0) + 1);
            document.body.dataset.layoutLevels = `${stats.elk} elk, ${stats.quick} quick, ${stats.cached} cached`;
            document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
            this.running = null;
            this.parts.paint(scene, layout);
        } catch (err) {
            if (err instanceof elk.LayoutAbandoned || err instanceof LevelsStopped) return;
            if (this.running === run) this.running = null;
            status.set(`The layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
        } finally {
            clearTimeout(slow);
            if (this.running === null && status.kind === 'busy') status.set('');
        }
    }
}
