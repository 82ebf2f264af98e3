/** The one-line status over the graph: waiting, laying out, an empty model, a layout that failed. */
import { html } from '../dom.js';

export type StatusKind = '' | 'busy' | 'empty' | 'error';

export class StatusLine {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement) {
        this.el = html('div', { class: 'status', role: 'status' }, parent);
    }

    get kind(): StatusKind {
        return (this.el.dataset.kind ?? '') as StatusKind;
    }

    get text(): string {
        return this.el.textContent ?? '';
    }

    /** Shows `text` ('' hides the line). */
    set(text: string, kind: StatusKind = ''): void {
        this.el.textContent = text;
        this.el.dataset.kind = kind;
        this.el.hidden = text === '';
    }
}
