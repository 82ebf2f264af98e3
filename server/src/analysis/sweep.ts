/**
 * The single-failure picture of a model (spec section 4, note 5), read from the down sets
 * (down-sets.ts): every service's SPOFs, every domain's blast radius (built when asked for), and
 * what the findings need per domain: surviving replicas of services with `capacity` (note 6) and
 * datastores whose every copy goes down (note 7). No simulation per domain.
 */

import { hasCapacity, type CompiledModel } from './compile.js';
import { BitCounter, computeDownSets, forEachBit, hasBit, type DownSets } from './down-sets.js';
import type { BufferPool } from './buffer-pool.js';
import type { StateEngine } from './state.js';

export interface BlastRadius {
    /** services down (never-up ones included), by id */
    down: number[];
    degraded: number[];
    users: number;
    /** failure domains down, sorted by id (binary-searchable), the domain itself included */
    domainsDown: Int32Array;
}

export interface Sweep {
    readonly sets: DownSets;
    /** the domains that take service s down alone, in name order ([] for a service never up) */
    spofsOf(s: number): number[];
    /** the blast radius of domain d (kept once built) */
    blastOf(d: number): BlastRadius;
    /** the blast radius of domain d, not kept (one pass over the services' rows; `blastOf`'s if kept already) */
    scanBlast(d: number): BlastRadius;
    /** every domain's blast radius, by domain id (one pass over the down sets) */
    allBlasts(): Map<number, BlastRadius>;
    /** for a service with `capacity` ≤ its replicas: the domains leaving 1 ≤ replicas < capacity, with the replicas left, by bit */
    capacityTriggersOf(s: number): { domain: number; replicas: number }[];
    /** for a datastore with `backup on`: the domains that take down every copy, in name order */
    backupTriggersOf(s: number): number[];
    /** per domain id: the domains down when it alone fails (itself included), sorted by id */
    readonly domainsDown: (Int32Array | undefined)[];
    /** scratch marks for set membership (see nearest.ts) */
    mark: Int32Array;
    markEpoch: number;
}

/** Is element y down when only domain d failed? */
export function bringsDown(sweep: Sweep, d: number, y: number): boolean {
    const bit = sweep.sets.bitOf[d];
    return bit >= 0 && hasBit(sweep.sets.down, sweep.sets.words, y, bit);
}

/**
 * The sweep of `engine`'s model. With `previous` (the sweep of the compilation the model copied
 * its first rows from), the down sets of those rows are copied (see `computeDownSets`), and so
 * are the domains each domain brings down when the domains' rows are among them.
 */
export function sweepDomains(engine: StateEngine, pool?: BufferPool, previous?: { cm: CompiledModel; sweep: Sweep }): Sweep {
    const cm = engine.cm;
    const sets = computeDownSets(engine, pool, previous && { cm: previous.cm, sets: previous.sweep.sets });
    const { words, domainAt, down } = sets;

    let domainsDown: (Int32Array | undefined)[];
    if (previous !== undefined && sets.domainAt === previous.sweep.sets.domainAt) {
        domainsDown = previous.sweep.domainsDown; // the same domains, rows copied
    } else {
        domainsDown = new Array(cm.n);
        const lists: number[][] = domainAt.length === 0 ? [] : Array.from(domainAt, () => []);
        for (const y of cm.domains) forEachBit(down, words, y, bit => lists[bit].push(y));
        domainAt.forEach((d, bit) => { domainsDown[d] = Int32Array.from(lists[bit]).sort(); });
    }

    const blasts = new Map<number, BlastRadius>();
    let counter: BitCounter | undefined;
    const sweep: Sweep = {
        sets,
        spofsOf(s) {
            if (!engine.baseUp[s] || cm.isDomain[s]) return [];
            const out: number[] = [];
            forEachBit(down, words, s, bit => { out.push(domainAt[bit]); });
            return out;
        },
        blastOf(d) {
            let b = blasts.get(d);
            if (b === undefined) blasts.set(d, b = blastByScan(cm, sets, d, domainsDown[d] ?? Int32Array.of(d)));
            return b;
        },
        scanBlast(d) {
            return blasts.get(d) ?? blastByScan(cm, sets, d, domainsDown[d] ?? Int32Array.of(d));
        },
        allBlasts() {
            if (blasts.size < cm.domains.length) {
                for (const [d, b] of blastsByTransposition(cm, sets, domainsDown)) if (!blasts.has(d)) blasts.set(d, b);
            }
            return blasts;
        },
        capacityTriggersOf: s => capacityTriggers(cm, sets, s, counter ??= new BitCounter(sets.words * 32)),
        backupTriggersOf: s => backupTriggers(cm, sets, s),
        domainsDown,
        mark: new Int32Array(cm.n),
        markEpoch: 0
    };
    return sweep;
}

function blastByScan(cm: CompiledModel, sets: DownSets, d: number, domainsDown: Int32Array): BlastRadius {
    const bit = sets.bitOf[d];
    const down: number[] = [];
    const degraded: number[] = [];
    let users = 0;
    for (const s of cm.services) {
        if (hasBit(sets.down, sets.words, s, bit)) down.push(s);
        else if (hasBit(sets.unhealthy, sets.words, s, bit)) degraded.push(s);
        else continue;
        users += cm.users[s];
    }
    return { down, degraded, users, domainsDown };
}

function blastsByTransposition(cm: CompiledModel, sets: DownSets, domainsDown: (Int32Array | undefined)[]): Map<number, BlastRadius> {
    const { domainAt, words } = sets;
    const byBit: BlastRadius[] = Array.from(domainAt, d => ({ down: [], degraded: [], users: 0, domainsDown: domainsDown[d]! }));
    for (const s of cm.services) {
        const at = s * words;
        for (let w = 0; w < words; w++) {
            const dn = sets.down[at + w];
            let v = dn | sets.unhealthy[at + w];
            while (v !== 0) {
                const low = v & -v;
                const b = byBit[(w << 5) + 31 - Math.clz32(low)];
                ((dn & low) !== 0 ? b.down : b.degraded).push(s);
                b.users += cm.users[s];
                v ^= low;
            }
        }
    }
    return new Map(byBit.map((b, bit) => [domainAt[bit], b]));
}

/** Service s's domains leaving 1 ≤ replicas < capacity (none without `capacity` ≤ its replicas), by bit. */
function capacityTriggers(cm: CompiledModel, sets: DownSets, s: number, counter: BitCounter): { domain: number; replicas: number }[] {
    const cap = cm.capacity[s];
    const total = cm.totalReplicas[s];
    if (cm.isDomain[s] || !hasCapacity(cm, s) || cap > total) return [];
    for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) counter.tally(sets.down, sets.words, cm.depDomain[d], cm.depReplicas[d]);
    const found: { bit: number; replicas: number }[] = [];
    counter.drain((bit, lost) => {
        const left = total - lost;
        if (left >= 1 && left < cap) found.push({ bit, replicas: left });
    });
    found.sort((a, b) => a.bit - b.bit);
    return found.map(f => ({ domain: sets.domainAt[f.bit], replicas: f.replicas }));
}

/** The domains that take down every copy of datastore s (its replicas' domains and backups); none without `backup on`. */
function backupTriggers(cm: CompiledModel, sets: DownSets, s: number): number[] {
    if (cm.elements[s].kind !== 'datastore' || cm.backups.start[s + 1] === cm.backups.start[s]) return [];
    const { words } = sets;
    const copies = new Set<number>();
    for (let d = cm.depStart[s]; d < cm.depStart[s + 1]; d++) copies.add(cm.depDomain[d]);
    for (let j = cm.backups.start[s]; j < cm.backups.start[s + 1]; j++) copies.add(cm.backups.targets[j]);
    // every copy's domain down: the AND of their rows (all domains when there is no copy)
    const all = new Uint32Array(words).fill(0xffffffff);
    for (const c of copies) {
        for (let w = 0; w < words; w++) all[w] &= sets.down[c * words + w];
    }
    const triggers: number[] = [];
    for (let bit = 0; bit < sets.bits; bit++) {
        if ((all[bit >>> 5] >>> (bit & 31)) & 1) triggers.push(sets.domainAt[bit]);
    }
    return triggers;
}
