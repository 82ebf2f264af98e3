/**
 * The reverse edges every propagation walks (from what failed to what it affects), and the
 * orders every answer is given in (services and domains in declaration order, ids in name order).
 */

import type { Arrays } from './buffer-pool.js';
import type { ElementIndex } from './compile-index.js';
import { nameOrder } from './compile-reuse.js';
import { groupBy, transpose, type Csr } from './csr.js';
import { appended } from './compile-rows.js';

export interface ReverseEdges {
    /** elements whose container is e */
    containedBy: Csr;
    /** deployment indices on domain e */
    deployedOn: Csr;
    /** term ids having e as a member */
    memberOf: Csr;
    /** services that `uses` e */
    usedBy: Csr;
}

export function reverseEdges(
    n: number, container: Int32Array, depDomain: Int32Array, termMembers: Csr, uses: Csr, arrays: Arrays
): ReverseEdges {
    return {
        containedBy: groupBy(n, n, i => container[i], arrays),
        deployedOn: groupBy(n, depDomain.length, d => depDomain[d], arrays),
        memberOf: transpose(n, termMembers, arrays),
        usedBy: transpose(n, uses, arrays)
    };
}

export interface Orders {
    /** services and datastores, in declaration order */
    services: Int32Array;
    /** failure domains, in declaration order */
    domains: Int32Array;
    /** the position of each id in name order */
    rank: Int32Array;
    /** the id at each position in name order */
    byRank: Int32Array;
}

export function orders(ix: ElementIndex, arrays: Arrays): Orders {
    const { rank, byRank } = nameOrder(ix.names, ix.index, ix.base, ix.prefix, arrays);
    const services: number[] = [];
    const domains: number[] = [];
    for (let i = 0; i < ix.n; i++) (ix.isDomain[i] ? domains : services).push(i);
    return {
        services: appended(arrays.int32, undefined, 0, services),
        domains: appended(arrays.int32, undefined, 0, domains),
        rank, byRank
    };
}
