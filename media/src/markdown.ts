/**
 * A small, safe Markdown renderer for the editor's hover text shown in the preview: headings,
 * paragraphs, lists, rules, fenced code, `code`, **bold** and *emphasis*; links show their
 * text, or are buttons when `onLink` gives an action for their target (the hover's cut sets).
 * It builds DOM nodes with `textContent` only: nothing in the text is ever parsed as HTML, and
 * HTML in the text is shown literally.
 */

/** The action of a link's target, or undefined to show the link as text. */
export type LinkAction = (target: string) => (() => void) | undefined;
import { html } from './dom.js';

export function renderMarkdown(markdown: string, into: HTMLElement, onLink?: LinkAction): void {
    const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    let i = 0;
    let list: HTMLElement | null = null;
    let para: string[] = [];
    const flush = (): void => {
        if (para.length > 0) {
            inline(para.join(' '), html('p', {}, into), onLink);
            para = [];
        }
    };
    while (i < lines.length) {
        const line = lines[i];
        const fence = /^\s*(```|~~~)/.exec(line);
        if (fence) {
            flush();
            list = null;
            const code: string[] = [];
            i++;
            while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) code.push(lines[i++]);
            i++;
            html('code', {}, html('pre', {}, into), code.join('\n'));
            continue;
        }
        if (/^\s*$/.test(line)) {
            flush();
            list = null;
            i++;
            continue;
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(line);
        if (heading) {
            flush();
            list = null;
            inline(heading[2], html(heading[1].length <= 2 ? 'h3' : 'h4', {}, into), onLink);
            i++;
            continue;
        }
        if (/^\s*(---+|\*\*\*+|___+)\s*$/.test(line)) {
            flush();
            list = null;
            html('hr', {}, into);
            i++;
            continue;
        }
        const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
        if (item) {
            flush();
            if (!list) list = html('ul', {}, into);
            inline(item[1], html('li', {}, list), onLink);
            i++;
            continue;
        }
        list = null;
        para.push(line.trim().replace(/\\$/, ''));
        i++;
    }
    flush();
}

/** Inline spans: `code`, **bold**, *em* / _em_, [text](link) → text (or a button); backslash escapes. */
export function inline(text: string, into: HTMLElement, onLink?: LinkAction): void {
    const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])|\[([^\]]*)\]\(([^)\s]*)[^)]*\)|\\([\\`*_{}[\]()#+\-.!|<>])/g;
    let last = 0;
    for (const m of text.matchAll(pattern)) {
        const at = m.index ?? 0;
        if (at > last) into.appendChild(document.createTextNode(text.slice(last, at)));
        if (m[1] !== undefined) html('code', {}, into, m[1]);
        else if (m[2] !== undefined || m[3] !== undefined) inline(m[2] ?? m[3], html('strong', {}, into), onLink);
        else if (m[4] !== undefined || m[5] !== undefined) inline(m[4] ?? m[5], html('em', {}, into), onLink);
        else if (m[6] !== undefined) {
            const action = onLink?.(m[7]);
            if (action) {
                const button = html('button', { type: 'button', class: 'link' }, into);
                inline(m[6], button);
                button.addEventListener('click', action);
            } else inline(m[6], html('span', { class: 'link' }, into), onLink);
        } else if (m[8] !== undefined) into.appendChild(document.createTextNode(m[8]));
        last = at + m[0].length;
    }
    if (last < text.length) into.appendChild(document.createTextNode(text.slice(last)));
}
