/**
 * The recovery targets and survival requirement of a service: its own `rto`, `rpo` and
 * `survive`, or else those of the `policy` of its tier. A target a policy gives is placed on
 * the service's name (the policy is not part of the element).
 */

import type { CompiledModel } from './compile.js';

export type TargetKind = 'rto' | 'rpo' | 'survive';

export interface Target {
    /** minutes for `rto` and `rpo`; failure domains for `survive` */
    value: number;
    /** given by `policy tier …`, not by the element itself */
    fromPolicy: boolean;
}

/** Element x's target of `kind`, or undefined when neither it nor its tier's policy sets one. */
export function targetOf(cm: CompiledModel, x: number, kind: TargetKind): Target | undefined {
    const e = cm.elements[x];
    if (cm.isDomain[x] || (kind === 'rpo' && e.kind !== 'datastore')) return undefined;
    const own = e[kind];
    if (own !== undefined && !Number.isNaN(own)) return { value: own, fromPolicy: false };
    for (const policy of cm.policies) {
        const value = policy.tier === e.tier ? policy[kind] : undefined;
        if (value !== undefined && !Number.isNaN(value)) return { value, fromPolicy: true };
    }
    return undefined;
}

/** The elements of `ids` that have a target of `kind`. */
export function withTarget(cm: CompiledModel, ids: ArrayLike<number>, kind: TargetKind): number[] {
    const out: number[] = [];
    for (let i = 0; i < ids.length; i++) if (targetOf(cm, ids[i], kind) !== undefined) out.push(ids[i]);
    return out;
}
