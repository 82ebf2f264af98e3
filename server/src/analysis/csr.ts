/**
 * Compressed adjacency lists ("compressed sparse rows"): the targets of row r are
 * `targets[start[r]] … targets[start[r + 1] - 1]`. Built row by row (`RowAppender`), or by
 * counting keys first (`groupBy`, `transpose`); the order of the targets within a row is kept.
 */

import { freshArrays, type Arrays } from './buffer-pool.js';

export interface Csr {
    start: Int32Array;
    targets: Int32Array;
}

/**
 * A CSR filled row by row, in increasing row order, optionally continuing the first
 * `prefixRows` rows of an earlier CSR (copied as they are).
 */
export class RowAppender {
    private readonly start: Int32Array;
    private readonly tail: number[] = [];
    private readonly prefixTargets: number;
    private next: number;

    constructor(private readonly rowCount: number, private readonly prefix?: Csr, prefixRows = 0, private readonly arrays: Arrays = freshArrays) {
        this.start = arrays.int32(rowCount + 1);
        if (prefix !== undefined && prefixRows > 0) this.start.set(prefix.start.subarray(0, prefixRows + 1));
        this.prefixTargets = this.start[prefixRows];
        this.next = prefixRows;
    }

    /** Starts row `row` (rows in between are left empty). */
    row(row: number): void {
        while (this.next <= row) this.start[this.next++] = this.prefixTargets + this.tail.length;
    }

    add(target: number): void {
        this.tail.push(target);
    }

    build(): Csr {
        this.row(this.rowCount);
        const targets = this.arrays.int32(this.prefixTargets + this.tail.length);
        if (this.prefix !== undefined && this.prefixTargets > 0) targets.set(this.prefix.targets.subarray(0, this.prefixTargets));
        targets.set(this.tail, this.prefixTargets);
        return { start: this.start, targets };
    }
}

/** Rows by key: row r holds, in increasing order, every k < count with keyOf(k) = r (keys < 0 left out). */
export function groupBy(rowCount: number, count: number, keyOf: (k: number) => number, arrays: Arrays = freshArrays): Csr {
    const start = arrays.int32(rowCount + 1);
    for (let k = 0; k < count; k++) {
        const r = keyOf(k);
        if (r >= 0) start[r + 1]++;
    }
    for (let r = 0; r < rowCount; r++) start[r + 1] += start[r];
    const fill = start.slice(0, rowCount);
    const targets = arrays.int32(start[rowCount]);
    for (let k = 0; k < count; k++) {
        const r = keyOf(k);
        if (r >= 0) targets[fill[r]++] = k;
    }
    return { start, targets };
}

/** The reverse of `csr`: row t holds every row of `csr` that has t as a target, in increasing order. */
export function transpose(rowCount: number, csr: Csr, arrays: Arrays = freshArrays): Csr {
    const rows = csr.start.length - 1;
    const start = arrays.int32(rowCount + 1);
    for (let j = 0; j < csr.targets.length; j++) start[csr.targets[j] + 1]++;
    for (let r = 0; r < rowCount; r++) start[r + 1] += start[r];
    const fill = start.slice(0, rowCount);
    const targets = arrays.int32(start[rowCount]);
    for (let r = 0; r < rows; r++) {
        for (let j = csr.start[r]; j < csr.start[r + 1]; j++) targets[fill[csr.targets[j]]++] = r;
    }
    return { start, targets };
}
