/**
 * One incremental simulation per failure domain (spec section 4, note 5): its blast radius,
 * and, inverted, every service's SPOFs (paths are built on demand: path-cache.ts). The same pass
 * collects what the findings need per domain: surviving replicas of services with `capacity`
 * (note 6) and datastores whose every copy goes down (note 7).
 */

import { hasCapacity, type CompiledModel } from './compile.js';
import type { StateEngine } from './state.js';

export interface BlastRadius {
    /** services down (states: never-up ones included), by id */
    down: number[];
    degraded: number[];
    users: number;
    /** failure domains down, sorted by id (binary-searchable), the domain itself included */
    domainsDown: Int32Array;
}

export interface Sweep {
    /** per domain id (undefined for services) */
    blast: (BlastRadius | undefined)[];
    /** per service id: the domains that take it down alone, in name order */
    spofs: number[][];
    /** per service id with `capacity`: domains leaving 1 ≤ replicas < capacity, with the replicas left */
    capacityTriggers: Map<number, { domain: number; replicas: number }[]>;
    /** per datastore id with `backup on`: domains that take down every copy */
    backupTriggers: Map<number, number[]>;
    /** scratch marks for set membership (see nearest.ts) */
    mark: Int32Array;
    markEpoch: number;
}

/** Is domain y down when only domain d failed? */
export function bringsDown(sweep: Sweep, d: number, y: number): boolean {
    const list = sweep.blast[d]?.domainsDown;
    if (list === undefined) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] === y) return true;
        if (list[mid] < y) lo = mid + 1;
        else hi = mid - 1;
    }
    return false;
}

export function sweepDomains(engine: StateEngine): Sweep {
    const cm = engine.cm;
    const n = cm.n;
    const baseDownServices: number[] = [];
    const baseDegraded: number[] = [];
    const baseDownDomains: number[] = [];
    for (let x = 0; x < n; x++) {
        if (cm.isDomain[x]) {
            if (!engine.baseUp[x]) baseDownDomains.push(x);
        } else if (!engine.baseUp[x]) baseDownServices.push(x);
        else if (!engine.baseHealthy[x]) baseDegraded.push(x);
    }

    const backups = backupCopies(cm, engine);
    // services with `capacity` already short with nothing failed (but for domains never up)
    const shortAtBaseline: number[] = [];
    for (const s of cm.services) {
        if (!hasCapacity(cm, s) || cm.capacity[s] > cm.totalReplicas[s]) continue;
        const r = engine.upReplicas[s];
        if (r >= 1 && r < cm.capacity[s]) shortAtBaseline.push(s);
    }
    const sweep: Sweep = {
        blast: new Array(n),
        spofs: Array.from({ length: n }, () => []),
        capacityTriggers: new Map(),
        backupTriggers: new Map(),
        mark: new Int32Array(n),
        markEpoch: 0
    };

    // in name order, so that every list built per domain comes out sorted by name
    const domains = [...cm.domains].sort((a, b) => cm.rank[a] - cm.rank[b]);
    for (const d of domains) {
        engine.fail([d]);
        const down = [...baseDownServices];
        const domainsDown = [...baseDownDomains];
        for (const x of engine.killed) {
            if (cm.isDomain[x]) {
                domainsDown.push(x);
                continue;
            }
            down.push(x);
            sweep.spofs[x].push(d);
        }
        if (!domainsDown.includes(d)) domainsDown.push(d);
        const degraded: number[] = [];
        for (const x of baseDegraded) if (engine.up[x]) degraded.push(x);
        for (const x of engine.unhealthy) if (!cm.isDomain[x] && engine.up[x] && engine.baseHealthy[x]) degraded.push(x);
        let users = 0;
        for (const x of down) users += cm.users[x];
        for (const x of degraded) users += cm.users[x];
        sweep.blast[d] = { down, degraded, users, domainsDown: Int32Array.from(domainsDown).sort() };

        const touched = new Set<number>();
        for (const s of [...engine.replicasTouched, ...shortAtBaseline]) {
            if (touched.has(s)) continue;
            touched.add(s);
            if (!hasCapacity(cm, s) || cm.capacity[s] > cm.totalReplicas[s]) continue;
            const r = engine.upReplicas[s];
            if (r >= 1 && r < cm.capacity[s]) {
                let list = sweep.capacityTriggers.get(s);
                if (list === undefined) sweep.capacityTriggers.set(s, list = []);
                list.push({ domain: d, replicas: r });
            }
        }
        backups.collect(engine, d, sweep.backupTriggers);
        engine.restore();
    }
    return sweep;
}

/** Counting, per datastore with `backup on`, how many of its copies' domains are down. */
function backupCopies(cm: CompiledModel, engine: StateEngine) {
    const holders = new Map<number, number[]>(); // domain -> datastores with a copy there
    const needed = new Map<number, number>(); // datastore -> copies' domains that must go down
    const always: number[] = []; // datastores whose copies are all down with nothing failed
    for (const s of cm.services) {
        if (cm.elements[s].kind !== 'datastore' || cm.backups.start[s + 1] === cm.backups.start[s]) continue;
        const copies = new Set<number>();
        for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) copies.add(cm.depDomain[d]);
        for (let j = cm.backups.start[s]; j < cm.backups.start[s + 1]; j++) copies.add(cm.backups.targets[j]);
        let count = 0;
        for (const c of copies) {
            if (!engine.baseUp[c]) continue;
            count++;
            let list = holders.get(c);
            if (list === undefined) holders.set(c, list = []);
            list.push(s);
        }
        if (count === 0) always.push(s);
        else needed.set(s, count);
    }
    const counts = new Map<number, number>();
    return {
        collect(eng: StateEngine, d: number, out: Map<number, number[]>): void {
            const add = (s: number) => {
                let list = out.get(s);
                if (list === undefined) out.set(s, list = []);
                list.push(d);
            };
            for (const s of always) add(s);
            if (holders.size === 0) return;
            counts.clear();
            for (const x of eng.killed) {
                const list = holders.get(x);
                if (list === undefined) continue;
                for (const s of list) {
                    const c = (counts.get(s) ?? 0) + 1;
                    counts.set(s, c);
                    if (c === needed.get(s)) add(s);
                }
            }
        }
    };
}
