/**
 * The kinds of element (spec section 3): what each is, and what its `in` may name. Which
 * statements each may hold is in the statements table (statements.ts).
 */
import { DOMAIN_KINDS, type ElementKind } from '../analysis/model.js';

export { DOMAIN_KINDS };
export const SERVICE_KINDS: readonly ElementKind[] = ['service', 'datastore'];
export const ALL_KINDS: readonly ElementKind[] = [...DOMAIN_KINDS, ...SERVICE_KINDS];

export interface ElementKindInfo {
    /** the kinds its `in` may name (none: it cannot be `in` anything) */
    readonly containers: readonly ElementKind[];
    /** one line for completion and hovers */
    readonly doc: string;
}

export const ELEMENT_KINDS: Record<ElementKind, ElementKindInfo> = {
    region: { containers: ['region'], doc: 'a large failure domain: metro area, cloud region' },
    site: { containers: ['region'], doc: 'a data center, availability zone or building: a failure domain where things run' },
    infra: { containers: ['site', 'region'], doc: 'shared infrastructure that fails as one: power grid, carrier, DNS provider' },
    service: { containers: [], doc: 'something that serves requests' },
    datastore: { containers: [], doc: 'a service that holds data' }
};

export function describeKinds(kinds: readonly ElementKind[]): string {
    if (kinds === DOMAIN_KINDS || sameKinds(kinds, DOMAIN_KINDS)) return 'a failure domain (region, site or infra)';
    if (sameKinds(kinds, SERVICE_KINDS)) return 'a service or datastore';
    if (kinds.length === 1) return withArticle(kinds[0]);
    return withArticle(`${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`);
}

function sameKinds(a: readonly ElementKind[], b: readonly ElementKind[]): boolean {
    return a.length === b.length && a.every(k => b.includes(k));
}

/** "a site", "an infra" */
export function withArticle(word: string): string {
    return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
