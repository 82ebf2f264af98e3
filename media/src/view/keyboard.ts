/**
 * The keyboard: arrows move between nodes (or pan when no node has the focus), Enter goes to
 * the definition, Space selects, F simulates, C collapses or expands, + − 0 zoom and fit,
 * N shows the node's neighbourhood, the context-menu key (or Shift+F10) opens its menu,
 * Escape clears the selection, else the simulation, else the neighbourhood. Tabbing into the
 * graph lands on its tab stop.
 */
import type { FromPreview } from '../../../server/src/common/protocol.js';
import type { Collapsing } from '../collapsing.js';
import type { Focus } from '../focus.js';
import { nearestInDirection } from '../layout/nearest-in-direction.js';
import type { Selection } from '../selection.js';
import type { PreviewState } from '../state.js';
import type { GraphRenderer } from './graph-renderer.js';
import type { HoverCard } from './hover-card.js';
import { nodeOf } from './node-pointer.js';
import type { TabStop } from './tab-stop.js';
import type { Viewport } from './viewport.js';

export interface KeyboardParts {
    state: PreviewState;
    svgEl: SVGSVGElement;
    renderer: GraphRenderer;
    viewport: Viewport;
    hover: HoverCard;
    tabStop: TabStop;
    selection: Selection;
    collapsing: Collapsing;
    focus: Focus;
    /** opens the context menu of a node */
    openMenu(g: SVGGElement): void;
    fit(): void;
    post(message: FromPreview): void;
}

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const PAN_STEP = 60;
const ZOOM_STEP = 1.25;

export function listenToKeyboard(p: KeyboardParts): void {
    const { state, renderer, viewport } = p;
    document.addEventListener('keydown', event => {
        if ((event.target as Element).closest?.('button, input, select, .outages')) return;
        const g = nodeOf(document.activeElement);
        const dir = ARROWS[event.key];
        if (dir && g && state.current) {
            event.preventDefault();
            const candidates = renderer.nodeIds().filter(id => renderer.nodeElement(id)?.dataset.name);
            const next = nearestInDirection(state.current.layout.boxes, candidates, g.dataset.id!, dir);
            if (next) p.tabStop.focus(next);
            return;
        }
        if (dir) {
            event.preventDefault();
            viewport.panBy(dir === 'left' ? PAN_STEP : dir === 'right' ? -PAN_STEP : 0, dir === 'up' ? PAN_STEP : dir === 'down' ? -PAN_STEP : 0);
            return;
        }
        if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && g?.dataset.name) {
            event.preventDefault();
            p.openMenu(g);
            return;
        }
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        switch (event.key) {
            case 'n': case 'N':
                if (g?.dataset.name) {
                    event.preventDefault();
                    p.focus.show(g.dataset.name);
                }
                break;
            case 'Enter':
                if (g?.dataset.name) {
                    event.preventDefault();
                    p.post({ type: 'reveal', name: g.dataset.name });
                }
                break;
            case ' ':
                if (g?.dataset.name) {
                    event.preventDefault();
                    p.selection.toggle(g.dataset.name);
                }
                break;
            case 'f': case 'F':
                p.selection.simulate();
                break;
            case 'c': case 'C':
                if (g?.dataset.name && g.classList.contains('t-container')) p.collapsing.toggle(g.dataset.name);
                break;
            case '+': case '=':
                viewport.zoomCenter(ZOOM_STEP);
                break;
            case '-': case '_':
                viewport.zoomCenter(1 / ZOOM_STEP);
                break;
            case '0':
                p.fit();
                break;
            case 'Escape':
                p.hover.hide();
                if (p.selection.size > 0) p.selection.clear();
                else if (state.simulation) p.post({ type: 'simulate', names: [] });
                else p.focus.clear();
                break;
        }
    });

    p.svgEl.addEventListener('focus', () => {
        // Tabbing into the graph lands on the current node.
        if (state.focusedId) p.tabStop.focus(state.focusedId);
    });
}
