/**
 * Which elements are up and which are healthy under a failure set: both greatest fixpoints
 * (spec section 4, notes 1–2), kept with counters.
 *
 * Every element has a count of unsatisfied conditions ("blockers"): failed itself, container
 * down, fewer replicas on up domains than `quorum`, one per `depends on` term with fewer than
 * k members up. It is up iff the count is 0. Health has its own count: not up, a `uses`
 * target down, a term with fewer than k healthy members, fewer surviving replicas than
 * `capacity`.
 *
 * Starting from "everything up", killing only ever decrements counters, so propagating kills
 * through the reverse edges reaches the greatest fixpoint. The baseline (nothing failed) is
 * computed once; a failure set is then an incremental kill from the baseline, touching only
 * its affected cone, and `restore()` undoes it by replaying the log backwards.
 */

import { hasCapacity, type CompiledModel } from './compile.js';

export class StateEngine {
    /** current state: 1 = up */
    readonly up: Uint8Array;
    /** current state: 1 = healthy (up and not degraded) */
    readonly healthy: Uint8Array;
    /** replicas of each service on up domains (standby included) */
    readonly upReplicas: Float64Array;
    /** the baseline (nothing failed) */
    readonly baseUp: Uint8Array;
    readonly baseHealthy: Uint8Array;
    /** order in which each element went down in the baseline; -1 when up */
    readonly baseKillOrder: Int32Array;

    /** the current failure set */
    readonly failed: Uint8Array;
    readonly failedList: number[] = [];
    /** elements that went down in the current simulation, in order (the failed ones first) */
    readonly killed: number[] = [];
    /** elements that stopped being healthy in the current simulation, in order */
    readonly unhealthy: number[] = [];
    /** services whose replicas on up domains changed in the current simulation */
    readonly replicasTouched: number[] = [];

    private readonly blockers: Int32Array;
    private readonly healthBlockers: Int32Array;
    private readonly termUp: Int32Array;
    private readonly termHealthy: Int32Array;
    private readonly killOrder: Int32Array;
    private readonly killEpoch: Int32Array;
    private readonly touchEpoch: Int32Array;
    private epoch = 1;
    /** the elements the current simulation may change (undefined: all), see `fail` */
    private scope?: Uint8Array;
    private log: number[] = [];
    private upHead = 0;
    private healthHead = 0;

    constructor(readonly cm: CompiledModel) {
        const n = cm.n;
        const terms = cm.termK.length;
        this.up = new Uint8Array(n).fill(1);
        this.healthy = new Uint8Array(n).fill(1);
        this.upReplicas = Float64Array.from(cm.totalReplicas);
        this.blockers = new Int32Array(n);
        this.healthBlockers = new Int32Array(n);
        this.termUp = new Int32Array(terms);
        this.termHealthy = new Int32Array(terms);
        for (let t = 0; t < terms; t++) {
            const size = cm.termMembers.start[t + 1] - cm.termMembers.start[t];
            this.termUp[t] = size;
            this.termHealthy[t] = size;
        }
        this.failed = new Uint8Array(n);
        this.killOrder = new Int32Array(n);
        this.killEpoch = new Int32Array(n);
        this.touchEpoch = new Int32Array(n);

        // structural conditions that no failure is needed for
        for (let s = 0; s < n; s++) {
            const placed = cm.depStart[s + 1] > cm.depStart[s];
            if (placed && cm.totalReplicas[s] < cm.quorum[s]) this.bumpUp(s);
            if (hasCapacity(cm, s) && cm.totalReplicas[s] < cm.capacity[s]) this.bumpHealth(s);
        }
        for (let t = 0; t < terms; t++) {
            if (this.termUp[t] < cm.termK[t]) {
                this.bumpUp(cm.termOwner[t]);
                this.bumpHealth(cm.termOwner[t]);
            }
        }
        this.drain();

        this.baseUp = Uint8Array.from(this.up);
        this.baseHealthy = Uint8Array.from(this.healthy);
        this.baseKillOrder = new Int32Array(n).fill(-1);
        this.killed.forEach((x, i) => { this.baseKillOrder[x] = i; });
        // the baseline is kept, not undone
        this.log = [];
        this.killed.length = 0;
        this.unhealthy.length = 0;
        this.replicasTouched.length = 0;
        this.upHead = this.healthHead = 0;
        this.epoch++;
    }

    /**
     * Fail `ids` (on top of the baseline) and propagate. Call `restore()` before the next one.
     * `scope`: only the elements marked 1 are updated; when every input of a marked element
     * (container, placement domains, `depends on` members, `uses` targets) is marked too, their
     * state is exactly that of a whole-model simulation, at the cost of the scope alone.
     * The others keep their baseline state (and the failed ids must be marked).
     */
    fail(ids: Iterable<number>, scope?: Uint8Array): void {
        if (this.failedList.length > 0 || this.log.length > 0) this.restore();
        this.scope = scope;
        for (const f of ids) {
            if (f < 0 || f >= this.cm.n || this.failed[f]) continue;
            this.failed[f] = 1;
            this.failedList.push(f);
            this.bumpUp(f);
        }
        this.drain();
    }

    /** Back to the baseline. */
    restore(): void {
        const log = this.log;
        for (let i = log.length - 1; i >= 0; i--) {
            const op = log[i];
            if (op >= 0) this.undoUpKill(op);
            else this.undoHealthKill(~op);
        }
        for (const f of this.failedList) {
            this.unbumpUp(f);
            this.failed[f] = 0;
        }
        this.failedList.length = 0;
        this.log = [];
        this.killed.length = 0;
        this.unhealthy.length = 0;
        this.replicasTouched.length = 0;
        this.upHead = this.healthHead = 0;
        this.scope = undefined;
        this.epoch++;
    }

    /** Did y go down in the current simulation? */
    isNewlyDown(y: number): boolean {
        return this.killEpoch[y] === this.epoch;
    }

    /** Did y go down in the current simulation before x did? */
    downBefore(y: number, x: number): boolean {
        return this.killEpoch[y] === this.epoch && this.killEpoch[x] === this.epoch && this.killOrder[y] < this.killOrder[x];
    }

    /** y is down at the moment x went down: down at baseline, or went down before x. */
    downAt(y: number, x: number): boolean {
        return !this.baseUp[y] || this.downBefore(y, x);
    }

    // -----------------------------------------------------------------------------------------

    private bumpUp(x: number): void {
        if (this.scope !== undefined && !this.scope[x]) return;
        if (++this.blockers[x] === 1) {
            this.up[x] = 0;
            this.killEpoch[x] = this.epoch;
            this.killOrder[x] = this.killed.length;
            this.killed.push(x);
        }
    }

    private unbumpUp(x: number): void {
        if (this.scope !== undefined && !this.scope[x]) return;
        if (--this.blockers[x] === 0) this.up[x] = 1;
    }

    private bumpHealth(x: number): void {
        if (this.scope !== undefined && !this.scope[x]) return;
        if (++this.healthBlockers[x] === 1) {
            this.healthy[x] = 0;
            this.unhealthy.push(x);
        }
    }

    private unbumpHealth(x: number): void {
        if (this.scope !== undefined && !this.scope[x]) return;
        if (--this.healthBlockers[x] === 0) this.healthy[x] = 1;
    }

    private drain(): void {
        while (this.upHead < this.killed.length) {
            const x = this.killed[this.upHead++];
            this.upKill(x);
            this.log.push(x);
        }
        while (this.healthHead < this.unhealthy.length) {
            const y = this.unhealthy[this.healthHead++];
            this.healthKill(y);
            this.log.push(~y);
        }
    }

    private upKill(x: number): void {
        const cm = this.cm;
        this.bumpHealth(x);
        for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) this.bumpUp(cm.containedBy.targets[j]);
        for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) {
            const dep = cm.deployedOn.targets[j];
            const s = cm.depOwner[dep];
            const before = this.upReplicas[s];
            const after = before - cm.depReplicas[dep];
            this.upReplicas[s] = after;
            if (this.touchEpoch[s] !== this.epoch) {
                this.touchEpoch[s] = this.epoch;
                this.replicasTouched.push(s);
            }
            const q = cm.quorum[s];
            if (before >= q && after < q) this.bumpUp(s);
            const cap = cm.capacity[s];
            if (before >= cap && after < cap) this.bumpHealth(s); // false for NaN
        }
        for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) {
            const t = cm.memberOf.targets[j];
            if (--this.termUp[t] === cm.termK[t] - 1) this.bumpUp(cm.termOwner[t]);
        }
        for (let j = cm.usedBy.start[x]; j < cm.usedBy.start[x + 1]; j++) this.bumpHealth(cm.usedBy.targets[j]);
    }

    private undoUpKill(x: number): void {
        const cm = this.cm;
        for (let j = cm.usedBy.start[x]; j < cm.usedBy.start[x + 1]; j++) this.unbumpHealth(cm.usedBy.targets[j]);
        for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) {
            const t = cm.memberOf.targets[j];
            if (this.termUp[t]++ === cm.termK[t] - 1) this.unbumpUp(cm.termOwner[t]);
        }
        for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) {
            const dep = cm.deployedOn.targets[j];
            const s = cm.depOwner[dep];
            const before = this.upReplicas[s];
            const after = before + cm.depReplicas[dep];
            this.upReplicas[s] = after;
            const q = cm.quorum[s];
            if (before < q && after >= q) this.unbumpUp(s);
            const cap = cm.capacity[s];
            if (before < cap && after >= cap) this.unbumpHealth(s);
        }
        for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) this.unbumpUp(cm.containedBy.targets[j]);
        this.unbumpHealth(x);
    }

    private healthKill(y: number): void {
        const cm = this.cm;
        for (let j = cm.memberOf.start[y]; j < cm.memberOf.start[y + 1]; j++) {
            const t = cm.memberOf.targets[j];
            // a failure domain is healthy iff it is up (note 1): term health only matters to services
            if (--this.termHealthy[t] === cm.termK[t] - 1 && !cm.isDomain[cm.termOwner[t]]) this.bumpHealth(cm.termOwner[t]);
        }
    }

    private undoHealthKill(y: number): void {
        const cm = this.cm;
        for (let j = cm.memberOf.start[y]; j < cm.memberOf.start[y + 1]; j++) {
            const t = cm.memberOf.targets[j];
            if (this.termHealthy[t]++ === cm.termK[t] - 1 && !cm.isDomain[cm.termOwner[t]]) this.unbumpHealth(cm.termOwner[t]);
        }
    }
}
