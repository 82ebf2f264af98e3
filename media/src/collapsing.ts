/**
 * Collapsing and expanding regions and sites: one (its toggle, a double click, C) or all (the
 * toolbar). Expanding all of a big model goes level by level (regions, then the sites in them,
 * …), each level painted before the next is asked for, so that the user sees the graph grow
 * rather than a frozen page.
 */
import { CONTAINER_KINDS } from './scene/scene.js';
import type { PreviewState } from './state.js';

export class Collapsing {
    /** the levels still to expand (outermost first) after the next paint, for "Expand all" */
    private pending: string[][] = [];

    /** `changed`: remember the view and draw the graph again */
    constructor(private readonly state: PreviewState, private readonly changed: () => void) {}

    toggle(name: string): void {
        this.pending = [];
        const collapsed = this.state.collapsed;
        if (collapsed.has(name)) collapsed.delete(name);
        else collapsed.add(name);
        this.changed();
    }

    /** Expands everything when something is collapsed (level by level), else collapses every region and site. */
    toggleAll(): void {
        const { graph, collapsed } = this.state;
        if (!graph) return;
        if (collapsed.size > 0) {
            this.pending = this.levels();
            this.expandNextLevel();
            return;
        }
        this.pending = [];
        for (const e of graph.elements) if (CONTAINER_KINDS.has(e.kind)) collapsed.add(e.name);
        this.changed();
    }

    /** Collapses every region and site (the overview). */
    collapseAll(): void {
        const { graph, collapsed } = this.state;
        if (!graph) return;
        this.pending = [];
        for (const e of graph.elements) if (CONTAINER_KINDS.has(e.kind)) collapsed.add(e.name);
        this.changed();
    }

    /** "Expand all" is under way (some levels are still to come). */
    get expanding(): boolean {
        return this.pending.length > 0;
    }

    /** A scene was painted: expand the next level of an "Expand all", if any. */
    painted(): void {
        if (this.pending.length > 0) this.expandNextLevel();
    }

    private expandNextLevel(): void {
        const level = this.pending.shift();
        if (!level) return;
        for (const name of level) this.state.collapsed.delete(name);
        if (this.pending.length === 0) this.state.collapsed.clear();
        this.changed();
    }

    /** The collapsed containers by depth (outermost first). */
    private levels(): string[][] {
        const graph = this.state.graph!;
        const byName = new Map(graph.elements.map(e => [e.name, e]));
        const depth = (name: string): number => {
            let d = 0;
            let cur = byName.get(name)?.container;
            while (cur !== undefined && d < 50) {
                d++;
                cur = byName.get(cur)?.container;
            }
            return d;
        };
        const levels: string[][] = [];
        for (const name of this.state.collapsed) (levels[depth(name)] ??= []).push(name);
        return levels.filter(l => l !== undefined && l.length > 0);
    }
}
