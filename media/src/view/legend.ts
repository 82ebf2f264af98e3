/** The legend: a small drawing and a word for every shape, line and state. Shown unless the user hid it; in a narrow panel hidden until asked for. */
import { clear, html, svg } from '../dom.js';
import type { SavedState } from '../saved-state.js';

export class Legend {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement, private readonly saved: SavedState, private readonly onShown: (shown: boolean) => void) {
        this.el = html('div', { class: 'legend', 'aria-label': 'Legend' }, parent);
        this.build();
        this.el.hidden = !this.shown;
        onShown(this.shown);
    }

    get shown(): boolean {
        return this.saved.legend ?? window.innerWidth >= 760;
    }

    show(shown: boolean): void {
        this.saved.legend = shown;
        this.el.hidden = !shown;
        this.onShown(shown);
    }

    private build(): void {
        const grid = this.el;
        clear(grid);
        const row = (draw: (s: SVGSVGElement) => void, text: string): void => {
            const item = html('div', { class: 'legend-item' }, grid);
            const s = svg('svg', { width: 24, height: 13, viewBox: '0 0 34 18', 'aria-hidden': 'true' }, item);
            draw(s);
            html('span', {}, item, text);
        };
        const box = (cls: string, d: string) => (s: SVGSVGElement) => svg('path', { class: `lg ${cls}`, d }, s);
        row(box('lg-service', 'M3,2H31V16H3Z'), 'service');
        row(box('lg-datastore', 'M3,5A14,3 0 0,1 31,5V13A14,3 0 0,1 3,13Z'), 'datastore');
        row(box('lg-infra', 'M7,2H27L32,9L27,16H7L2,9Z'), 'infra (power, network…)');
        row(box('lg-site', 'M2,2H32V16H2Z'), 'site, region (what runs there inside)');
        row(s => { svg('rect', { class: 'lg lg-junction', x: 4, y: 3, width: 26, height: 12, rx: 6 }, s); svg('text', { class: 'lg-text', x: 17, y: 12, 'text-anchor': 'middle' }, s, 'any'); }, 'any / K of (alternatives)');
        const line = (cls: string) => (s: SVGSVGElement) => svg('path', { class: `lg-edge ${cls}`, d: 'M2,9H30', 'marker-end': cls === 'e-monitors' ? 'url(#arrow-open)' : 'url(#arrow)' }, s);
        row(line('e-hard'), 'depends on (hard)');
        row(line('e-soft'), 'uses (soft)');
        row(line('e-monitors'), 'monitors');
        row(s => { svg('rect', { class: 'lg-tag', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); }, 'deployment (site ×replicas)');
        row(s => { svg('rect', { class: 'lg-tag standby', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); }, 'standby deployment');
        row(s => { svg('path', { class: 'lg-edge e-placement', d: 'M2,9H28', 'marker-end': 'url(#dot)' }, s); }, 'runs on (standby dashed)');
        row(s => { svg('rect', { class: 'lg-badge', x: 2, y: 3, width: 30, height: 12, rx: 3 }, s); svg('text', { class: 'lg-badge-text', x: 17, y: 12, 'text-anchor': 'middle' }, s, 'SPOF'); }, 'single point of failure');
        row(s => { svg('rect', { class: 'lg-nearest', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'nearest SPOF of services');
        row(s => { svg('rect', { class: 'lg-down', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'down (simulation)');
        row(s => { svg('rect', { class: 'lg-degraded', x: 2, y: 2, width: 30, height: 14, rx: 3 }, s); }, 'degraded (simulation)');
        row(s => { svg('text', { class: 'lg-failed', x: 17, y: 13, 'text-anchor': 'middle' }, s, 'name'); svg('path', { class: 'lg-strike', d: 'M4,9H30' }, s); }, 'failed (simulation)');
    }
}
