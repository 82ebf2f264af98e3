/**
 * The worst single failure of one service (a hover asks for it), without simulating every
 * failure domain of its cone.
 *
 * Without a standby deployment in the service's cone, outage times under one failed domain d
 * take only the values 0 (up), d's recovery time (down because of d) and unknown (never up):
 * an element that stays up waits for nothing, and one that goes down waits exactly until d is
 * back (its failing condition rests on elements down because of d, and every condition of it
 * is met again once they are). Only a standby's `failover` time adds other values. So the
 * failures that interrupt the service are its down set (the SPOFs the sweep already knows),
 * each for d's recovery time, and the worst one is found by reading recovery times; only the
 * worst ones are simulated, over the service's cone, to say why in words. With a standby in
 * the cone, `undefined`: the caller simulates each domain (single-failures.ts).
 */

import { sortByName, type CompiledModel } from './compile.js';
import type { OutageEngine } from './outage.js';
import { OutageReasons } from './outage-reason.js';
import type { ServiceOutages } from './single-failures.js';
import type { StateEngine } from './state.js';

/** What the worst single failure of a service is; null: none (never up); undefined: not decidable here. */
export type WorstOutages = Pick<ServiceOutages, 'worst' | 'firstUnknown'>;

/**
 * The worst single failures of service s: the longest known outage and the first unknown one,
 * in name order, as `singleFailures` finds them. `spofs`: the domains that take s down alone;
 * `scope`: s and what its state depends on (`inputsCone`; undefined: everything).
 */
export function worstSingleFailure(
    engine: StateEngine, oe: OutageEngine, s: number, spofs: readonly number[], scope: Uint8Array | undefined
): WorstOutages | null | undefined {
    const cm = engine.cm;
    if (!engine.baseUp[s]) return null;
    if (oe.T[s] !== 0 || hasStandby(cm, scope)) return undefined;
    let worst: number | undefined;
    let firstUnknown: number | undefined;
    for (const d of sortByName(cm, [...spofs])) {
        const t = Number.isNaN(cm.recovery[d]) ? Infinity : cm.recovery[d];
        if (t <= 0) continue;
        if (!Number.isFinite(t)) {
            if (firstUnknown === undefined) firstUnknown = d;
        } else if (worst === undefined || t > cm.recovery[worst]) {
            worst = d;
        }
    }
    const out: WorstOutages = {};
    try {
        for (const d of [worst, firstUnknown]) {
            if (d === undefined) continue;
            engine.fail([d], scope);
            oe.run(engine.failedList, engine.failed, scope);
            const minutes = oe.T[s];
            const reason = new OutageReasons(oe, engine).reason(s);
            oe.restore();
            if (Number.isFinite(minutes)) out.worst = { domain: d, minutes, reason };
            else out.firstUnknown = { domain: d, reason };
        }
    } finally {
        engine.restore();
    }
    return out;
}

/** Does any element marked in `scope` (every element: undefined) have a standby deployment? */
function hasStandby(cm: CompiledModel, scope: Uint8Array | undefined): boolean {
    for (let x = 0; x < cm.n; x++) {
        if (scope !== undefined && !scope[x]) continue;
        for (let j = cm.depStart[x]; j < cm.depStart[x + 1]; j++) if (cm.depStandby[j]) return true;
    }
    return false;
}
