/**
 * Which statements each kind of element may hold, and which kinds each reference accepts
 * (spec section 3). The validator reads these tables; completion will too.
 */
import { DOMAIN_KINDS, type ElementKind } from '../analysis/model.js';

export { DOMAIN_KINDS };
export const SERVICE_KINDS: readonly ElementKind[] = ['service', 'datastore'];
export const ALL_KINDS: readonly ElementKind[] = [...DOMAIN_KINDS, ...SERVICE_KINDS];

const METADATA = ['Owner', 'Description', 'Operator', 'Tags'];
const DOMAIN_STATEMENTS = ['DependsOn', 'Availability', 'Recovery', ...METADATA];
const SERVICE_STATEMENTS = [
    'RunsOn', 'Capacity', 'Quorum', 'Failover', 'DependsOn', 'Uses', 'Monitors', 'Users', 'Tier', 'Slo',
    'Availability', ...METADATA
];

/** statement AST type → the kinds that may hold it */
export const ALLOWED_STATEMENTS: Record<ElementKind, ReadonlySet<string>> = {
    region: new Set(DOMAIN_STATEMENTS),
    site: new Set(DOMAIN_STATEMENTS),
    infra: new Set([...DOMAIN_STATEMENTS, 'InfraKind']),
    service: new Set(SERVICE_STATEMENTS),
    datastore: new Set([...SERVICE_STATEMENTS, 'Replication', 'BackupOn'])
};

/** statements that may appear at most once in an element */
export const SINGLE_STATEMENTS = new Set([
    'Capacity', 'Quorum', 'Failover', 'Recovery', 'Availability', 'Users', 'Tier', 'Slo',
    'Replication', 'InfraKind', 'Owner', 'Description', 'Operator'
]);

/** how the statement is written, for messages */
export const STATEMENT_KEYWORDS: Record<string, string> = {
    RunsOn: 'runs on', DependsOn: 'depends on', Uses: 'uses', Monitors: 'monitors', Quorum: 'quorum',
    Capacity: 'capacity', Failover: 'failover', Recovery: 'recovery', Availability: 'availability',
    Users: 'users', Tier: 'tier', Slo: 'slo', Replication: 'replication', BackupOn: 'backup on',
    InfraKind: 'kind', Owner: 'owner', Description: 'description', Operator: 'operator', Tags: 'tags'
};

/** the kinds an `in` may name, by the kind of the element that says it */
export const CONTAINER_KINDS: Record<ElementKind, readonly ElementKind[]> = {
    region: ['region'],
    site: ['region'],
    infra: ['site', 'region'],
    service: [],
    datastore: []
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

export const KEYWORDS = new Set([
    'import', 'region', 'site', 'infra', 'service', 'datastore', 'in', 'runs', 'on', 'standby', 'quorum',
    'capacity', 'depends', 'any', 'of', 'uses', 'monitors', 'replication', 'sync', 'async', 'backup',
    'failover', 'recovery', 'kind', 'tier', 'critical', 'high', 'normal', 'low', 'slo', 'availability',
    'users', 'owner', 'description', 'operator', 'tags'
]);

/** "a site", "an infra" */
export function withArticle(word: string): string {
    return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
