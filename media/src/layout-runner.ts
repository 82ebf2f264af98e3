/**
 * Runs the layout of scenes in the worker, one at a time: a scene that arrives while one is
 * laid out waits, and only the newest waiting one is laid out next (or reuses the positions
 * on screen). "Laying out…" shows when a layout takes more than a moment.
 */
import { layoutInput, readLayout } from './layout/elk-graph.js';
import * as elk from './layout/elk-runner.js';
import type { Direction, Layout } from './layout/layout.js';
import type { Plan } from './layout/plan-update.js';
import type { Scene } from './scene/scene.js';
import type { StatusLine } from './view/status-line.js';

export interface LayoutRunnerParts {
    status: StatusLine;
    direction(): Direction;
    /** how a scene that waited is to be shown now */
    plan(scene: Scene): Plan;
    /** paints a laid-out scene */
    paint(scene: Scene, layout: Layout): void;
}

const SAY_BUSY_AFTER_MS = 150;

export class LayoutRunner {
    private running = false;
    private pending: Scene | null = null;

    constructor(private readonly parts: LayoutRunnerParts) {}

    /** Lays `scene` out and paints it (after the running layout, if any). */
    request(scene: Scene): void {
        if (this.running) {
            this.pending = scene;
            return;
        }
        void this.run(scene);
    }

    private async run(scene: Scene): Promise<void> {
        const { status } = this.parts;
        this.running = true;
        const started = performance.now();
        const slow = setTimeout(() => status.set('Laying out…', 'busy'), SAY_BUSY_AFTER_MS);
        try {
            const direction = this.parts.direction();
            const input = layoutInput(scene, direction);
            const out = await elk.layout(input.graph);
            const layout = readLayout(out, input, direction);
            document.body.dataset.layouts = String(Number(document.body.dataset.layouts ?? 0) + 1);
            document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
            if (!this.pending) this.parts.paint(scene, layout);
        } catch (err) {
            status.set(`The layout failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
        } finally {
            clearTimeout(slow);
            this.running = false;
            if (status.kind === 'busy') status.set('');
        }
        const next = this.pending;
        this.pending = null;
        if (next) {
            // A newer model arrived while the worker was busy: lay that one out (it may reuse this one).
            const plan = this.parts.plan(next);
            if (plan.kind === 'reuse') this.parts.paint(next, plan.layout);
            else await this.run(next);
        }
    }
}
