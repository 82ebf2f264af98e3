/**
 * What every finding rule reads: the compiled model, the baseline state, the per-domain
 * sweep, each service's nearest SPOFs and availability.
 */

import type { Availability } from '../availability.js';
import type { CompiledModel } from '../compile.js';
import type { NearestSpofs } from '../nearest.js';
import type { PathCache } from '../path-cache.js';
import type { Related } from '../results.js';
import type { StateEngine } from '../state.js';
import type { Sweep } from '../sweep.js';

export interface FindingContext {
    cm: CompiledModel;
    engine: StateEngine;
    sweep: Sweep;
    /** every service's nearest SPOFs, read from its down set (built when first asked) */
    nearest(): NearestSpofs;
    /** computed when first asked (only `slo` findings need it) */
    availability(): Availability;
    paths: PathCache;
    /** the services and datastores to report on, in declaration order (all of them, or those of an edited file) */
    services: Int32Array;
    /** is element x one to report on? */
    wanted(x: number): boolean;
    /** can findings rest on element x (neither it nor anything it needs is incomplete)? */
    reliable(x: number): boolean;
}

/**
 * Related entries without duplicates. Looked up by element, then the few messages of that
 * element compared: no key string built and hashed per entry (a large model's `spof` findings
 * add millions of entries).
 */
export class RelatedList {
    private readonly seen = new Map<string, string[]>();
    readonly items: Related[] = [];

    add(element: string, message: string): void {
        const messages = this.seen.get(element);
        if (messages === undefined) this.seen.set(element, [message]);
        else if (messages.includes(message)) return;
        else messages.push(message);
        this.items.push({ element, message });
    }
}

/** "; 43.2M users" or "" */
export function usersClause(users: number, format: (n: number) => string): string {
    return users > 0 ? `; ${format(users)} users` : '';
}

/**
 * Where to move something so that the causes no longer reach it, said for their kind:
 * "on a site outside pangyo" for sites and regions, "so that it does not depend on dns" for infra.
 */
export function awayFrom(cm: FindingContext['cm'], causes: string[], where: string): string {
    const allInfra = causes.length > 0 && causes.every(c => cm.elements[cm.index.get(c)!]?.kind === 'infra');
    return allInfra ? `so that it does not depend on ${where}` : `on a site outside ${where}`;
}
