/**
 * Element names as Open-PSA MEF identifiers. A topo name is `[a-zA-Z][a-zA-Z0-9_-]*`; a MEF
 * identifier may not hold `--` nor end with `-` (nor hold `.`). The mapping keeps every other
 * name as it is and is one-to-one: `_` becomes `__`, and a `-` followed by `-` or at the end
 * becomes `_d`. So in an escaped name `_` is only ever followed by `_` or `d`, and a gate named
 * `<escaped name>_is_down` (or any suffix starting with `_` and another letter) can never equal
 * an escaped name, nor another element's gate.
 */
export function mefName(name: string): string {
    let out = '';
    for (let i = 0; i < name.length; i++) {
        const c = name[i];
        if (c === '_') out += '__';
        else if (c === '-' && (i + 1 === name.length || name[i + 1] === '-')) out += '_d';
        else out += c;
    }
    return out;
}

/** The inverse of `mefName` (for reading a tool's report back). */
export function topoName(identifier: string): string {
    let out = '';
    for (let i = 0; i < identifier.length; i++) {
        const c = identifier[i];
        if (c === '_' && identifier[i + 1] === '_') { out += '_'; i++; }
        else if (c === '_' && identifier[i + 1] === 'd') { out += '-'; i++; }
        else out += c;
    }
    return out;
}
