/**
 * "Show neighbourhood": the preview draws one element, what it depends on and what depends on
 * it, up to 1–3 hops each way, everything else hidden (scene/neighbourhood.ts); "Show all"
 * goes back. In "follow" mode the element under the editor's cursor becomes the focus.
 */
import { MAX_HOPS, MIN_HOPS } from './scene/neighbourhood.js';
import type { PreviewState } from './state.js';

export const DEFAULT_HOPS = 1;

export class Focus {
    private hops = DEFAULT_HOPS;

    /** `changed`: draw the graph again (and fit it); `shown`: the focus bar shows the new focus */
    constructor(private readonly state: PreviewState, private readonly changed: () => void, private readonly shown: (focus: PreviewState['focus'], hops: number) => void) {}

    /** Shows `name`'s neighbourhood (nothing happens for a name the graph does not have). */
    show(name: string, hops = this.hops): void {
        if (!this.state.graph?.elements.some(e => e.name === name)) return;
        this.hops = clampHops(hops);
        if (this.state.focus?.name === name && this.state.focus.hops === this.hops) return;
        this.state.focus = { name, hops: this.hops };
        this.apply();
    }

    /** Shows the whole graph again. */
    clear(): void {
        if (this.state.focus === null) return;
        this.state.focus = null;
        this.apply();
    }

    setHops(hops: number): void {
        this.hops = clampHops(hops);
        if (this.state.focus) this.show(this.state.focus.name, this.hops);
        else this.shown(null, this.hops);
    }

    get active(): boolean {
        return this.state.focus !== null;
    }

    setFollow(on: boolean): void {
        this.state.follow = on;
        if (on && this.state.highlight !== null) this.show(this.state.highlight);
    }

    /** The editor's cursor moved onto `name` (or off every element). */
    cursorOn(name: string | null): void {
        if (this.state.follow && name !== null) this.show(name);
    }

    /** A new graph arrived: a focus on an element that went is dropped. */
    graphChanged(): void {
        const focus = this.state.focus;
        if (focus && !this.state.graph?.elements.some(e => e.name === focus.name)) this.state.focus = null;
        this.shown(this.state.focus, this.hops);
    }

    private apply(): void {
        this.state.refit = true;
        this.shown(this.state.focus, this.hops);
        this.changed();
    }
}

function clampHops(hops: number): number {
    return Math.min(MAX_HOPS, Math.max(MIN_HOPS, Math.round(hops) || MIN_HOPS));
}
