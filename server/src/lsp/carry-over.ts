/**
 * What an analysis replaced after an edit hands on to the next one: the answers that depend only
 * on an element's cone (its availability, how long a failure keeps it out, a service's worst
 * single failure and its pairs of failures), for the elements
 * whose cones the edit did not change (`unchangedCones`). A hover right after typing then does not
 * compute the availabilities of the whole model, nor simulate each SPOF it shows again.
 */
import { unchangedCones } from '../analysis/unchanged-cones.js';
import type { CompiledModel, KnownAvailability, Outage } from '../analysis/index.js';
import type { RecoveryReport } from '../analysis/results.js';

/** A service's cut sets of at most two domains, as a hover shows them (`Analysis.pairs`). */
export type Pairs = string[][] | 'too large' | undefined;

/** Answers about services, by service name. */
export interface PerService {
    /** the worst single failure (`RecoveryReport.worstOutage`) */
    worst: Map<string, RecoveryReport['worstOutage']>;
    pairs: Map<string, Pairs>;
}

/** Availabilities by id (undefined: not known), outages by `domain \0 service`, and answers by service. */
export interface Carried extends PerService {
    availability?: Array<KnownAvailability | undefined>;
    outages: Map<string, Outage | undefined>;
}

/** What the analysis of `before` knew. */
export interface Known {
    before: CompiledModel;
    /** by id of `before` */
    availability?: ReadonlyArray<KnownAvailability | undefined>;
    outages: ReadonlyMap<string, Outage | undefined>;
    worst: ReadonlyMap<string, RecoveryReport['worstOutage']>;
    pairs: ReadonlyMap<string, Pairs>;
}

/** What of `known` still holds for `after`; undefined when nothing was known. */
export function carryOver(known: Known, after: CompiledModel): Carried | undefined {
    if (known.availability === undefined && known.outages.size === 0 && known.worst.size === 0 && known.pairs.size === 0) return undefined;
    const same = unchangedCones(known.before, after);
    let availability: Array<KnownAvailability | undefined> | undefined;
    if (known.availability !== undefined) {
        availability = new Array(after.n);
        for (let y = 0; y < after.n; y++) {
            if (same[y]) availability[y] = known.availability[known.before.index.get(after.names[y])!];
        }
    }
    const outages = new Map<string, Outage | undefined>();
    for (const [key, outage] of known.outages) {
        const y = after.index.get(key.slice(key.indexOf('\u0000') + 1));
        // how long and why depend on the cone; who waits is the service's users now
        if (y !== undefined && same[y]) outages.set(key, outage && { ...outage, users: after.users[y] });
    }
    const kept = <T>(map: ReadonlyMap<string, T>): Map<string, T> => {
        const out = new Map<string, T>();
        for (const [name, value] of map) {
            const y = after.index.get(name);
            if (y !== undefined && same[y]) out.set(name, value);
        }
        return out;
    };
    return { availability, outages, worst: kept(known.worst), pairs: kept(known.pairs) };
}

/** Counts for the analysis log. */
export function carriedText(carried: Carried | undefined): string {
    if (carried === undefined) return '';
    const availabilities = carried.availability?.reduce((n: number, a) => (a === undefined ? n : n + 1), 0) ?? 0;
    return `; kept ${availabilities} availabilities, ${carried.outages.size} outages, ${carried.worst.size} worst failures and ${carried.pairs.size} pair lists`;
}
