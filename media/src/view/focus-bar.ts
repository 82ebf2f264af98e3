/**
 * The bar under the toolbar: the search box (Ctrl+F; type part of a name or label, the
 * matching elements are listed, arrows move, Enter shows the neighbourhood of one), the
 * neighbourhood shown and its hops (1–3), "Show all", "Follow cursor", "Heat map" and, while
 * it is on, what it colours by (the blast radius; the importance measures when the model
 * declares availabilities).
 * Keyboard-only usable; model text only ever reaches the page as text.
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import { clear, html } from '../dom.js';
import { HEAT_MEASURE_TEXT, HEAT_MEASURES, type HeatMeasure } from '../draw/heat.js';
import { MAX_HOPS, MIN_HOPS } from '../scene/neighbourhood.js';

export interface FocusBarActions {
    /** the elements to search */
    elements(): readonly GraphElement[];
    focus(name: string): void;
    clearFocus(): void;
    setHops(hops: number): void;
    setFollow(on: boolean): void;
    setHeat(on: boolean): void;
    setHeatMeasure(measure: HeatMeasure): void;
}

const MAX_LISTED = 50;

export class FocusBar {
    readonly input: HTMLInputElement;
    private readonly list: HTMLUListElement;
    private readonly count: HTMLElement;
    private readonly focusInfo: HTMLElement;
    private readonly focusName: HTMLElement;
    private readonly hops: HTMLSelectElement;
    private readonly followBtn: HTMLButtonElement;
    private readonly heatBtn: HTMLButtonElement;
    private readonly heatMeasure: HTMLSelectElement;
    private matches: GraphElement[] = [];
    private active = -1;

    constructor(parent: HTMLElement, private readonly actions: FocusBarActions) {
        const bar = html('div', { class: 'focus-bar' }, parent);
        const search = html('div', { class: 'search', role: 'search' }, bar);
        this.input = html('input', {
            type: 'search', class: 'search-input', placeholder: 'Find a service (Ctrl+F)', 'aria-label': 'Find an element by name or label',
            role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'search-results', 'aria-autocomplete': 'list', spellcheck: 'false'
        }, search);
        this.count = html('span', { class: 'search-count', 'aria-live': 'polite' }, search);
        this.list = html('ul', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': 'Matching elements' }, search);
        this.list.hidden = true;
        this.input.addEventListener('input', () => this.search());
        this.input.addEventListener('keydown', event => this.onKey(event));
        this.input.addEventListener('blur', () => setTimeout(() => {
            if (!this.list.contains(document.activeElement) && document.activeElement !== this.input) this.closeList();
        }, 0));
        this.list.addEventListener('mousedown', event => event.preventDefault());
        this.list.addEventListener('click', event => {
            const li = (event.target as Element).closest<HTMLLIElement>('li[data-index]');
            if (li) this.choose(Number(li.dataset.index));
        });

        this.focusInfo = html('div', { class: 'focus-info' }, bar);
        html('span', {}, this.focusInfo, 'Neighbourhood of ');
        this.focusName = html('strong', { class: 'focus-name' }, this.focusInfo);
        const hopsLabel = html('label', { class: 'hops' }, this.focusInfo, 'hops ');
        this.hops = html('select', { 'aria-label': 'Hops shown around the focus' }, hopsLabel);
        for (let k = MIN_HOPS; k <= MAX_HOPS; k++) html('option', { value: String(k) }, this.hops, String(k));
        this.hops.addEventListener('change', () => actions.setHops(Number(this.hops.value)));
        const all = html('button', { type: 'button', title: 'Show the whole graph again (Esc)' }, this.focusInfo, 'Show all');
        all.addEventListener('click', () => actions.clearFocus());
        this.focusInfo.hidden = true;

        const tools = html('div', { class: 'tools' }, bar);
        this.followBtn = html('button', { type: 'button', 'aria-pressed': 'false', title: 'Show the neighbourhood of the element under the editor\'s cursor' }, tools, 'Follow cursor');
        this.followBtn.addEventListener('click', () => {
            const on = this.followBtn.getAttribute('aria-pressed') !== 'true';
            this.followBtn.setAttribute('aria-pressed', String(on));
            actions.setFollow(on);
        });
        this.heatBtn = html('button', { type: 'button', 'aria-pressed': 'false', title: 'Colour each failure domain by the users it takes down when it fails alone' }, tools, 'Heat map');
        this.heatBtn.addEventListener('click', () => {
            const on = this.heatBtn.getAttribute('aria-pressed') !== 'true';
            this.heatBtn.setAttribute('aria-pressed', String(on));
            this.heatMeasure.hidden = !on || this.heatMeasure.options.length < 2;
            actions.setHeat(on);
        });
        this.heatMeasure = html('select', { class: 'heat-measure', 'aria-label': 'Heat map measure', title: 'What the heat map colours the failure domains by' }, tools);
        this.heatMeasure.hidden = true;
        this.heatMeasure.addEventListener('change', () => actions.setHeatMeasure(this.heatMeasure.value as HeatMeasure));
    }

    /** Ctrl+F: into the search box. */
    openSearch(): void {
        this.input.focus();
        this.input.select();
        if (this.input.value) this.search();
    }

    showFocus(focus: { name: string; hops: number } | null, hops: number): void {
        this.focusInfo.hidden = focus === null;
        this.focusName.textContent = focus?.name ?? '';
        this.hops.value = String(focus?.hops ?? hops);
    }

    /**
     * The heat map's state: on or off, its measure, and whether the importance measures are
     * offered (a failure domain declares an availability); the choice of measure is shown only
     * while the heat map is on and there is more than the blast radius to choose.
     */
    showHeat(on: boolean, measure: HeatMeasure, importance: boolean): void {
        this.heatBtn.setAttribute('aria-pressed', String(on));
        const offered = HEAT_MEASURES.filter(m => m === 'blast' || importance);
        const current = [...this.heatMeasure.options].map(o => o.value);
        if (current.join() !== offered.join()) {
            clear(this.heatMeasure);
            for (const m of offered) html('option', { value: m }, this.heatMeasure, HEAT_MEASURE_TEXT[m].name);
        }
        this.heatMeasure.value = offered.includes(measure) ? measure : 'blast';
        this.heatMeasure.hidden = !on || offered.length < 2;
    }

    private search(): void {
        const query = this.input.value.trim().toLowerCase();
        this.matches = query === '' ? [] : ranked(this.actions.elements(), query);
        this.active = this.matches.length > 0 ? 0 : -1;
        this.render();
    }

    private render(): void {
        clear(this.list);
        const query = this.input.value.trim();
        if (query === '') {
            this.count.textContent = '';
            this.closeList();
            return;
        }
        const n = this.matches.length;
        this.count.textContent = n === 0 ? 'no match' : n === 1 ? '1 match' : `${n} matches`;
        this.matches.slice(0, MAX_LISTED).forEach((e, i) => {
            const li = html('li', { id: `search-result-${i}`, role: 'option', 'data-index': String(i), 'data-name': e.name, 'aria-selected': String(i === this.active) }, this.list);
            html('span', { class: 'sr-kind' }, li, e.kind);
            html('span', { class: 'sr-name' }, li, e.name);
            if (e.label) html('span', { class: 'sr-label' }, li, e.label);
        });
        if (n > MAX_LISTED) html('li', { class: 'more', role: 'presentation' }, this.list, `… and ${n - MAX_LISTED} more: type more of the name`);
        this.list.hidden = n === 0;
        this.input.setAttribute('aria-expanded', String(n > 0));
        if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-result-${this.active}`);
        else this.input.removeAttribute('aria-activedescendant');
    }

    private onKey(event: KeyboardEvent): void {
        const listed = Math.min(this.matches.length, MAX_LISTED);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (listed === 0) return;
            this.active = (this.active + (event.key === 'ArrowDown' ? 1 : listed - 1)) % listed;
            this.render();
            this.list.querySelector(`#search-result-${this.active}`)?.scrollIntoView({ block: 'nearest' });
        } else if (event.key === 'Enter') {
            event.preventDefault();
            if (this.active >= 0) this.choose(this.active);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            if (!this.list.hidden) this.closeList();
            else {
                this.input.value = '';
                this.render();
                (document.querySelector('svg.graph') as SVGSVGElement | null)?.focus();
            }
        }
    }

    private choose(index: number): void {
        const e = this.matches[index];
        if (!e) return;
        this.closeList();
        this.actions.focus(e.name);
    }

    private closeList(): void {
        this.list.hidden = true;
        this.input.setAttribute('aria-expanded', 'false');
    }
}

/** Elements whose name or label contains `query`: names starting with it first, then by name. */
function ranked(elements: readonly GraphElement[], query: string): GraphElement[] {
    const scored: { e: GraphElement; score: number }[] = [];
    for (const e of elements) {
        const name = e.name.toLowerCase();
        const score = name === query ? 0 : name.startsWith(query) ? 1 : name.includes(query) ? 2 : e.label?.toLowerCase().includes(query) ? 3 : -1;
        if (score >= 0) scored.push({ e, score });
    }
    scored.sort((a, b) => a.score - b.score || a.e.name.localeCompare(b.e.name));
    return scored.map(s => s.e);
}
