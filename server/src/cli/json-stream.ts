/**
 * A JSON document written in pieces: the text of `JSON.stringify(document, null, 2) + '\n'`,
 * byte for byte, for a document whose long lists are given as iterables and turned into text one
 * item at a time (`topo analyze` of a large model: its answer never exists whole, as objects or
 * as one string).
 */

/** A top-level field: a value as `JSON.stringify` takes it, or a list given one item at a time. */
export type JsonField = readonly [key: string, value: unknown] | readonly [key: string, items: StreamedList];

/** A list whose items are made when written. */
export class StreamedList {
    constructor(readonly items: Iterable<unknown>) {}
}

/** The pieces of `JSON.stringify(Object.fromEntries(fields), null, 2) + '\n'`, in order. */
export function* jsonPieces(fields: readonly JsonField[]): Generator<string> {
    let first = true;
    yield '{';
    for (const [key, value] of fields) {
        if (value instanceof StreamedList) {
            yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
            first = false;
            yield* listPieces(value.items);
            continue;
        }
        const text = JSON.stringify(value, null, 2) as string | undefined;
        if (text === undefined) continue; // JSON.stringify leaves such a field out
        yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: ${indent(text, '  ')}`;
        first = false;
    }
    yield first ? '}\n' : '\n}\n';
}

function* listPieces(items: Iterable<unknown>): Generator<string> {
    let first = true;
    for (const item of items) {
        const text = (JSON.stringify(item, null, 2) as string | undefined) ?? 'null';
        yield `${first ? '[' : ','}\n    ${indent(text, '    ')}`;
        first = false;
    }
    yield first ? '[]' : '\n  ]';
}

/** JSON text nested by `by`: no string of JSON text holds a raw line break, so every one starts a line. */
function indent(text: string, by: string): string {
    return text.includes('\n') ? text.replace(/\n/g, '\n' + by) : text;
}

/** The pieces joined into chunks of at least `size` characters (fewer, larger writes). */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
    let parts: string[] = [];
    let length = 0;
    for (const piece of pieces) {
        parts.push(piece);
        length += piece.length;
        if (length >= size) {
            yield parts.join('');
            parts = [];
            length = 0;
        }
    }
    if (length > 0) yield parts.join('');
}
