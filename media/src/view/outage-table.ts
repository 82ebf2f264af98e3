/** The simulation's outage table under the graph: a summary line, then one row per interrupted service (most users first). */
import type { ModelGraph, SimulationResult } from '../../../server/src/common/protocol.js';
import { formatUsers } from '../../../server/src/common/format.js';
import { formatOutage, outageRows, summarizeSimulation } from '../../../server/src/common/simulation-text.js';
import { clear, html } from '../dom.js';

export interface OutageTableActions {
    clearSimulation(): void;
    reveal(name: string): void;
}

export class OutageTable {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement, private readonly actions: OutageTableActions) {
        this.el = html('section', { class: 'outages', hidden: true, 'aria-label': 'Outages' }, parent);
    }

    show(simulation: SimulationResult | null, graph: ModelGraph | null): void {
        const panel = this.el;
        clear(panel);
        panel.hidden = simulation === null || graph === null;
        if (!simulation || !graph) return;
        const head = html('div', { class: 'outages-head' }, panel);
        html('span', { class: 'sim-label' }, head, 'Simulation');
        html('span', { class: 'sim-summary' }, head, summarizeSimulation(simulation));
        const close = html('button', { type: 'button', class: 'secondary' }, head, 'Clear');
        close.addEventListener('click', () => this.actions.clearSimulation());
        const rows = outageRows(simulation, graph.elements);
        if (rows.length === 0) {
            html('p', { class: 'no-outages' }, panel, 'No service is interrupted.');
            return;
        }
        const scroll = html('div', { class: 'table-scroll' }, panel);
        const table = html('table', {}, scroll);
        const tr = html('tr', {}, html('thead', {}, table));
        for (const [h, cls] of [['Service', ''], ['Outage', 'num'], ['Reason', ''], ['Users', 'num']]) html('th', { scope: 'col', class: cls }, tr, h);
        const body = html('tbody', {}, table);
        for (const row of rows) {
            const r = html('tr', { class: `row-${row.state}`, 'data-service': row.service }, body);
            const cell = html('td', { class: 'service' }, r);
            html('span', { class: `state-pill p-${row.state}` }, cell, row.state === 'down' ? '✕ down' : row.state === 'degraded' ? '◐ degraded' : '↻ failed over');
            const link = html('button', { type: 'button', class: 'link', title: `Show the definition of ${row.service}` }, cell, row.service);
            link.addEventListener('click', () => this.actions.reveal(row.service));
            if (row.label) html('span', { class: 'row-label', title: row.label }, cell, row.label);
            const minutes = html('td', { class: 'num' }, r, row.minutes === 0 ? '—' : formatOutage(row.minutes));
            minutes.title = row.minutes === null ? 'unknown: no recovery or failover time is given' : row.minutes === 0 ? 'not interrupted' : `${row.minutes} min`;
            html('td', { class: 'reason' }, r, row.reason);
            html('td', { class: 'num' }, r, row.users > 0 ? formatUsers(row.users) : '—');
        }
    }
}
