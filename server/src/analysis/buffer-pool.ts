/**
 * Typed arrays kept for reuse. An editor re-analyses a large closure on every keystroke; each
 * analysis needs a few megabytes of down sets, and V8 counts such buffers as external memory,
 * which it answers with a full garbage collection every few megabytes (300 ms in a
 * 10,000-service workspace). Arrays given back with `release` are handed out again, zeroed, to
 * the next analysis asking for the same length.
 */
export class BufferPool {
    private readonly free = new Map<number, Uint32Array[]>();

    take(length: number): Uint32Array {
        const list = this.free.get(length);
        const reused = list?.pop();
        if (reused === undefined) return new Uint32Array(length);
        reused.fill(0);
        return reused;
    }

    release(array: Uint32Array): void {
        let list = this.free.get(array.length);
        if (list === undefined) this.free.set(array.length, list = []);
        if (list.length < MAX_KEPT_PER_LENGTH) list.push(array);
    }
}

const MAX_KEPT_PER_LENGTH = 4;
