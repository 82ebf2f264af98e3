/**
 * An SVG tree (media/src/draw/svg-tree.ts: plain data) written out as XML text, every attribute
 * value and text escaped: model text never becomes markup.
 */
import type { SvgNode } from '../../../media/src/draw/svg-tree.js';

export function escapeXml(text: string): string {
    // characters XML 1.0 does not allow at all are left out
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function serializeSvg(node: SvgNode, indent = ''): string {
    const attrs: string[] = [];
    for (const [name, value] of Object.entries(node.attrs)) {
        if (value === undefined || value === null || value === false) continue;
        attrs.push(` ${name}="${value === true ? '' : escapeXml(String(value))}"`);
    }
    const open = `${indent}<${node.tag}${attrs.join('')}`;
    if (node.text !== undefined) return `${open}>${escapeXml(node.text)}</${node.tag}>`;
    if (node.children.length === 0) return `${open}/>`;
    const inner = node.children.map(child => serializeSvg(child, `${indent}  `)).join('\n');
    return `${open}>\n${inner}\n${indent}</${node.tag}>`;
}
