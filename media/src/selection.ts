/** The elements selected for a simulation (Shift+click, Space), and simulating their failure (F). */
import type { FromPreview } from '../../server/src/common/protocol.js';
import type { PreviewState } from './state.js';
import { overlayOf } from './state.js';
import type { GraphRenderer } from './view/graph-renderer.js';
import type { TabStop } from './view/tab-stop.js';
import type { Toolbar } from './view/toolbar.js';

export class Selection {
    constructor(private readonly state: PreviewState, private readonly renderer: GraphRenderer, private readonly toolbar: Toolbar,
        private readonly tabStop: TabStop, private readonly post: (message: FromPreview) => void) {}

    get size(): number {
        return this.state.selection.size;
    }

    toggle(name: string): void {
        const selection = this.state.selection;
        if (selection.has(name)) selection.delete(name);
        else selection.add(name);
        this.toolbar.showSelection(selection.size);
        this.renderer.applyOverlay(overlayOf(this.state));
    }

    clear(): void {
        this.state.selection.clear();
        this.toolbar.showSelection(0);
        this.renderer.applyOverlay(overlayOf(this.state));
    }

    /** Asks for a simulation of the selected elements, or of the focused one when none is selected. */
    simulate(): void {
        const names = [...this.state.selection];
        if (names.length === 0) {
            const name = this.tabStop.focusedName();
            if (name) names.push(name);
        }
        if (names.length > 0) this.post({ type: 'simulate', names });
    }
}
