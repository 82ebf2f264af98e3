/** Collapsing and expanding regions and sites: one (its toggle, a double click, C) or all (the toolbar). */
import { CONTAINER_KINDS } from './scene/scene.js';
import type { PreviewState } from './state.js';

export class Collapsing {
    /** `changed`: remember the view and draw the graph again */
    constructor(private readonly state: PreviewState, private readonly changed: () => void) {}

    toggle(name: string): void {
        const collapsed = this.state.collapsed;
        if (collapsed.has(name)) collapsed.delete(name);
        else collapsed.add(name);
        this.changed();
    }

    /** Expands everything when something is collapsed, else collapses every region and site. */
    toggleAll(): void {
        const { graph, collapsed } = this.state;
        if (!graph) return;
        if (collapsed.size > 0) collapsed.clear();
        else for (const e of graph.elements) if (CONTAINER_KINDS.has(e.kind)) collapsed.add(e.name);
        this.changed();
    }
}
