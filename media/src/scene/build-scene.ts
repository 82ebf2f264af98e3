/**
 * From the server's ModelGraph to the scene the preview draws (scene.ts), in phases: index
 * the elements, decide where each is drawn (placement.ts), count what each container holds,
 * add the visible nodes (a collapsed container hides everything inside it), count the
 * services naming each domain as a nearest SPOF, then add the edges — placements first, then
 * dependencies (edges to hidden nodes end on the collapsed container hiding them). Pure: text
 * measurement is passed in, so the scene can be built (and benchmarked) outside a browser.
 */
import type { GraphElement, GraphPlacement, ModelGraph } from '../../../server/src/common/protocol.js';
import { containerNode } from './container-node.js';
import { Containment } from './containment.js';
import { addDependencyEdges } from './dependency-edges.js';
import { EdgeSet } from './edge-set.js';
import { elementNode } from './element-node.js';
import { addPlacementEdges } from './placement-edges.js';
import type { DrawnPlaces } from './placement.js';
import { placeElements } from './placement.js';
import type { Scene } from './scene.js';
import { CONTAINER_KINDS, elementId } from './scene.js';
import { SceneTree } from './scene-tree.js';
import type { ServicesInside } from './services-inside.js';
import { servicesInside } from './services-inside.js';
import type { Measure } from './text.js';

export interface SceneOptions {
    /** the regions and sites drawn collapsed */
    collapsed: ReadonlySet<string>;
}

export function buildScene(graph: ModelGraph, options: SceneOptions, measure: Measure): Scene {
    const elements = indexElements(graph.elements);
    const containment = new Containment(elements);
    const places = placeElements(graph, elements, containment);
    const containerSizes = countContained(elements, places, containment);
    const inside = servicesInside(elements, graph.placements, containment);
    const hosts = hostsOf(elements, graph.placements, containment);
    const tree = addVisibleNodes(elements, places, containment, options.collapsed, containerSizes, measure, inside, hosts);
    countSpofFor(elements, tree);
    const edges = new EdgeSet(tree.nodes);
    // "Runs on" connectors only from services drawn: a service hidden in a collapsed container
    // is counted on it, not drawn as connectors between containers.
    addPlacementEdges(edges, new Map([...places.tags].filter(([service]) => tree.shownAs.get(service) === elementId(service))), tree.shownAs);
    addDependencyEdges(edges, tree, graph.edges, elements, measure);
    return { uri: graph.uri, nodes: tree.nodes, children: tree.children, edges: edges.list, shownAs: tree.shownAs, containerSizes };
}

/** The elements by name, in model order (the first of a name declared twice). */
function indexElements(list: readonly GraphElement[]): Map<string, GraphElement> {
    const elements = new Map<string, GraphElement>();
    for (const e of list) if (!elements.has(e.name)) elements.set(e.name, e);
    return elements;
}

/** How many elements each container holds, at any depth (shown on it when collapsed). */
function countContained(elements: ReadonlyMap<string, GraphElement>, places: DrawnPlaces, containment: Containment): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const e of elements.values()) {
        for (const c of containment.chain(places.parent.get(e.name) ?? null)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    }
    return sizes;
}

/** A node for every element not hidden in a collapsed container, in model order. */
function addVisibleNodes(elements: ReadonlyMap<string, GraphElement>, places: DrawnPlaces, containment: Containment,
    collapsed: ReadonlySet<string>, containerSizes: ReadonlyMap<string, number>, measure: Measure,
    inside: ReadonlyMap<string, ServicesInside>, hosts: ReadonlyMap<string, (string | null)[]>): SceneTree {
    const tree = new SceneTree();
    for (const e of elements.values()) {
        const parent = places.parent.get(e.name) ?? null;
        const hiddenBy = containment.outermostIn(parent, collapsed) ?? everyHostHidden(hosts.get(e.name), containment, collapsed);
        if (hiddenBy !== null) {
            tree.shownAs.set(e.name, elementId(hiddenBy));
            continue;
        }
        tree.shownAs.set(e.name, elementId(e.name));
        tree.add(CONTAINER_KINDS.has(e.kind)
            ? containerNode(e, parent, collapsed.has(e.name), containerSizes.get(e.name) ?? 0, measure, inside.get(e.name))
            : elementNode(e, parent, places.here.get(e.name), places.tags.get(e.name) ?? [], measure));
    }
    return tree;
}

/** Services: the containers their deployments (not backups) are in (null: a domain outside any). */
function hostsOf(elements: ReadonlyMap<string, GraphElement>, placements: readonly GraphPlacement[], containment: Containment): Map<string, (string | null)[]> {
    const out = new Map<string, (string | null)[]>();
    for (const p of placements) {
        const domain = elements.get(p.domain);
        if (p.backup || !domain || !elements.has(p.service)) continue;
        let list = out.get(p.service);
        if (!list) out.set(p.service, (list = []));
        list.push(CONTAINER_KINDS.has(domain.kind) ? domain.name : containment.containerOf(domain.name));
    }
    return out;
}

/**
 * A service drawn outside its sites (it runs in several) is hidden too when every site it runs
 * in is hidden in a collapsed container: it is then counted on the first of them (so that an
 * overview of collapsed regions is not a wall of services between them).
 */
function everyHostHidden(hosts: readonly (string | null)[] | undefined, containment: Containment, collapsed: ReadonlySet<string>): string | null {
    if (!hosts || hosts.length === 0) return null;
    let first: string | null = null;
    for (const h of hosts) {
        const by = containment.outermostIn(h, collapsed);
        if (by === null) return null;
        first ??= by;
    }
    return first;
}

/** On each visible domain: how many services name it as a nearest SPOF. */
function countSpofFor(elements: ReadonlyMap<string, GraphElement>, tree: SceneTree): void {
    for (const e of elements.values()) {
        for (const d of e.nearestSpofs ?? []) {
            const node = tree.nodes.get(elementId(d));
            if (node && node.element?.name === d) node.spofFor = (node.spofFor ?? 0) + 1;
        }
    }
}
