/** Models and helpers of the editing tests (completion, formatting, quick fixes, code lens). */
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

export const SITES = `// where things run
region capital "Seoul Capital Area"
region south "Southern provinces"

site pangyo "SK C&C Pangyo" in capital {
  recovery 10h
}

site ansan "Kakao Ansan" in capital
site busan "Busan data center" in south
site gwangju in south
site jeju "Jeju island"

infra pangyo-power "UPS and batteries" in pangyo {
  kind power
}
`;

/** Not imported by anything: its names are offered with an `import`. */
export const EXTRA = `site daejeon "Daejeon data center"

service billing "Billing" {
  runs on daejeon
}
`;

export const MAIN = `import "sites.topo"

service auth "Kakao Account" {
  runs on pangyo (30)
  capacity 20
  tier critical
}

service talk "KakaoTalk" {
  runs on pangyo (200), ansan (40)
  depends on auth
  users 43.2M
  tier critical
}

service portal "Portal" {
  runs on pangyo, busan
}

service dual {
  runs on pangyo, busan
  quorum 2
}

datastore ledger {
  runs on pangyo (3), busan (1)
  quorum 3
  capacity 6
}
`;

/** A position inside `text`: the `nth` occurrence of `needle`, plus `shift` characters. */
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

/** The text after the edits (non-overlapping, as LSP requires), applied from the end. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    let out = text;
    for (const edit of sorted) {
        out = out.slice(0, offsetAt(out, edit.range.start)) + edit.newText + out.slice(offsetAt(out, edit.range.end));
    }
    return out;
}

export function rangeText(text: string, range: Range): string {
    return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}
