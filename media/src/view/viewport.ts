/**
 * Zoom and pan of the graph: one transform on the viewport group. Wheel zooms around the
 * pointer, dragging the background pans, and the view is kept across live updates.
 */
import type { Box } from '../layout/layout.js';

export interface View { k: number; x: number; y: number }

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

export class Viewport {
    k = 1;
    x = 0;
    y = 0;
    private drag: { id: number; sx: number; sy: number; x: number; y: number; moved: boolean } | null = null;
    /** true right after a drag, so that the click that ends it does not count as a click */
    suppressClick = false;
    /** the user zoomed or panned since the last fit (then resizing keeps the view) */
    userMoved = false;

    constructor(private readonly svgEl: SVGSVGElement, private readonly group: SVGGElement, private readonly onChange: (view: View) => void) {
        svgEl.addEventListener('wheel', event => {
            event.preventDefault();
            if (event.shiftKey && !event.ctrlKey) {
                this.panBy(-(event.deltaX || event.deltaY), 0);
                return;
            }
            const unit = event.deltaMode === 1 ? 30 : event.deltaMode === 2 ? 300 : 1;
            const factor = Math.exp(-event.deltaY * unit * (event.ctrlKey ? 0.01 : 0.0015));
            this.zoomAt(event.clientX, event.clientY, factor);
        }, { passive: false });
        svgEl.addEventListener('pointerdown', event => {
            if (event.button !== 0) return;
            const target = event.target as Element;
            if (target.closest('g.node') && !target.closest('g.t-container:not(.collapsed) > .shape, g.t-container:not(.collapsed) > .pattern')) return;
            this.drag = { id: event.pointerId, sx: event.clientX, sy: event.clientY, x: this.x, y: this.y, moved: false };
        });
        svgEl.addEventListener('pointermove', event => {
            const d = this.drag;
            if (!d || d.id !== event.pointerId) return;
            const dx = event.clientX - d.sx;
            const dy = event.clientY - d.sy;
            if (!d.moved && Math.hypot(dx, dy) < 4) return;
            if (!d.moved) {
                d.moved = true;
                svgEl.setPointerCapture(event.pointerId);
                svgEl.classList.add('panning');
            }
            this.set(this.k, d.x + dx, d.y + dy);
        });
        const end = (event: PointerEvent): void => {
            const d = this.drag;
            if (!d || d.id !== event.pointerId) return;
            this.drag = null;
            svgEl.classList.remove('panning');
            if (d.moved) {
                this.suppressClick = true;
                setTimeout(() => (this.suppressClick = false), 0);
            }
        };
        svgEl.addEventListener('pointerup', end);
        svgEl.addEventListener('pointercancel', end);
    }

    get view(): View {
        return { k: this.k, x: this.x, y: this.y };
    }

    set(k: number, x: number, y: number, byUser = true): void {
        if (byUser) this.userMoved = true;
        this.k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
        this.x = x;
        this.y = y;
        this.group.setAttribute('transform', `translate(${this.x.toFixed(1)},${this.y.toFixed(1)}) scale(${this.k.toFixed(4)})`);
        this.onChange(this.view);
    }

    size(): { width: number; height: number } {
        const r = this.svgEl.getBoundingClientRect();
        return { width: r.width || 800, height: r.height || 600 };
    }

    zoomAt(clientX: number, clientY: number, factor: number): void {
        const r = this.svgEl.getBoundingClientRect();
        const px = clientX - r.left;
        const py = clientY - r.top;
        const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.k * factor));
        const f = k / this.k;
        this.set(k, px - (px - this.x) * f, py - (py - this.y) * f);
    }

    zoomCenter(factor: number): void {
        const r = this.svgEl.getBoundingClientRect();
        this.zoomAt(r.left + r.width / 2, r.top + r.height / 2, factor);
    }

    panBy(dx: number, dy: number): void {
        this.set(this.k, this.x + dx, this.y + dy);
    }

    /**
     * Fits `bounds` in the window, above `bottomInset` pixels (the legend); never below
     * `minZoom` (where the names would be too small to read): a graph that does not fit then
     * shows its top, centred, and the rest is a pan or a zoom-out away.
     */
    fit(bounds: Box, padding = 24, maxZoom = 1, bottomInset = 0, minZoom = MIN_ZOOM): void {
        const { width, height: full } = this.size();
        const height = Math.max(full * 0.5, full - bottomInset);
        if (bounds.width <= 0 || bounds.height <= 0) {
            this.set(1, padding, padding, false);
            this.userMoved = false;
            return;
        }
        const k = Math.min(maxZoom, (width - 2 * padding) / bounds.width, (height - 2 * padding) / bounds.height);
        const kk = Math.max(MIN_ZOOM, minZoom, k);
        if (kk > k) {
            this.set(kk, (width - bounds.width * kk) / 2 - bounds.x * kk, padding - bounds.y * kk, false);
            this.userMoved = false;
            return;
        }
        this.set(kk, (width - bounds.width * kk) / 2 - bounds.x * kk, Math.max(padding, (height - bounds.height * kk) / 2) - bounds.y * kk, false);
        this.userMoved = false;
    }

    /** Pans the least needed to bring a box (graph coordinates) into view. */
    ensureVisible(box: Box, margin = 30): void {
        const { width, height } = this.size();
        const left = box.x * this.k + this.x;
        const top = box.y * this.k + this.y;
        const right = left + box.width * this.k;
        const bottom = top + box.height * this.k;
        let dx = 0;
        let dy = 0;
        if (right > width - margin) dx = width - margin - right;
        if (left + dx < margin) dx = margin - left;
        if (bottom > height - margin) dy = height - margin - bottom;
        if (top + dy < margin) dy = margin - top;
        if (dx !== 0 || dy !== 0) this.panBy(dx, dy);
    }
}
