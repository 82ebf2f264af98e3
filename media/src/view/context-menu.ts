/**
 * The context menu of a node (right click, the context-menu key or Shift+F10 on the focused
 * node): show its neighbourhood, go to its definition, select it for a simulation, for a
 * service its cut sets (cut-set-menu.ts, which lists them in this same menu), and for a region or
 * site collapse or expand it. Arrows move, Enter chooses, Escape closes.
 */
import { clear, html } from '../dom.js';

export interface MenuItem {
    label: string;
    /** the key that does the same on the focused node, shown beside the label */
    key?: string;
    run(): void;
}

export class ContextMenu {
    private readonly el: HTMLElement;
    private returnTo: HTMLElement | SVGElement | null = null;

    constructor(parent: HTMLElement) {
        this.el = html('div', { class: 'context-menu', role: 'menu', 'aria-label': 'Node' }, parent);
        this.el.hidden = true;
        this.el.addEventListener('keydown', event => this.onKey(event));
        document.addEventListener('pointerdown', event => {
            if (!this.el.hidden && !this.el.contains(event.target as Node)) this.close(false);
        });
    }

    get open(): boolean {
        return !this.el.hidden;
    }

    /**
     * Opens at a page position, with its first item focused; `returnTo` gets the focus back on
     * close; `label` names the menu for screen readers.
     */
    show(x: number, y: number, items: readonly MenuItem[], returnTo: HTMLElement | SVGElement | null, label = 'Node'): void {
        clear(this.el);
        this.el.setAttribute('aria-label', label);
        this.returnTo = returnTo;
        for (const item of items) {
            const b = html('button', { type: 'button', role: 'menuitem', tabindex: '-1' }, this.el);
            html('span', { class: 'cm-label' }, b, item.label);
            if (item.key) html('span', { class: 'cm-key' }, b, item.key);
            b.addEventListener('click', () => {
                this.close(true);
                item.run();
            });
        }
        this.el.hidden = false;
        const r = this.el.getBoundingClientRect();
        this.el.style.left = `${Math.max(0, Math.min(x, window.innerWidth - r.width - 4))}px`;
        this.el.style.top = `${Math.max(0, Math.min(y, window.innerHeight - r.height - 4))}px`;
        this.items()[0]?.focus();
    }

    close(keepFocus: boolean): void {
        if (this.el.hidden) return;
        this.el.hidden = true;
        if (!keepFocus) return;
        this.returnTo?.focus({ preventScroll: true });
    }

    private items(): HTMLButtonElement[] {
        return [...this.el.querySelectorAll<HTMLButtonElement>('button[role="menuitem"]')];
    }

    private onKey(event: KeyboardEvent): void {
        const items = this.items();
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const next = (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            items[next]?.focus();
        } else if (event.key === 'Escape' || event.key === 'Tab') {
            event.preventDefault();
            event.stopPropagation();
            this.close(true);
        } else if (event.key === 'Home' || event.key === 'End') {
            event.preventDefault();
            items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
        }
        // Enter and Space press the focused button.
    }
}
