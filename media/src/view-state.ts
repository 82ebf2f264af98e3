/**
 * The view (zoom, position, collapsed containers) of the file shown: kept in the webview's
 * saved state, and reported to the extension with what is drawn (for the `viewState` message),
 * a moment after the user stops zooming or panning.
 */
import type { FromPreview } from '../../server/src/common/protocol.js';
import type { SavedState } from './saved-state.js';
import type { PreviewState } from './state.js';
import type { GraphRenderer } from './view/graph-renderer.js';
import type { Viewport } from './view/viewport.js';

const SETTLE_MS = 250;

export class ViewState {
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly state: PreviewState, private readonly saved: SavedState, private readonly viewport: Viewport,
        private readonly renderer: GraphRenderer, private readonly post: (message: FromPreview) => void) {}

    /** The user zoomed or panned: save and report once it settles. */
    changed(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.save();
            this.report();
        }, SETTLE_MS);
    }

    save(): void {
        const graph = this.state.graph;
        if (!graph) return;
        this.saved.saveView(graph.uri, { ...this.viewport.view, collapsed: [...this.state.collapsed] });
    }

    report(): void {
        const { graph, current, collapsed, generation, errors } = this.state;
        if (!graph || !current) return;
        const viewport = this.viewport;
        this.post({
            type: 'viewState',
            state: {
                uri: graph.uri, zoom: viewport.k, x: viewport.x, y: viewport.y, collapsed: [...collapsed],
                rendered: { generation, nodes: this.renderer.nodeIds().length, edges: current.scene.edges.length, stale: errors.length > 0 }
            }
        });
    }
}
