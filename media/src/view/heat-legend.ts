/**
 * The heat map's legend under the graph: which measure colours the failure domains, and what
 * each colour means on its scale (users for the blast radius; the measure's own numbers for the
 * importance measures, with the domains that have no value for it said as such).
 */
import { IMPORTANCE_IN_EDITOR_ELEMENTS, type GraphElement, type ModelGraph } from '../../../server/src/common/protocol.js';
import { formatUsers } from '../../../server/src/common/format.js';
import { clear, html } from '../dom.js';
import { HEAT_MEASURE_TEXT, heatScale, heatValue, type HeatMeasure } from '../draw/heat.js';

export class HeatLegend {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement) {
        this.el = html('section', { class: 'heat-legend', 'aria-label': 'Heat map legend' }, parent);
        this.el.hidden = true;
    }

    /** Shows the legend of `measure` (null: hidden). */
    show(measure: HeatMeasure | null, graph: ModelGraph | null): void {
        clear(this.el);
        this.el.hidden = measure === null;
        if (measure === null) return;
        html('span', { class: 'heat-title' }, this.el, `Heat map: ${HEAT_MEASURE_TEXT[measure].legend}`);
        const elements: readonly GraphElement[] = graph?.elements ?? [];
        if (measure !== 'blast' && graph?.importance !== 'computed') {
            html('span', { class: 'heat-none' }, this.el, graph?.importance === 'too large'
                ? `Not computed in the editor for a model of more than ${IMPORTANCE_IN_EDITOR_ELEMENTS.toLocaleString('en')} elements: run topo analyze --importance.`
                : 'Computing the importance of the failure domains…');
            return;
        }
        const { max, floor, bounds } = heatScale(elements, measure);
        const undefinedCount = elements.filter(e => heatValue(e, measure) === null).length;
        if (max <= floor) {
            html('span', { class: 'heat-none' }, this.el, measure === 'blast' ? 'No single failure domain affects any users.' : 'No failure domain makes a user\'s service more likely to be down.');
        } else {
            const f = (v: number): string => formatValue(measure, v);
            const labels = [measure === 'raw' ? 'none (1)' : 'none', `up to ${f(bounds[2])}`, `${f(bounds[2])}–${f(bounds[3])}`, `${f(bounds[3])}–${f(bounds[4])}`, `${f(bounds[4])}–${f(max)}`];
            const list = html('ul', { class: 'heat-scale' }, this.el);
            labels.forEach((label, c) => {
                const li = html('li', { 'data-heat': String(c) }, list);
                html('span', { class: `heat-swatch heat-${c}`, 'aria-hidden': 'true' }, li);
                html('span', { class: 'heat-label' }, li, label);
            });
            if (undefinedCount > 0) {
                const li = html('li', { 'data-heat': 'na' }, list);
                html('span', { class: 'heat-swatch heat-na', 'aria-hidden': 'true' }, li);
                html('span', { class: 'heat-label' }, li, `no value (${undefinedCount} failure domain${undefinedCount === 1 ? '' : 's'}): no availability declared`);
            }
        }
    }
}

/** A value of the measure as the legend writes it: users (43.2M), RAW as a factor (×12.4), the others as numbers (0.0123). */
function formatValue(measure: HeatMeasure, v: number): string {
    if (measure === 'blast') return formatUsers(v);
    if (measure === 'raw') return `×${v >= 100 ? Math.round(v).toLocaleString('en') : Number(v.toPrecision(3))}`;
    return String(Number(v.toPrecision(3)));
}
