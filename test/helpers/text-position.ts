/** LSP positions (0-based line and character) in a text, and back to offsets. */
import type { Position } from 'vscode-languageserver-protocol';

/** Where the `nth` occurrence of `needle` starts in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, nth = 0, shift = 0): Position {
    let index = -1;
    for (let i = 0; i <= nth; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`${needle} #${nth} not in text`);
    }
    return positionAt(text, index + shift);
}

export function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
    return offset + position.character;
}
