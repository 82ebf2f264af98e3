/**
 * The pointer on the graph's nodes: a click goes to the definition (with Shift, Ctrl or Cmd:
 * selects for a simulation), a container's toggle or a double click collapses or expands it,
 * resting on a node shows its hover card (on an open container, only on its header).
 */
import type { FromPreview } from '../../../server/src/common/protocol.js';
import type { Collapsing } from '../collapsing.js';
import { SIZES } from '../scene/sizes.js';
import type { Selection } from '../selection.js';
import type { GraphRenderer } from './graph-renderer.js';
import type { HoverCard } from './hover-card.js';
import type { TabStop } from './tab-stop.js';
import type { Viewport } from './viewport.js';

export interface NodePointerParts {
    svgEl: SVGSVGElement;
    renderer: GraphRenderer;
    viewport: Viewport;
    hover: HoverCard;
    tabStop: TabStop;
    selection: Selection;
    collapsing: Collapsing;
    post(message: FromPreview): void;
    /** opens the context menu of a node at a page position */
    openMenu(g: SVGGElement, x: number, y: number): void;
}

/** The node group an event happened in, if any. */
export function nodeOf(target: EventTarget | null): SVGGElement | null {
    return (target as Element | null)?.closest?.('g.node') as SVGGElement | null;
}

export function listenToNodePointer(p: NodePointerParts): void {
    const { svgEl, renderer, viewport, hover } = p;
    svgEl.addEventListener('click', event => {
        if (viewport.suppressClick) return;
        const target = event.target as Element;
        const g = nodeOf(event.target);
        if (!g) return;
        const name = g.dataset.name;
        if (target.closest('[data-toggle]') && name) {
            p.collapsing.toggle(name);
            return;
        }
        if (!name) return;
        p.tabStop.focus(g.dataset.id!, false);
        if (event.shiftKey || event.ctrlKey || event.metaKey) {
            p.selection.toggle(name);
            return;
        }
        p.post({ type: 'reveal', name });
    });

    svgEl.addEventListener('contextmenu', event => {
        const g = nodeOf(event.target);
        if (!g?.dataset.name) return;
        event.preventDefault();
        hover.hide();
        p.tabStop.focus(g.dataset.id!, false);
        p.openMenu(g, event.clientX, event.clientY);
    });

    svgEl.addEventListener('dblclick', event => {
        const g = nodeOf(event.target);
        const name = g?.dataset.name;
        if (name && g.classList.contains('t-container')) p.collapsing.toggle(name);
    });

    svgEl.addEventListener('pointerover', event => {
        const g = nodeOf(event.target);
        const name = g?.dataset.name;
        if (!g || !name) return;
        // Inside a container, hovering its body is not hovering the container (only its header is).
        if (g.classList.contains('t-container') && !g.classList.contains('collapsed')) {
            const box = renderer.boxOf(g.dataset.id!);
            const r = svgEl.getBoundingClientRect();
            const y = (event.clientY - r.top - viewport.y) / viewport.k;
            if (box && y > box.y + SIZES.headerHeight) {
                hover.hide();
                return;
            }
        }
        hover.schedule(name, { x: event.clientX, y: event.clientY });
    });

    svgEl.addEventListener('pointerout', event => {
        const to = event.relatedTarget;
        if (to && nodeOf(to) === nodeOf(event.target)) return;
        hover.hide();
    });
}
