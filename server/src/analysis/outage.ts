/**
 * Outage length T (spec section 4, note 4): for every element, how long until it serves again
 * under a failure set. A least fixpoint: values only rise, from the baseline (0 for what is
 * up with nothing failed, unknown = +∞ for what is never up), starting at the failed
 * elements and following the reverse edges. Values come from a finite set (0, declared
 * durations, +∞), so the worklist terminates.
 *
 * For each element we keep the input that determined its value (`det`/`detRef`) so that a
 * reason can be said in words (see outage-reason.ts). Like the state engine, `run` works
 * from the baseline and `restore` undoes it.
 */

import type { CompiledModel } from './compile.js';
import type { StateEngine } from './state.js';

/** What determined an element's outage time. */
export const Det = {
    None: 0,
    /** a failed failure domain: its own recovery */
    FailedDomain: 1,
    /** a failed service: unknown */
    FailedService: 2,
    /** down with nothing failed: unknown */
    NeverUp: 3,
    /** its container (ref = container) */
    Container: 4,
    /** a `depends on` term (ref = the member that decides the term) */
    Term: 5,
    /** its placement (ref = the deployment that completes the quorum) */
    Placement: 6,
    /** its placement, decided by a standby deployment's failover time (ref = that deployment) */
    Failover: 7
} as const;

export class OutageEngine {
    readonly T: Float64Array;
    readonly det: Uint8Array;
    readonly detRef: Int32Array;
    /** elements whose time changed in the current run */
    readonly touched: number[] = [];

    private readonly oldT: number[] = [];
    private readonly oldDet: number[] = [];
    private readonly oldRef: number[] = [];
    private readonly stamp: Int32Array;
    private epoch = 1;
    private failed: Uint8Array;
    /** the elements the current run may change (undefined: all), see `run` */
    private scope?: Uint8Array;

    constructor(private readonly engine: StateEngine) {
        const cm = engine.cm;
        this.T = new Float64Array(cm.n);
        this.det = new Uint8Array(cm.n);
        this.detRef = new Int32Array(cm.n).fill(-1);
        for (let x = 0; x < cm.n; x++) {
            if (!engine.baseUp[x]) {
                this.T[x] = Infinity;
                this.det[x] = Det.NeverUp;
            }
        }
        this.stamp = new Int32Array(cm.n);
        this.failed = new Uint8Array(cm.n);
        // the baseline is the least fixpoint with nothing failed: what is never up is unknown,
        // and so is, e.g., a service that has to fail over away from a domain that is never up
        const seeds: number[] = [];
        for (let x = 0; x < cm.n; x++) if (!engine.baseUp[x]) seeds.push(x);
        this.propagate(seeds);
        this.touched.length = this.oldT.length = this.oldDet.length = this.oldRef.length = 0;
        this.epoch++;
    }

    get cm(): CompiledModel {
        return this.engine.cm;
    }

    /**
     * Outage times for the failure set `failed` (ids; `mark` has 1 for each). `scope`: only the
     * elements marked 1 are recomputed; when every input of a marked element (container,
     * placement domains, `depends on` members) is marked too, their times are exactly those of
     * a whole-model run (the failed ids must be marked).
     */
    run(failed: readonly number[], mark: Uint8Array, scope?: Uint8Array): void {
        if (this.touched.length > 0) this.restore();
        this.failed = mark;
        this.scope = scope;
        const queue: number[] = [];
        for (const f of failed) if (this.engine.baseUp[f] && this.recompute(f)) queue.push(f);
        this.propagate(queue);
        this.scope = undefined;
    }

    /** Recompute what depends on the raised elements in `queue`, transitively. */
    private propagate(queue: number[]): void {
        const cm = this.cm;
        const update = (y: number) => {
            if (!this.engine.baseUp[y]) return; // never up: unknown in every simulation (note 4)
            if (this.scope !== undefined && !this.scope[y]) return;
            if (this.recompute(y)) queue.push(y);
        };
        for (let head = 0; head < queue.length; head++) {
            const x = queue[head];
            for (let j = cm.containedBy.start[x]; j < cm.containedBy.start[x + 1]; j++) update(cm.containedBy.targets[j]);
            for (let j = cm.deployedOn.start[x]; j < cm.deployedOn.start[x + 1]; j++) update(cm.depOwner[cm.deployedOn.targets[j]]);
            for (let j = cm.memberOf.start[x]; j < cm.memberOf.start[x + 1]; j++) update(cm.termOwner[cm.memberOf.targets[j]]);
        }
    }

    restore(): void {
        for (let i = this.touched.length - 1; i >= 0; i--) {
            const x = this.touched[i];
            this.T[x] = this.oldT[i];
            this.det[x] = this.oldDet[i];
            this.detRef[x] = this.oldRef[i];
        }
        this.touched.length = this.oldT.length = this.oldDet.length = this.oldRef.length = 0;
        this.epoch++;
    }

    /** The effective time of deployment `dep` (standby rule of note 4), and whether failover decides it. */
    deploymentTime(dep: number): { time: number; failover: boolean } {
        const cm = this.cm;
        const own = this.T[cm.depDomain[dep]];
        if (!cm.depStandby[dep] || !this.activeInterrupted(cm.depOwner[dep])) return { time: own, failover: false };
        const f = Number.isNaN(cm.failover[cm.depOwner[dep]]) ? Infinity : cm.failover[cm.depOwner[dep]];
        return f > own ? { time: f, failover: true } : { time: own, failover: false };
    }

    /** Does any non-standby deployment of s have T > 0? */
    activeInterrupted(s: number): boolean {
        const cm = this.cm;
        for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) {
            if (!cm.depStandby[d] && this.T[cm.depDomain[d]] > 0) return true;
        }
        return false;
    }

    /** Recompute y from its inputs; true when its time rose. */
    private recompute(y: number): boolean {
        const cm = this.cm;
        let best = 0;
        let det: number = Det.None;
        let ref = -1;
        if (this.failed[y]) {
            if (cm.isDomain[y]) {
                best = Number.isNaN(cm.recovery[y]) ? Infinity : cm.recovery[y];
                det = Det.FailedDomain;
            } else {
                return this.set(y, Infinity, Det.FailedService, -1);
            }
        }
        const from = cm.depStart[y];
        const to = cm.depStart[y + 1];
        if (to > from) {
            const p = this.placement(y);
            if (p.time > best) { best = p.time; det = p.failover ? Det.Failover : Det.Placement; ref = p.dep; }
        }
        const c = cm.container[y];
        if (c >= 0 && this.T[c] > best) { best = this.T[c]; det = Det.Container; ref = c; }
        for (let t = cm.termStart[y]; t < cm.termStart[y + 1]; t++) {
            const v = this.term(t);
            if (v.time > best) { best = v.time; det = Det.Term; ref = v.member; }
        }
        return this.set(y, best, det, ref);
    }

    private set(y: number, time: number, det: number, ref: number): boolean {
        const old = this.T[y];
        if (time < old) return false; // cannot happen for a monotone recomputation; be safe
        if (time === old && !this.isStale(y)) return false;
        if (this.stamp[y] !== this.epoch) {
            this.stamp[y] = this.epoch;
            this.touched.push(y);
            this.oldT.push(old);
            this.oldDet.push(this.det[y]);
            this.oldRef.push(this.detRef[y]);
        }
        this.T[y] = time;
        this.det[y] = det;
        this.detRef[y] = ref;
        return time > old;
    }

    /** Does y's recorded determiner no longer give its time (an input rose past it)? */
    private isStale(y: number): boolean {
        const ref = this.detRef[y];
        switch (this.det[y]) {
            case Det.Container:
            case Det.Term:
                return this.T[ref] !== this.T[y];
            case Det.Placement:
            case Det.Failover:
                return this.deploymentTime(ref).time !== this.T[y];
            case Det.None:
                return this.T[y] > 0;
            default:
                return false;
        }
    }

    /** Placement time: the smallest t at which deployments with time ≤ t hold `quorum` replicas. */
    private placement(s: number): { time: number; dep: number; failover: boolean } {
        const cm = this.cm;
        const q = cm.quorum[s];
        const deps: { dep: number; time: number; failover: boolean }[] = [];
        for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) deps.push({ dep: d, ...this.deploymentTime(d) });
        if (q <= 0) return { time: 0, dep: -1, failover: false };
        deps.sort((a, b) => a.time - b.time || a.dep - b.dep);
        let replicas = 0;
        for (const d of deps) {
            replicas += cm.depReplicas[d.dep];
            if (replicas >= q) return d;
        }
        const last = deps[deps.length - 1];
        return { time: Infinity, dep: last.dep, failover: false };
    }

    /** A term's time: the k-th smallest of its members' times, and that member. */
    private term(t: number): { time: number; member: number } {
        const cm = this.cm;
        const from = cm.termMembers.start[t];
        const to = cm.termMembers.start[t + 1];
        const k = cm.termK[t];
        if (k > to - from) return { time: Infinity, member: cm.termMembers.targets[from] };
        if (k === 1) {
            let member = cm.termMembers.targets[from];
            for (let j = from + 1; j < to; j++) {
                const m = cm.termMembers.targets[j];
                if (this.T[m] < this.T[member]) member = m;
            }
            return { time: this.T[member], member };
        }
        const members: number[] = [];
        for (let j = from; j < to; j++) members.push(cm.termMembers.targets[j]);
        members.sort((a, b) => this.T[a] - this.T[b] || a - b);
        const member = members[k - 1];
        return { time: this.T[member], member };
    }
}
