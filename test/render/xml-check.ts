/**
 * A small well-formedness check of XML text (what `topo render` writes): one root element,
 * every tag closed in order, attributes quoted and not repeated, only the five predefined
 * entities or character references, no raw `<` or `&` in text. Returns the elements read
 * (tag, attributes, text) so that a test can look at them; throws on the first problem.
 */

export interface XmlElement {
    tag: string;
    attrs: Map<string, string>;
    children: XmlElement[];
    text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(text: string, at: number): string {
    return text.replace(/&([^;\s]*);?/g, (m, body: string) => {
        if (!m.endsWith(';')) throw new Error(`a bare & at ${at}`);
        if (body === 'lt') return '<';
        if (body === 'gt') return '>';
        if (body === 'amp') return '&';
        if (body === 'quot') return '"';
        if (body === 'apos') return '\'';
        if (/^#\d+$/.test(body)) return String.fromCodePoint(Number(body.slice(1)));
        if (/^#x[0-9a-fA-F]+$/.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
        throw new Error(`an unknown entity &${body}; at ${at}`);
    });
}

export function parseXml(source: string): XmlElement {
    let i = 0;
    const text = source.replace(/^<\?xml[^?]*\?>\s*/, '');
    const offset = source.length - text.length;
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    const fail = (what: string): never => { throw new Error(`${what} at ${i + offset}: ${JSON.stringify(text.slice(i, i + 40))}`); };
    while (i < text.length) {
        if (text[i] !== '<') {
            const end = text.indexOf('<', i);
            const chunk = text.slice(i, end < 0 ? text.length : end);
            if (chunk.includes('>')) fail('a raw > in text');
            if (stack.length === 0) {
                if (chunk.trim()) fail('text outside the root element');
            } else stack[stack.length - 1].text += decode(chunk, i + offset);
            i += chunk.length;
            continue;
        }
        if (text.startsWith('</', i)) {
            const m = NAME.exec(text.slice(i + 2));
            if (!m) fail('a bad closing tag');
            const open = stack.pop();
            if (!open || open.tag !== m![0]) fail(`</${m![0]}> closes <${open?.tag}>`);
            i += 2 + m![0].length;
            while (/\s/.test(text[i])) i++;
            if (text[i] !== '>') fail('a closing tag without >');
            i++;
            continue;
        }
        const m = NAME.exec(text.slice(i + 1));
        if (!m) fail('a bad tag');
        const element: XmlElement = { tag: m![0], attrs: new Map(), children: [], text: '' };
        i += 1 + m![0].length;
        for (;;) {
            while (/\s/.test(text[i])) i++;
            if (text.startsWith('/>', i)) { i += 2; break; }
            if (text[i] === '>') { i++; stack.push(element); break; }
            const a = NAME.exec(text.slice(i));
            if (!a) fail('a bad attribute name');
            i += a![0].length;
            if (text[i] !== '=' || (text[i + 1] !== '"' && text[i + 1] !== '\'')) fail('an unquoted attribute');
            const quote = text[i + 1];
            const end = text.indexOf(quote, i + 2);
            if (end < 0) fail('an attribute that never ends');
            const raw = text.slice(i + 2, end);
            if (raw.includes('<')) fail('a raw < in an attribute');
            if (element.attrs.has(a![0])) fail(`attribute ${a![0]} twice`);
            element.attrs.set(a![0], decode(raw, i + offset));
            i = end + 1;
        }
        const parent = stack[stack.length - (stack[stack.length - 1] === element ? 2 : 1)];
        if (parent) parent.children.push(element);
        else if (root) fail('a second root element');
        else root = element;
    }
    if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].tag}> is never closed`);
    if (!root) throw new Error('no element');
    return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const walk = (e: XmlElement): void => { out.push(e); e.children.forEach(walk); };
    walk(root);
    return out;
}
