/**
 * Compressed adjacency lists ("compressed sparse rows"): the targets of row r are
 * `targets[start[r]] … targets[start[r + 1] - 1]`. Built from (row, target) pairs in two
 * passes; the order of the pairs within a row is kept.
 */
export interface Csr {
    start: Int32Array;
    targets: Int32Array;
}

export class CsrBuilder {
    private readonly rows: number[] = [];
    private readonly values: number[] = [];

    constructor(private readonly rowCount: number) {}

    add(row: number, target: number): void {
        this.rows.push(row);
        this.values.push(target);
    }

    build(): Csr {
        const start = new Int32Array(this.rowCount + 1);
        for (const r of this.rows) start[r + 1]++;
        for (let r = 0; r < this.rowCount; r++) start[r + 1] += start[r];
        const fill = start.slice(0, this.rowCount);
        const targets = new Int32Array(this.values.length);
        for (let i = 0; i < this.rows.length; i++) targets[fill[this.rows[i]]++] = this.values[i];
        return { start, targets };
    }
}

export function csrFrom(rowCount: number, rows: (add: (row: number, target: number) => void) => void): Csr {
    const b = new CsrBuilder(rowCount);
    rows((row, target) => b.add(row, target));
    return b.build();
}
