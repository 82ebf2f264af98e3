/**
 * What runs inside each region and site, for the overview's collapsed cards: the services and
 * datastores with a deployment (not a backup) on it or on a site in it, and how many of those
 * have a single point of failure. A service running in two sites counts in both.
 */
import type { GraphElement, GraphPlacement } from '../../../server/src/common/protocol.js';
import type { Containment } from './containment.js';
import { CONTAINER_KINDS, SERVICE_KINDS } from './scene.js';

export interface ServicesInside {
    services: number;
    spof: number;
}

export function servicesInside(elements: ReadonlyMap<string, GraphElement>, placements: readonly GraphPlacement[], containment: Containment): Map<string, ServicesInside> {
    const seen = new Map<string, Set<string>>();
    for (const p of placements) {
        if (p.backup) continue;
        const service = elements.get(p.service);
        const domain = elements.get(p.domain);
        if (!service || !domain || !SERVICE_KINDS.has(service.kind)) continue;
        const host = CONTAINER_KINDS.has(domain.kind) ? domain.name : containment.containerOf(domain.name);
        for (const c of containment.chain(host)) {
            let set = seen.get(c);
            if (!set) seen.set(c, (set = new Set()));
            set.add(service.name);
        }
    }
    const out = new Map<string, ServicesInside>();
    for (const [c, names] of seen) {
        let spof = 0;
        for (const n of names) if (elements.get(n)!.spof) spof++;
        out.set(c, { services: names.size, spof });
    }
    return out;
}

/** The card's line: "120 services · 31 with a SPOF", or the element count when no service runs there. */
export function insideText(inside: ServicesInside | undefined, elements: number): string {
    if (!inside || inside.services === 0) return `${elements} element${elements === 1 ? '' : 's'} inside`;
    const services = `${inside.services} service${inside.services === 1 ? '' : 's'}`;
    return inside.spof > 0 ? `${services} · ${inside.spof} with a SPOF` : services;
}
