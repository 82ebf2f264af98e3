/** The banner naming the model's errors (the first five, each whole in its tooltip) while the last good graph stays on screen. */
import { clear, html } from '../dom.js';

const SHOWN = 5;

export class ErrorBanner {
    private readonly el: HTMLElement;

    constructor(parent: HTMLElement) {
        this.el = html('div', { class: 'banner', role: 'alert', hidden: true }, parent);
    }

    /** `keptGraph`: a graph is on screen (the last good one). */
    show(errors: readonly string[], keptGraph: boolean): void {
        const banner = this.el;
        clear(banner);
        banner.hidden = errors.length === 0;
        if (errors.length === 0) return;
        html('strong', {}, banner, errors.length === 1 ? 'The model has an error' : `The model has ${errors.length} errors`);
        html('span', {}, banner, keptGraph ? ' — showing the last good graph until it is fixed:' : ':');
        const list = html('ul', {}, banner);
        for (const e of errors.slice(0, SHOWN)) html('li', { title: e }, list, e);
        if (errors.length > SHOWN) html('li', { class: 'more' }, list, `and ${errors.length - SHOWN} more`);
    }
}
