/**
 * Typed arrays kept for reuse. An editor re-analyses a large closure on every keystroke; each
 * analysis needs a few megabytes of arrays (the compiled model, the down sets), and V8 counts
 * such buffers as external memory, which it answers with a full garbage collection every few
 * dozen megabytes (hundreds of milliseconds in a 10,000-service workspace). Arrays given back
 * with `release` are handed out again, zeroed, to the next request of the same kind and length.
 */

type Pooled = Uint32Array | Int32Array | Float64Array | Uint8Array;

/** Where an analysis's arrays come from: fresh ones, or a pool's. */
export interface Arrays {
    uint32(length: number): Uint32Array;
    int32(length: number): Int32Array;
    float64(length: number): Float64Array;
    uint8(length: number): Uint8Array;
}

export const freshArrays: Arrays = {
    uint32: length => new Uint32Array(length),
    int32: length => new Int32Array(length),
    float64: length => new Float64Array(length),
    uint8: length => new Uint8Array(length)
};

/** How many bytes a pool keeps by default at most (more given back is left to the garbage collector). */
const MAX_KEPT_BYTES = 128 * 1024 * 1024;

export class BufferPool implements Arrays {
    private readonly free = new Map<string, Pooled[]>();
    private keptBytes = 0;

    constructor(private readonly maxBytes = MAX_KEPT_BYTES) {}

    // fields, not methods: they are passed around on their own (`arrays.int32`)
    readonly uint32 = (length: number): Uint32Array => this.reuse('u32', length) as Uint32Array | undefined ?? new Uint32Array(length);
    readonly int32 = (length: number): Int32Array => this.reuse('i32', length) as Int32Array | undefined ?? new Int32Array(length);
    readonly float64 = (length: number): Float64Array => this.reuse('f64', length) as Float64Array | undefined ?? new Float64Array(length);
    readonly uint8 = (length: number): Uint8Array => this.reuse('u8', length) as Uint8Array | undefined ?? new Uint8Array(length);

    /**
     * Gives `array` back: the caller no longer reads or writes it. Past `maxBytes`, the arrays
     * of the kinds and lengths asked for least recently go first (a model that grew leaves arrays
     * of its old size that nothing will ask for again).
     */
    release(array: Pooled): void {
        if (array.length === 0 || array.byteLength > this.maxBytes) return;
        const key = `${kindOf(array)}:${array.length}`;
        let list = this.free.get(key);
        if (list === undefined) this.free.set(key, list = []);
        if (list.includes(array)) return;
        for (const [other, arrays] of this.free) {
            if (this.keptBytes + array.byteLength <= this.maxBytes) break;
            if (other === key) continue;
            for (const dropped of arrays) this.keptBytes -= dropped.byteLength;
            this.free.delete(other);
        }
        while (this.keptBytes + array.byteLength > this.maxBytes && list.length > 0) this.keptBytes -= list.shift()!.byteLength;
        list.push(array);
        this.keptBytes += array.byteLength;
    }

    /** Bytes kept for reuse. */
    get bytes(): number {
        return this.keptBytes;
    }

    private reuse(kind: string, length: number): Pooled | undefined {
        const key = `${kind}:${length}`;
        const list = this.free.get(key);
        const reused = list?.pop();
        if (reused === undefined) return undefined;
        // asked for again: the last to be dropped
        this.free.delete(key);
        this.free.set(key, list!);
        this.keptBytes -= reused.byteLength;
        reused.fill(0);
        return reused;
    }
}

function kindOf(array: Pooled): string {
    return array instanceof Uint32Array ? 'u32' : array instanceof Int32Array ? 'i32' : array instanceof Float64Array ? 'f64' : 'u8';
}

/** Gives back every typed array among `holder`'s own values, and the arrays of its CSRs ({ start, targets }). */
export function releaseArrays(pool: BufferPool, holder: object): void {
    for (const value of Object.values(holder)) {
        if (isPooled(value)) pool.release(value);
        else if (value !== null && typeof value === 'object' && isPooled((value as { start?: unknown }).start) && isPooled((value as { targets?: unknown }).targets)) {
            pool.release((value as { start: Pooled }).start);
            pool.release((value as { targets: Pooled }).targets);
        }
    }
}

function isPooled(x: unknown): x is Pooled {
    return x instanceof Uint32Array || x instanceof Int32Array || x instanceof Float64Array || x instanceof Uint8Array;
}
