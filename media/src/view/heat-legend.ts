/** The heat map's legend under the graph: what the colours of the failure domains mean, in users. */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import { formatUsers } from '../../../server/src/common/format.js';
import { clear, html } from '../dom.js';
import { heatScale } from '../draw/heat.js';

export class HeatLegend {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement) {
        this.el = html('section', { class: 'heat-legend', 'aria-label': 'Heat map legend' }, parent);
        this.el.hidden = true;
    }

    show(on: boolean, elements: readonly GraphElement[]): void {
        clear(this.el);
        this.el.hidden = !on;
        if (!on) return;
        html('span', { class: 'heat-title' }, this.el, 'Heat map: users affected if the failure domain fails alone');
        const { max, bounds } = heatScale(elements);
        if (max <= 0) {
            html('span', { class: 'heat-none' }, this.el, 'No single failure domain affects any users.');
            return;
        }
        const labels = ['none', `up to ${formatUsers(bounds[2])}`, `${formatUsers(bounds[2])}–${formatUsers(bounds[3])}`,
            `${formatUsers(bounds[3])}–${formatUsers(bounds[4])}`, `${formatUsers(bounds[4])}–${formatUsers(max)}`];
        const list = html('ul', { class: 'heat-scale' }, this.el);
        labels.forEach((label, c) => {
            const li = html('li', { 'data-heat': String(c) }, list);
            html('span', { class: `heat-swatch heat-${c}`, 'aria-hidden': 'true' }, li);
            html('span', { class: 'heat-label' }, li, label);
        });
    }
}
