/**
 * What the webview keeps across reloads (VS Code's webview state): the zoom, position and
 * collapsed containers of the last 20 files shown, and whether the legend is shown.
 */
import type { View } from './view/viewport.js';

export interface SavedView extends View { collapsed: string[] }
interface Saved { uri?: string; views?: Record<string, SavedView>; legend?: boolean }

export interface StateHost {
    getState(): unknown;
    setState(state: unknown): void;
}

const FILES_KEPT = 20;

export class SavedState {
    private readonly saved: Saved & { views: Record<string, SavedView> };

    constructor(private readonly host: StateHost) {
        const saved = (host.getState() as Saved | undefined) ?? {};
        saved.views ??= {};
        this.saved = saved as Saved & { views: Record<string, SavedView> };
    }

    viewOf(uri: string): SavedView | undefined {
        return this.saved.views[uri];
    }

    /** Remembers the view of `uri` as the most recent, forgetting the oldest past 20 files. */
    saveView(uri: string, view: SavedView): void {
        const views = this.saved.views;
        delete views[uri];
        views[uri] = view;
        const keys = Object.keys(views);
        for (const k of keys.slice(0, Math.max(0, keys.length - FILES_KEPT))) delete views[k];
        this.persist();
    }

    /** Another file is shown. */
    showing(uri: string): void {
        this.saved.uri = uri;
        this.persist();
    }

    /** Whether the user showed (true) or hid (false) the legend; undefined when never asked. */
    get legend(): boolean | undefined {
        return this.saved.legend;
    }

    set legend(shown: boolean) {
        this.saved.legend = shown;
        this.persist();
    }

    private persist(): void {
        this.host.setState(this.saved);
    }
}
