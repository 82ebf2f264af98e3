/**
 * Where each element is drawn. Placement rule for services and datastores:
 * - one that runs on exactly one site or region (and has no backups) sits inside it;
 * - otherwise it sits in the innermost container holding all its placements, and its box
 *   carries one tag per deployment ("pangyo ×200", "ansan ×40 standby", dashed), so that a
 *   200-service model stays a graph of about 200 boxes (the layout's cost grows fast with
 *   extra nodes and cross-container edges).
 * Regions, sites and infra sit in the container they are declared in.
 */
import type { GraphElement, GraphPlacement, ModelGraph } from '../../../server/src/common/protocol.js';
import type { Containment } from './containment.js';
import { CONTAINER_KINDS, SERVICE_KINDS } from './scene.js';

export interface DrawnPlaces {
    /** element name → the container it is drawn in, or null at the top level */
    parent: Map<string, string | null>;
    /** services: the deployments shown as tags (and connectors), by service name */
    tags: Map<string, GraphPlacement[]>;
    /** services: the replicas in the container it is drawn in ("×3 + 1 standby") */
    here: Map<string, string>;
}

/** Each service's placements on known domains, merged per domain (two entries on one domain add up). */
export function mergePlacements(placements: readonly GraphPlacement[], elements: ReadonlyMap<string, GraphElement>): Map<string, GraphPlacement[]> {
    const placementsOf = new Map<string, GraphPlacement[]>();
    for (const p of placements) {
        if (!elements.has(p.domain) || !elements.has(p.service)) continue;
        let list = placementsOf.get(p.service);
        if (!list) placementsOf.set(p.service, (list = []));
        const same = list.find(q => q.domain === p.domain && q.backup === p.backup && q.standby === p.standby);
        if (same) same.replicas += p.replicas;
        else list.push({ ...p });
    }
    return placementsOf;
}

export function placeElements(graph: ModelGraph, elements: ReadonlyMap<string, GraphElement>, containment: Containment): DrawnPlaces {
    const placementsOf = mergePlacements(graph.placements, elements);
    const parent = new Map<string, string | null>();
    const tags = new Map<string, GraphPlacement[]>();
    const here = new Map<string, string>();
    const hostOf = (domain: string): string | null =>
        CONTAINER_KINDS.has(elements.get(domain)!.kind) ? domain : containment.containerOf(domain);
    for (const e of elements.values()) {
        if (!SERVICE_KINDS.has(e.kind)) {
            // Containers may only be drawn inside containers (a region `in` a site is an error anyway).
            parent.set(e.name, containment.containerOf(e.name));
            continue;
        }
        const placements = placementsOf.get(e.name) ?? [];
        const main = placements.filter(p => !p.backup);
        const mainDomains = [...new Set(main.map(p => p.domain))];
        if (placements.length === 0) {
            parent.set(e.name, null);
            continue;
        }
        if (mainDomains.length === 1 && placements.every(p => !p.backup) && CONTAINER_KINDS.has(elements.get(mainDomains[0])!.kind)) {
            parent.set(e.name, mainDomains[0]);
            here.set(e.name, replicaText(main));
            continue;
        }
        let drawnIn: string | null = hostOf(placements[0].domain);
        for (const p of placements.slice(1)) drawnIn = containment.commonContainer(drawnIn, hostOf(p.domain));
        parent.set(e.name, drawnIn);
        const herePlacements = main.filter(p => p.domain === drawnIn);
        if (herePlacements.length > 0) here.set(e.name, replicaText(herePlacements));
        tags.set(e.name, placements.filter(p => p.domain !== drawnIn || p.backup));
    }
    return { parent, tags, here };
}

function replicaText(placements: readonly GraphPlacement[]): string {
    const active = placements.filter(p => !p.standby).reduce((n, p) => n + p.replicas, 0);
    const standby = placements.filter(p => p.standby).reduce((n, p) => n + p.replicas, 0);
    if (standby === 0) return `×${active}`;
    if (active === 0) return `×${standby} standby`;
    return `×${active} + ${standby} standby`;
}
