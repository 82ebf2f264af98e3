/**
 * DOM helpers. Every piece of model text reaches the page through `textContent` or an
 * attribute value — never `innerHTML` — so a label such as `<img src=x onerror=…>` is shown
 * as the characters it is.
 */
import type { Attrs, SvgNode } from './draw/svg-tree.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttrs(el: Element, attrs: Attrs): void {
    for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        el.setAttribute(k, v === true ? '' : String(v));
    }
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, parent?: Element, text?: string): SVGElementTagNameMap[K] {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, parent?: Element, text?: string): HTMLElementTagNameMap[K] {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
}

/** The elements of a drawn tree (draw/), appended to `parent` when given. */
export function toDom(node: SvgNode, parent?: Element): SVGElement {
    const el = document.createElementNS(SVG_NS, node.tag) as SVGElement;
    setAttrs(el, node.attrs);
    if (node.text !== undefined) el.textContent = node.text;
    for (const child of node.children) toDom(child, el);
    if (parent) parent.appendChild(el);
    return el;
}

export function clear(el: Element): void {
    while (el.firstChild) el.removeChild(el.firstChild);
}
