/** Models and helpers of the editing tests (completion, formatting, quick fixes, code lens). */
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import { offsetAt } from '../helpers/text-position.js';

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
