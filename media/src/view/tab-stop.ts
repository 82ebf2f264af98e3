/**
 * Keyboard focus in the graph: one node is the tab stop (roving tabindex: tabindex 0 on it,
 * -1 on every other); moving the focus brings the node into view and shows its hover card.
 */
import type { PreviewState } from '../state.js';
import type { GraphRenderer } from './graph-renderer.js';
import type { HoverCard } from './hover-card.js';
import type { Viewport } from './viewport.js';

export class TabStop {
    constructor(private readonly state: PreviewState, private readonly renderer: GraphRenderer, private readonly viewport: Viewport, private readonly hover: HoverCard) {}

    /** After a paint: keeps the tab stop on its node, or on the first named node when it went. */
    ensure(): void {
        const { renderer, state } = this;
        const ids = renderer.nodeIds();
        if (state.focusedId === null || !ids.includes(state.focusedId)) state.focusedId = ids.find(id => renderer.nodeElement(id)?.dataset.name) ?? null;
        for (const id of ids) renderer.nodeElement(id)!.setAttribute('tabindex', id === state.focusedId ? '0' : '-1');
    }

    /** Makes node `id` the tab stop; `move`: also focuses it, brings it into view and shows its hover card. */
    focus(id: string, move = true): void {
        const { renderer, state } = this;
        const prev = state.focusedId ? renderer.nodeElement(state.focusedId) : undefined;
        prev?.setAttribute('tabindex', '-1');
        state.focusedId = id;
        const g = renderer.nodeElement(id);
        if (!g) return;
        g.setAttribute('tabindex', '0');
        if (!move) return;
        g.focus({ preventScroll: true });
        const box = renderer.boxOf(id);
        if (box) this.viewport.ensureVisible(box);
        const name = g.dataset.name;
        if (name) {
            const r = g.getBoundingClientRect();
            this.hover.moveAnchor({ x: r.right, y: r.top });
            this.hover.schedule(name, { x: r.right - 10, y: r.bottom - 6 });
        }
    }

    /** The name of the element whose node is the tab stop. */
    focusedName(): string | undefined {
        return this.state.focusedId ? this.renderer.nodeElement(this.state.focusedId)?.dataset.name : undefined;
    }
}
