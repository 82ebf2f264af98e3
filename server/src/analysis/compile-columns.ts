/**
 * One value per element, sanitised so that every later pass can rely on it: the container, the
 * thresholds, the times, the availability, the users. The leading rows are copied from the
 * compilation they are taken over from.
 */

import type { Arrays } from './buffer-pool.js';
import type { ElementIndex, Resolver } from './compile-index.js';

export interface Columns {
    /** `in X`, or -1 */
    container: Int32Array;
    /** 1 when not given */
    quorum: Float64Array;
    /** NaN when not given, for failure domains (healthy iff up) and for services without a placement */
    capacity: Float64Array;
    /** minutes; NaN = unknown */
    failover: Float64Array;
    /** minutes; NaN = unknown */
    recovery: Float64Array;
    /** 0..1; NaN = not declared */
    availability: Float64Array;
    users: Float64Array;
}

function sanitizeThreshold(x: number | undefined, fallback: number): number {
    if (x === undefined || Number.isNaN(x)) return fallback;
    return Math.max(0, Math.ceil(x));
}

function sanitizeMinutes(x: number | undefined): number {
    if (x === undefined || Number.isNaN(x)) return NaN;
    return Math.max(0, x);
}

function sanitizeProbability(x: number | undefined): number {
    if (x === undefined || Number.isNaN(x)) return NaN;
    return Math.min(1, Math.max(0, x));
}

export { sanitizeThreshold };

/** `depStart`: the deployments' rows (compile-rows.ts), since capacity needs a placement. */
export function compileColumns(ix: ElementIndex, resolve: Resolver, depStart: Int32Array, arrays: Arrays): Columns {
    const { n, prefix, base, elements, isDomain } = ix;
    const columns: Columns = {
        container: arrays.int32(n).fill(-1),
        quorum: arrays.float64(n),
        capacity: arrays.float64(n),
        failover: arrays.float64(n),
        recovery: arrays.float64(n),
        availability: arrays.float64(n),
        users: arrays.float64(n)
    };
    if (base) {
        for (const key of Object.keys(columns) as Array<keyof Columns>) {
            (columns[key] as Float64Array).set((base[key] as Float64Array).subarray(0, prefix));
        }
    }
    for (let i = prefix; i < n; i++) {
        const e = elements[i];
        columns.container[i] = resolve.id(i, e.container);
        columns.quorum[i] = sanitizeThreshold(e.quorum, 1);
        // capacity only means something for a service with a placement (a failure domain is healthy
        // iff up; a service without `runs on` has no replicas to lose: capacity-unplaced)
        const placed = depStart[i + 1] > depStart[i];
        columns.capacity[i] = isDomain[i] || !placed || e.capacity === undefined || Number.isNaN(e.capacity) ? NaN : Math.max(0, e.capacity);
        columns.failover[i] = sanitizeMinutes(e.failover);
        columns.recovery[i] = sanitizeMinutes(e.recovery);
        columns.availability[i] = sanitizeProbability(e.availability);
        columns.users[i] = Number.isFinite(e.users) && e.users > 0 ? e.users : 0;
    }
    return columns;
}
