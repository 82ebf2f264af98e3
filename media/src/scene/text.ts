/**
 * Text in the boxes: the font roles, the measuring function the caller provides (a canvas in
 * the webview; anything that answers a width elsewhere), and cutting a text to a width.
 */
export type FontRole = 'title' | 'body' | 'meta' | 'header' | 'chip';
export type Measure = (text: string, role: FontRole) => number;

/** Truncates `text` with an ellipsis so that it measures at most `max`. */
export function fit(text: string, role: FontRole, max: number, measure: Measure): string {
    if (measure(text, role) <= max) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (measure(`${text.slice(0, mid)}…`, role) <= max) lo = mid;
        else hi = mid - 1;
    }
    // never between the two halves of a surrogate pair (an emoji would become "�")
    const last = text.charCodeAt(lo - 1);
    if (last >= 0xd800 && last <= 0xdbff) lo--;
    return `${text.slice(0, lo)}…`;
}
