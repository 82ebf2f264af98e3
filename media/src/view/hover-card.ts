/**
 * The hover card: after a short pause on a node (or when the keyboard lands on one), the
 * element's kind, name and label, and the editor's hover for it (Markdown, asked for once per
 * graph and rendered as text; its cut set links are buttons that simulate the set), placed
 * beside the pointer inside the panel.
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';
import { clear, html } from '../dom.js';
import { renderMarkdown } from '../markdown.js';
import { cutSetOfLink } from './cut-set-menu.js';

export interface Point { x: number; y: number }

export interface HoverCardSource {
    element(name: string): GraphElement | undefined;
    /** asks the extension for the element's hover (it answers with `received`) */
    request(name: string): void;
    /** simulates these elements failing together (a cut set link of the hover) */
    simulate(names: string[]): void;
}

const SHOW_AFTER_MS = 350;
const HIDE_AFTER_MS = 120;

export class HoverCard {
    private readonly card: HTMLElement;
    /** the editor's hover Markdown by element name, for the graph on screen */
    private readonly markdown = new Map<string, string>();
    private name: string | null = null;
    private anchor: Point = { x: 0, y: 0 };
    private showTimer: ReturnType<typeof setTimeout> | undefined;
    private hideTimer: ReturnType<typeof setTimeout> | undefined;

    /** `area`: the panel the card stays inside; `graph`: the SVG whose losing focus hides it. */
    constructor(private readonly area: HTMLElement, graph: SVGSVGElement, private readonly source: HoverCardSource) {
        this.card = html('div', { class: 'hover-card', role: 'tooltip', hidden: true }, area);
        this.card.addEventListener('pointerenter', () => clearTimeout(this.hideTimer));
        graph.addEventListener('focusout', () => this.hide());
        this.card.addEventListener('pointerleave', () => this.hide());
    }

    /** Shows the card for `name` at `anchor` (client coordinates) after a pause. */
    schedule(name: string, anchor: Point): void {
        clearTimeout(this.hideTimer);
        if (this.name === name && !this.card.hidden) return;
        clearTimeout(this.showTimer);
        this.showTimer = setTimeout(() => {
            this.name = name;
            this.anchor = anchor;
            if (!this.markdown.has(name)) this.source.request(name);
            this.show(name);
        }, SHOW_AFTER_MS);
    }

    /** Where the card is placed when it is shown again without a new schedule. */
    moveAnchor(anchor: Point): void {
        this.anchor = anchor;
    }

    /** The extension's hover for `name`: shown at once when the card is showing it. */
    received(name: string, markdown: string): void {
        this.markdown.set(name, markdown);
        if (this.name === name) this.show(name);
    }

    /** A new graph: every hover is asked for again. */
    forgetAll(): void {
        this.markdown.clear();
    }

    hide(): void {
        clearTimeout(this.showTimer);
        clearTimeout(this.hideTimer);
        this.hideTimer = setTimeout(() => {
            this.card.hidden = true;
            this.name = null;
        }, HIDE_AFTER_MS);
    }

    /** A cut set link of the hover: a button that simulates the set. */
    private linkAction(target: string): (() => void) | undefined {
        const names = cutSetOfLink(target);
        return names ? () => this.source.simulate(names) : undefined;
    }

    private show(name: string): void {
        const e = this.source.element(name);
        if (!e) return;
        const card = this.card;
        clear(card);
        const head = html('div', { class: 'hover-head' }, card);
        html('span', { class: 'hover-kind' }, head, e.kind);
        html('strong', {}, head, e.name);
        if (e.label) html('span', { class: 'hover-label' }, head, e.label);
        const body = html('div', { class: 'hover-body' }, card);
        const markdown = this.markdown.get(name);
        if (markdown !== undefined && markdown.trim() !== '') renderMarkdown(markdown, body, target => this.linkAction(target));
        else if (markdown === undefined) {
            if (e.description) html('p', {}, body, e.description);
            html('p', { class: 'muted' }, body, 'Loading…');
        } else if (e.description) html('p', {}, body, e.description);
        html('div', { class: 'hover-hint' }, card, 'Click: go to definition · Shift+click: select for simulation');
        card.hidden = false;
        const r = this.area.getBoundingClientRect();
        const cw = card.offsetWidth;
        const ch = card.offsetHeight;
        let x = this.anchor.x - r.left + 14;
        let y = this.anchor.y - r.top + 14;
        if (x + cw > r.width - 8) x = Math.max(8, this.anchor.x - r.left - cw - 14);
        if (y + ch > r.height - 8) y = Math.max(8, r.height - ch - 8);
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
    }
}
