/**
 * Where a service drawn outside its sites runs: a thin connector to each (standby dashed,
 * backups dotted); an active deployment wins over a standby or backup one on the same domain.
 */
import type { GraphPlacement } from '../../../server/src/common/protocol.js';
import type { EdgeSet } from './edge-set.js';

const rank = (p: GraphPlacement): number => (p.backup ? 0 : p.standby ? 1 : 2);

export function addPlacementEdges(edges: EdgeSet, tags: ReadonlyMap<string, readonly GraphPlacement[]>, shownAs: ReadonlyMap<string, string>): void {
    for (const [service, list] of tags) {
        const byDomain = new Map<string, GraphPlacement>();
        for (const p of list) {
            const was = byDomain.get(p.domain);
            if (!was || rank(p) > rank(was)) byDomain.set(p.domain, p);
        }
        for (const p of byDomain.values()) {
            edges.add(shownAs.get(service), shownAs.get(p.domain), 'placement', service, p.domain, p.standby && !p.backup, p.backup);
        }
    }
}
