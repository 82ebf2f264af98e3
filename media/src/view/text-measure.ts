/** Text widths for the scene, measured on a canvas in the page's font, with a bounded cache. */
import type { FontRole, Measure } from '../scene/text.js';

/** characters in the cache's keys: fitting a long label measures many long prefixes, and each edit of it new ones */
const CACHED_CHARS_MAX = 1_000_000;

export class TextMeasure {
    private ctx: CanvasRenderingContext2D | null = null;
    private fonts: Record<FontRole, string> | undefined;
    private readonly widths = new Map<string, number>();
    private cachedChars = 0;

    readonly measure: Measure = (text, role) => {
        const key = `${role}\u0000${text}`;
        const cached = this.widths.get(key);
        if (cached !== undefined) return cached;
        if (!this.ctx) {
            this.ctx = document.createElement('canvas').getContext('2d');
            const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
            this.fonts = { title: `600 13px ${family}`, header: `600 13px ${family}`, body: `12px ${family}`, meta: `11px ${family}`, chip: `600 10px ${family}` };
        }
        let width = text.length * 7;
        if (this.ctx && this.fonts) {
            if (this.ctx.font !== this.fonts[role]) this.ctx.font = this.fonts[role];
            width = this.ctx.measureText(text).width;
        }
        if (this.cachedChars + key.length > CACHED_CHARS_MAX) {
            this.widths.clear();
            this.cachedChars = 0;
        }
        this.widths.set(key, width);
        this.cachedChars += key.length;
        return width;
    };
}
