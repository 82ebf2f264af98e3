/**
 * SVG as plain data: what the drawing functions produce, with no DOM. The webview turns a
 * tree into elements (dom.ts `toDom`); anything else may write it out as text.
 */
export type Attrs = Record<string, string | number | boolean | undefined | null>;

export interface SvgNode {
    tag: string;
    /** undefined, null and false leave the attribute out; true writes it empty */
    attrs: Attrs;
    children: SvgNode[];
    /** the text content (a node has text or children, not both) */
    text?: string;
}

/** A node, appended to `parent` when given. */
export function el(tag: string, attrs: Attrs = {}, parent?: SvgNode, text?: string): SvgNode {
    const node: SvgNode = { tag, attrs, children: [] };
    if (text !== undefined) node.text = text;
    if (parent) parent.children.push(node);
    return node;
}
