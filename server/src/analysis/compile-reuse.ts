/**
 * What a compilation may take over from an earlier one (the language server recompiles after
 * every edit, and an edit to a file nothing imports changes only that file's elements, which
 * the server puts last): the leading elements that are the same objects in both, as long as
 * nothing in them refers past them and no name they refer to in vain is now declared.
 */

import type { Arrays } from './buffer-pool.js';
import type { CompiledModel } from './compile.js';
import { compareNames } from '../common/format.js';
import type { Element } from './model.js';

/** How many leading rows of `previous` a compilation of `elements` can copy as they are. */
export function reusablePrefix(elements: readonly Element[], previous: CompiledModel): number {
    const limit = Math.min(elements.length, previous.n);
    let prefix = 0;
    while (prefix < limit && elements[prefix] === previous.elements[prefix]) prefix++;
    for (;;) {
        // rows that refer to a row past the prefix (which may now hold another element)
        while (prefix > 0 && previous.refBound[prefix - 1] >= prefix) prefix--;
        // a name that a row of the prefix referred to in vain, now declared after it
        let first = prefix;
        if (previous.missing.size > 0) {
            for (let i = prefix; i < elements.length; i++) {
                const row = typeof elements[i]?.name === 'string' ? previous.missing.get(elements[i].name) : undefined;
                if (row !== undefined && row < first) first = row;
            }
        }
        if (first === prefix) return prefix;
        prefix = first;
    }
}

/**
 * The name order of the ids: with `base`, its order of ids below `prefix` merged with the sorted
 * rest (names are unique); else a sort of every name.
 */
export function nameOrder(
    names: readonly string[], index: ReadonlyMap<string, number>, base: CompiledModel | undefined, prefix: number, arrays: Arrays
): { rank: Int32Array; byRank: Int32Array } {
    const n = names.length;
    const byRank = arrays.int32(n);
    if (base === undefined || prefix === 0) {
        const sorted = [...names].sort(); // UTF-16 code unit order, as `compareNames`
        for (let r = 0; r < n; r++) byRank[r] = index.get(sorted[r])!;
    } else {
        const rest = names.slice(prefix).sort();
        let r = 0;
        let j = 0;
        for (let k = 0; k < base.n; k++) {
            const id = base.byRank[k];
            if (id >= prefix) continue;
            while (j < rest.length && compareNames(rest[j], names[id]) < 0) byRank[r++] = index.get(rest[j++])!;
            byRank[r++] = id;
        }
        while (j < rest.length) byRank[r++] = index.get(rest[j++])!;
    }
    const rank = arrays.int32(n);
    for (let r = 0; r < n; r++) rank[byRank[r]] = r;
    return { rank, byRank };
}
