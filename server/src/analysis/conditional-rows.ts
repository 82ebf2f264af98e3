/**
 * Down sets under a failure set already in place: for a set A of failed elements, the row of
 * every element x holds the failure domains b such that x is down when A ∪ {b} fail. With A
 * empty these are the down sets of down-sets.ts; the cut sets (cut-sets.ts) read pairs and
 * triples from them, one pass per A instead of one simulation per candidate set.
 *
 * Only the upward cone of A can change (the elements that reach A through the hard graph:
 * container, deployment domains, `depends on` members); every other row is its plain down set.
 * A pass therefore touches the cone alone: the state under A comes from the `StateEngine`
 * (elements down under A get every bit), the other rows of the cone are re-evaluated by the
 * down sets' own `RowEvaluator`, dependencies first, and only when one of their inputs' rows
 * changed. Inside a cycle the rows are iterated until nothing changes, from the plain down set
 * (which lies below the answer: failing more never brings anything up).
 */

import type { CompiledModel } from './compile.js';
import { RowEvaluator, type DownSets } from './down-sets.js';
import { hardGraph } from './hard-graph.js';
import type { StateEngine } from './state.js';

export class ConditionalRows {
    /** the rows under the current failure set (row x: words x·words … (x + 1)·words − 1) */
    readonly rows: Uint32Array;
    private readonly cm: CompiledModel;
    private readonly words: number;
    private readonly full: Uint32Array;
    private readonly evaluator: RowEvaluator;
    private readonly scratch: Uint32Array;
    private readonly comp: Int32Array;
    private readonly cyclic: Uint8Array;
    /** epoch marks: in the current cone; row changed in the current pass */
    private readonly inCone: Int32Array;
    private readonly changedAt: Int32Array;
    private epoch = 0;
    private cone: number[] = [];
    private active = false;

    constructor(private readonly engine: StateEngine, private readonly base: DownSets) {
        const cm = engine.cm;
        this.cm = cm;
        this.words = base.words;
        this.rows = Uint32Array.from(base.down);
        this.full = new Uint32Array(base.words).fill(0xffffffff);
        if (base.bits % 32 !== 0) this.full[base.words - 1] = (2 ** (base.bits % 32)) - 1;
        this.evaluator = new RowEvaluator(cm, base.words, base.bitOf, this.rows, base.unhealthy);
        this.scratch = new Uint32Array(base.words);
        const graph = hardGraph(cm);
        this.comp = graph.components.comp;
        this.cyclic = graph.cyclic;
        this.inCone = new Int32Array(cm.n);
        this.changedAt = new Int32Array(cm.n);
    }

    /**
     * Fails `failed` and brings the rows of its upward cone up to date. Returns the cone,
     * dependencies first. The rows stay valid until the next `run` or `restore`. With `within`
     * (1 for the elements that matter, closed under "what they need": one service's cone), only
     * the part of the cone inside it.
     */
    run(failed: readonly number[], within?: Uint8Array): readonly number[] {
        if (this.active) this.restore();
        this.active = true;
        this.epoch++;
        this.engine.fail(failed);
        this.cone = this.upwardCone(failed, within);
        const cone = this.cone;
        for (let i = 0; i < cone.length;) {
            // one strongly connected component at a time
            let j = i + 1;
            while (j < cone.length && this.comp[cone[j]] === this.comp[cone[i]]) j++;
            if (!this.cyclic[cone[i]]) this.update(cone[i]);
            else {
                let changed = true;
                while (changed) {
                    changed = false;
                    for (let k = i; k < j; k++) if (this.update(cone[k], true)) changed = true;
                }
            }
            i = j;
        }
        return cone;
    }

    /** Did x's row change from its plain down set in the current pass? */
    changed(x: number): boolean {
        return this.changedAt[x] === this.epoch;
    }

    /** Back to the plain down sets and the engine's baseline. */
    restore(): void {
        if (!this.active) return;
        const { words, rows } = this;
        for (const x of this.cone) {
            if (this.changedAt[x] === this.epoch) rows.set(this.base.down.subarray(x * words, (x + 1) * words), x * words);
        }
        this.engine.restore();
        this.active = false;
        this.epoch++;
    }

    /** The elements that reach `failed` through the hard graph (themselves included), dependencies first. */
    private upwardCone(failed: readonly number[], within?: Uint8Array): number[] {
        const cm = this.cm;
        const mark = this.inCone;
        const epoch = this.epoch;
        const out: number[] = [];
        const visit = (y: number) => {
            if (mark[y] !== epoch && (within === undefined || within[y] === 1)) { mark[y] = epoch; out.push(y); }
        };
        for (const f of failed) visit(f);
        for (let i = 0; i < out.length; i++) {
            const x = out[i];
            for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) visit(cm.containedBy.targets[j]);
            for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) visit(cm.depOwner[cm.deployedOn.targets[j]]);
            for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) visit(cm.termOwner[cm.memberOf.targets[j]]);
        }
        const comp = this.comp;
        return out.sort((a, b) => comp[a] - comp[b] || a - b);
    }

    /** Re-evaluates x's row when it may have changed; true when it grew. */
    private update(x: number, force = false): boolean {
        const { words, rows, engine } = this;
        const at = x * words;
        if (!engine.up[x]) {
            if (!engine.baseUp[x] || this.changedAt[x] === this.epoch) return false; // already full
            rows.set(this.full, at);
            this.changedAt[x] = this.epoch;
            return true;
        }
        if (!force && !this.inputChanged(x)) return false;
        const scratch = this.scratch;
        scratch.fill(0);
        this.evaluator.down(x, scratch);
        let grew = false;
        for (let w = 0; w < words; w++) {
            const v = (rows[at + w] | scratch[w]) >>> 0;
            if (v !== rows[at + w]) { rows[at + w] = v; grew = true; }
        }
        if (grew) this.changedAt[x] = this.epoch;
        return grew;
    }

    private inputChanged(x: number): boolean {
        const cm = this.cm;
        const changed = (y: number) => this.changedAt[y] === this.epoch;
        if (cm.container[x] >= 0 && changed(cm.container[x])) return true;
        for (let d = cm.depStart[x]; d < cm.depStart[x + 1]; d++) if (changed(cm.depDomain[d])) return true;
        for (let t = cm.termStart[x]; t < cm.termStart[x + 1]; t++) {
            for (let j = cm.termMembers.start[t]; j < cm.termMembers.start[t + 1]; j++) if (changed(cm.termMembers.targets[j])) return true;
        }
        return false;
    }
}
