/**
 * Paths for SPOFs, computed when asked for. A model with thousands of services can have
 * millions of (service, SPOF) pairs; their paths are only built for the pairs someone looks at:
 * walked over the down sets when they are given (down-set-paths.ts), otherwise, or through a
 * cycle, with one simulation per domain, kept once built.
 */

import { namesOf } from './compile.js';
import { pathFromDownSets, type StepMemo } from './down-set-paths.js';
import type { DownSets } from './down-sets.js';
import { MAX_PATH_STEPS, pathToFailure, type CauseMemo } from './paths.js';
import type { PathStep } from './results.js';
import type { StateEngine } from './state.js';

export class PathCache {
    private readonly byDomain = new Map<number, Map<number, PathStep[]>>();
    /** paths kept in `byDomain` */
    private kept = 0;

    constructor(private readonly engine: StateEngine, private sets?: DownSets) {}

    /** The down sets are no longer valid (their arrays were reused): simulate from now on. */
    forgetDownSets(): void {
        this.sets = undefined;
    }

    /** The path from the down sets, when they are given and it does not pass through a cycle. */
    private walk(s: number, d: number, memo?: StepMemo): PathStep[] | undefined {
        return this.sets === undefined ? undefined : pathFromDownSets(this.engine.cm, this.sets, this.engine.baseUp, s, d, memo);
    }

    /** Paths for `services` when only domain d failed (not kept; they share the steps of their common tails). */
    batch(d: number, services: readonly number[]): Map<number, PathStep[]> {
        const kept = this.byDomain.get(d);
        const out = new Map<number, PathStep[]>();
        const steps: StepMemo = new Map();
        const missing = services.filter(s => {
            const p = this.walk(s, d, steps) ?? kept?.get(s);
            if (p !== undefined) out.set(s, p);
            return p === undefined;
        });
        if (missing.length === 0) return out;
        this.engine.fail([d]);
        try {
            const memo: CauseMemo = new Map();
            for (const s of missing) out.set(s, pathToFailure(this.engine, s, MAX_PATH_STEPS, memo));
        } finally {
            this.engine.restore();
        }
        return out;
    }

    /**
     * The path of service s for domain d: walked over the down sets, else (through a cycle) from
     * a simulation of d, which builds (and keeps) the paths of every service d takes down. The
     * walk comes first even when d's paths are kept: the path of a pair does not depend on
     * which pairs were asked for before it (`batch` and `records` give the same).
     */
    get(s: number, d: number): PathStep[] {
        const walked = this.walk(s, d);
        if (walked !== undefined) return walked;
        let paths = this.byDomain.get(d);
        if (paths === undefined) {
            const cm = this.engine.cm;
            paths = new Map();
            this.engine.fail([d]);
            try {
                const memo: CauseMemo = new Map();
                for (const x of this.engine.killed) {
                    if (!cm.isDomain[x]) paths.set(x, pathToFailure(this.engine, x, MAX_PATH_STEPS, memo));
                }
            } finally {
                this.engine.restore();
            }
            this.byDomain.set(d, paths);
            this.kept += paths.size;
        }
        return paths.get(s) ?? [];
    }

    /**
     * The record { SPOF name: path } of service s as plain data, keys in the order of `spofs`,
     * built now and not kept (a report of every service, one at a time). The paths a walk over
     * the down sets cannot give (through a cycle) are simulated per domain and kept until more
     * than `maxKept` paths are kept, then forgotten: memory does not grow with the answer.
     */
    transientRecord(s: number, spofs: readonly number[], maxKept = EAGER_PATH_PAIRS): Record<string, PathStep[]> {
        const names = this.engine.cm.names;
        const out: Record<string, PathStep[]> = {};
        for (const d of spofs) {
            if (this.kept > maxKept) {
                this.byDomain.clear();
                this.kept = 0;
            }
            out[names[d]] = this.get(s, d);
        }
        return out;
    }

    /**
     * The records { SPOF name: path } of every service (indexed by id), keys in name order.
     * Up to `eagerLimit` (service, SPOF) pairs they are plain objects, built now with one
     * simulation per domain; past it they are read-only views whose paths are built on first
     * access (`Object.keys`, `JSON.stringify` and deep equality see plain data; structuredClone
     * does not take them).
     */
    records(spofsOf: (s: number) => readonly number[], eagerLimit = EAGER_PATH_PAIRS): Record<string, PathStep[]>[] {
        const cm = this.engine.cm;
        const spofs: (readonly number[])[] = new Array(cm.n);
        let pairs = 0;
        for (const s of cm.services) pairs += (spofs[s] = spofsOf(s)).length;
        const out: Record<string, PathStep[]>[] = new Array(cm.n);
        if (pairs > eagerLimit) {
            for (const s of cm.services) out[s] = this.lazyRecord(s, spofs[s]);
            return out;
        }
        for (const s of cm.services) out[s] = {};
        const byName = [...cm.domains].sort((a, b) => cm.rank[a] - cm.rank[b]);
        const wanted = new Map<number, number[]>();
        for (const s of cm.services) {
            for (const d of spofs[s]) {
                let list = wanted.get(d);
                if (list === undefined) wanted.set(d, list = []);
                list.push(s);
            }
        }
        for (const d of byName) {
            const services = wanted.get(d);
            if (services === undefined) continue;
            for (const [s, steps] of this.batch(d, services)) out[s][cm.names[d]] = steps;
        }
        return out;
    }

    /** The record of one service, its paths built on first access. */
    lazyRecord(s: number, spofs: readonly number[]): Record<string, PathStep[]> {
        const cm = this.engine.cm;
        let keys: string[] | undefined;
        let members: Set<string> | undefined;
        const has = (key: string | symbol): key is string => {
            if (typeof key !== 'string') return false;
            members ??= new Set(spofs.map(d => cm.names[d]));
            return members.has(key);
        };
        const value = (key: string | symbol): PathStep[] | undefined =>
            has(key) ? this.get(s, cm.index.get(key)!) : undefined;
        return new Proxy({} as Record<string, PathStep[]>, {
            ownKeys: () => [...(keys ??= namesOf(cm, spofs))],
            has: (_, key) => has(key),
            get: (target, key) => value(key) ?? Reflect.get(target, key),
            getOwnPropertyDescriptor: (_, key) => {
                const v = value(key);
                return v === undefined ? undefined : { value: v, enumerable: true, configurable: true, writable: false };
            },
            set: () => false,
            defineProperty: () => false,
            deleteProperty: () => false
        });
    }
}

/** Up to this many (service, SPOF) pairs, paths are built eagerly as plain data. */
export const EAGER_PATH_PAIRS = 250_000;
