/**
 * From the server's ModelGraph to what the preview draws: a tree of nodes (regions and sites
 * as containers; infra, services and datastores as boxes with their deployments; `any` / `K of`
 * junctions) and the edges between them, with every box's size measured. Pure: text
 * measurement is passed in, so the scene can be built (and benchmarked) outside a browser.
 *
 * Placement rule (where a service is drawn):
 * - a service that runs on exactly one site or region (and has no backups) sits inside it;
 * - otherwise it sits in the innermost container holding all its placements, and its box
 *   carries one tag per deployment ("pangyo ×200", "ansan ×40 standby", dashed), so that a
 *   200-service model stays a graph of about 200 boxes (the layout's cost grows fast with
 *   extra nodes and cross-container edges).
 * A collapsed container hides everything inside it; edges to hidden nodes end on it.
 */
import type { GraphEdge, GraphElement, GraphPlacement, ModelGraph } from '../../server/src/common/protocol.js';
import { formatUsers } from '../../server/src/common/format.js';

export type FontRole = 'title' | 'body' | 'meta' | 'header' | 'chip';
export type Measure = (text: string, role: FontRole) => number;

export type NodeType = 'container' | 'element' | 'junction';

export interface SceneNode {
    id: string;
    type: NodeType;
    /** the id of the container node it is drawn in, or null at the top level */
    parent: string | null;
    width: number;
    height: number;
    /** container or element */
    element?: GraphElement;
    /** containers: collapsed, and how many elements it hides */
    collapsed?: boolean;
    hidden?: number;
    /** services: the deployments drawn as tags in the box (those not implied by where it is drawn) */
    tags?: DeploymentTag[];
    junction?: { group: string; from: string; k: number | null; n: number };
    /** the text as drawn (already truncated to fit) */
    title: string;
    subtitle?: string;
    meta?: string;
    /** domains: how many services name it as a nearest SPOF */
    spofFor?: number;
    /** services: replicas here, when drawn inside the one domain they run on */
    here?: string;
}

export interface DeploymentTag {
    domain: string;
    text: string;
    replicas: number;
    standby: boolean;
    backup: boolean;
    /** position inside the box */
    x: number;
    y: number;
    width: number;
}

export type EdgeKind = 'hard' | 'any' | 'kof' | 'soft' | 'monitors' | 'member' | 'placement';

export interface SceneEdge {
    id: string;
    source: string;
    target: string;
    kind: EdgeKind;
    /** placement edges: a standby deployment, or a backup copy */
    standby?: boolean;
    backup?: boolean;
    /** how many model edges this one stands for (after collapsing) */
    count: number;
    /** the element names at both ends in the model (for highlighting) */
    from: string;
    to: string;
}

export interface Scene {
    uri: string;
    nodes: Map<string, SceneNode>;
    /** children of each container id ('' = top level), in model order */
    children: Map<string, string[]>;
    edges: SceneEdge[];
    /** element name → the id of the node that shows it (itself, or the collapsed container hiding it) */
    shownAs: Map<string, string>;
    /** element count per container name (all descendants), for the collapse decision */
    containerSizes: Map<string, number>;
}

export const CONTAINER_KINDS = new Set(['region', 'site']);
const SERVICE_KINDS = new Set(['service', 'datastore']);

export const elementId = (name: string): string => `e:${name}`;
const junctionId = (group: string): string => `j:${group}`;

// ---------------------------------------------------------------- sizes

export const SIZES = {
    pad: 10,
    minWidth: 120,
    maxWidth: 280,
    titleLine: 18,
    subLine: 16,
    metaLine: 15,
    vpad: 8,
    datastoreCap: 7,
    infraChamfer: 12,
    headerHeight: 30,
    containerPad: { top: 40, left: 14, bottom: 14, right: 14 },
    tagHeight: 18,
    tagGap: 4,
    junctionHeight: 22,
    badgeGap: 6,
    collapsedHeight: 52
};

export function badgeWidth(text: string, measure: Measure): number {
    return Math.ceil(measure(text, 'chip')) + 10;
}

/** Truncates `text` with an ellipsis so that it measures at most `max`. */
export function fit(text: string, role: FontRole, max: number, measure: Measure): string {
    if (measure(text, role) <= max) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (measure(`${text.slice(0, mid)}…`, role) <= max) lo = mid;
        else hi = mid - 1;
    }
    // never between the two halves of a surrogate pair (an emoji would become "�")
    const last = text.charCodeAt(lo - 1);
    if (last >= 0xd800 && last <= 0xdbff) lo--;
    return `${text.slice(0, lo)}…`;
}

// ---------------------------------------------------------------- building

export interface SceneOptions {
    collapsed: ReadonlySet<string>;
}

export function buildScene(graph: ModelGraph, options: SceneOptions, measure: Measure): Scene {
    const elements = new Map<string, GraphElement>();
    for (const e of graph.elements) if (!elements.has(e.name)) elements.set(e.name, e);

    // Containment of failure domains (regions and sites are containers; infra sits in one).
    const containerOf = (name: string): string | null => {
        const e = elements.get(name);
        if (!e?.container) return null;
        const c = elements.get(e.container);
        return c && CONTAINER_KINDS.has(c.kind) ? c.name : null;
    };
    // Guard against containment loops (an error in the model, but the graph may still carry them).
    const chainCache = new Map<string, string[]>();
    const chain = (name: string | null): string[] => {
        if (name === null) return [];
        const cached = chainCache.get(name);
        if (cached) return cached;
        const out: string[] = [];
        const seen = new Set<string>();
        let cur: string | null = name;
        while (cur !== null && !seen.has(cur)) {
            seen.add(cur);
            out.push(cur);
            cur = containerOf(cur);
        }
        chainCache.set(name, out);
        return out;
    };
    const lca = (a: string | null, b: string | null): string | null => {
        if (a === null || b === null) return null;
        const ancestorsOfA = new Set(chain(a));
        for (const c of chain(b)) if (ancestorsOfA.has(c)) return c;
        return null;
    };

    // Placements by service, merged per domain (two entries on one domain add up).
    const placementsOf = new Map<string, GraphPlacement[]>();
    for (const p of graph.placements) {
        if (!elements.has(p.domain) || !elements.has(p.service)) continue;
        let list = placementsOf.get(p.service);
        if (!list) placementsOf.set(p.service, (list = []));
        const same = list.find(q => q.domain === p.domain && q.backup === p.backup && q.standby === p.standby);
        if (same) same.replicas += p.replicas;
        else list.push({ ...p });
    }

    // Where each element is drawn (its container name, or null).
    const parentName = new Map<string, string | null>();
    const tags = new Map<string, GraphPlacement[]>();
    const here = new Map<string, string>();
    for (const e of elements.values()) {
        if (!SERVICE_KINDS.has(e.kind)) {
            // Containers may only be drawn inside containers (a region `in` a site is an error anyway).
            parentName.set(e.name, containerOf(e.name));
            continue;
        }
        const placements = placementsOf.get(e.name) ?? [];
        const main = placements.filter(p => !p.backup);
        const mainDomains = [...new Set(main.map(p => p.domain))];
        const hostOf = (domain: string): string | null =>
            CONTAINER_KINDS.has(elements.get(domain)!.kind) ? domain : containerOf(domain);
        if (placements.length === 0) {
            parentName.set(e.name, null);
            continue;
        }
        if (mainDomains.length === 1 && placements.every(p => !p.backup) && CONTAINER_KINDS.has(elements.get(mainDomains[0])!.kind)) {
            parentName.set(e.name, mainDomains[0]);
            here.set(e.name, replicaText(main));
            continue;
        }
        let parent: string | null = hostOf(placements[0].domain);
        for (const p of placements.slice(1)) parent = lca(parent, hostOf(p.domain));
        parentName.set(e.name, parent);
        const herePlacements = main.filter(p => p.domain === parent);
        if (herePlacements.length > 0) here.set(e.name, replicaText(herePlacements));
        tags.set(e.name, placements.filter(p => p.domain !== parent || p.backup));
    }

    // Collapsing: the visible representative of every container name.
    const collapsedAncestor = (name: string | null): string | null => {
        // the outermost collapsed container on the chain (it hides everything below it)
        let found: string | null = null;
        for (const c of chain(name)) if (options.collapsed.has(c)) found = c;
        return found;
    };

    const nodes = new Map<string, SceneNode>();
    const children = new Map<string, string[]>();
    const shownAs = new Map<string, string>();
    const containerSizes = new Map<string, number>();
    const addChild = (parent: string | null, id: string): void => {
        const key = parent ?? '';
        let list = children.get(key);
        if (!list) children.set(key, (list = []));
        list.push(id);
    };

    for (const e of elements.values()) {
        for (const c of chain(parentName.get(e.name) ?? null)) containerSizes.set(c, (containerSizes.get(c) ?? 0) + 1);
    }

    // Elements, in model order.
    for (const e of elements.values()) {
        const parent = parentName.get(e.name) ?? null;
        const hiddenBy = collapsedAncestor(parent);
        if (hiddenBy !== null) {
            shownAs.set(e.name, elementId(hiddenBy));
            continue;
        }
        const id = elementId(e.name);
        shownAs.set(e.name, id);
        const node = CONTAINER_KINDS.has(e.kind)
            ? containerNode(e, parent, options.collapsed.has(e.name), containerSizes.get(e.name) ?? 0, measure)
            : elementNode(e, parent, here.get(e.name), tags.get(e.name) ?? [], measure);
        nodes.set(id, node);
        addChild(parent === null ? null : elementId(parent), id);
    }

    // How many services name each domain as a nearest SPOF.
    for (const e of elements.values()) {
        for (const d of e.nearestSpofs ?? []) {
            const node = nodes.get(elementId(d));
            if (node && node.element?.name === d) node.spofFor = (node.spofFor ?? 0) + 1;
        }
    }

    const edges: SceneEdge[] = [];
    const edgeIndex = new Map<string, SceneEdge>();
    const addEdge = (source: string | undefined, target: string | undefined, kind: EdgeKind, from: string, to: string, standby = false, backup = false): void => {
        if (source === undefined || target === undefined || source === target) return;
        if (isAncestor(nodes, source, target) || isAncestor(nodes, target, source)) return;
        const id = `${kind}${standby ? '~s' : ''}${backup ? '~b' : ''}|${source}|${target}`;
        const existing = edgeIndex.get(id);
        if (existing) {
            existing.count++;
            return;
        }
        const edge: SceneEdge = { id, source, target, kind, count: 1, from, to };
        if (standby) edge.standby = true;
        if (backup) edge.backup = true;
        edgeIndex.set(id, edge);
        edges.push(edge);
    };

    // Where a service drawn outside its sites runs: a thin connector to each (standby dashed,
    // backups dotted); an active deployment wins over a standby or backup one on the same domain.
    for (const [service, list] of tags) {
        const byDomain = new Map<string, GraphPlacement>();
        for (const p of list) {
            const was = byDomain.get(p.domain);
            const rank = (q: GraphPlacement): number => (q.backup ? 0 : q.standby ? 1 : 2);
            if (!was || rank(p) > rank(was)) byDomain.set(p.domain, p);
        }
        for (const p of byDomain.values()) {
            addEdge(shownAs.get(service), shownAs.get(p.domain), 'placement', service, p.domain, p.standby && !p.backup, p.backup);
        }
    }

    // Dependencies; `any` and `K of` terms through a junction.
    const groups = new Map<string, GraphEdge[]>();
    for (const edge of graph.edges) {
        if (!elements.has(edge.from) || !elements.has(edge.to)) continue;
        if ((edge.kind === 'any' || edge.kind === 'kof') && edge.group) {
            let list = groups.get(edge.group);
            if (!list) groups.set(edge.group, (list = []));
            list.push(edge);
            continue;
        }
        addEdge(shownAs.get(edge.from), shownAs.get(edge.to), edge.kind === 'any' || edge.kind === 'kof' ? 'hard' : edge.kind, edge.from, edge.to);
    }
    for (const [group, members] of groups) {
        const first = members[0];
        const source = shownAs.get(first.from)!;
        const targets = [...new Set(members.map(m => shownAs.get(m.to)!))].filter(t => t !== source);
        if (targets.length === 0) continue;
        const sourceNode = nodes.get(source)!;
        const id = junctionId(group);
        const k = first.kind === 'kof' ? (first.k ?? 1) : null;
        const title = k === null ? 'any' : `${k} of ${members.length}`;
        const width = Math.ceil(measure(title, 'chip')) + 18;
        const parent = sourceNode.type === 'container' && !sourceNode.collapsed ? sourceNode.parent : sourceNode.parent;
        nodes.set(id, {
            id, type: 'junction', parent, width: Math.max(width, 34), height: SIZES.junctionHeight,
            junction: { group, from: first.from, k, n: members.length }, title
        });
        addChild(parent, id);
        addEdge(source, id, first.kind, first.from, first.from);
        for (const m of members) addEdge(id, shownAs.get(m.to), 'member', m.from, m.to);
    }

    return { uri: graph.uri, nodes, children, edges, shownAs, containerSizes };
}

function isAncestor(nodes: Map<string, SceneNode>, ancestor: string, id: string): boolean {
    let cur = nodes.get(id)?.parent ?? null;
    let guard = 0;
    while (cur !== null && guard++ < 1000) {
        if (cur === ancestor) return true;
        cur = nodes.get(cur)?.parent ?? null;
    }
    return false;
}

function replicaText(placements: readonly GraphPlacement[]): string {
    const active = placements.filter(p => !p.standby).reduce((n, p) => n + p.replicas, 0);
    const standby = placements.filter(p => p.standby).reduce((n, p) => n + p.replicas, 0);
    if (standby === 0) return `×${active}`;
    if (active === 0) return `×${standby} standby`;
    return `×${active} + ${standby} standby`;
}

export function serviceBadges(e: GraphElement): string[] {
    const out: string[] = [];
    if (e.neverUp) out.push('NEVER UP');
    else if (e.spof) out.push('SPOF');
    return out;
}

function elementNode(e: GraphElement, parent: string | null, hereText: string | undefined, placements: readonly GraphPlacement[], measure: Measure): SceneNode {
    const id = elementId(e.name);
    const isService = SERVICE_KINDS.has(e.kind);
    const badges = isService ? serviceBadges(e) : [];
    const badgesW = badges.reduce((w, b) => w + badgeWidth(b, measure) + SIZES.badgeGap, 0);
    const extra = e.kind === 'infra' ? SIZES.infraChamfer * 2 : 0;
    const inner = SIZES.maxWidth - 2 * SIZES.pad - extra;
    const title = fit(e.name, 'title', inner - badgesW, measure);
    const subtitle = e.label ? fit(e.label, 'body', inner, measure) : undefined;
    const metaParts: string[] = [];
    if (e.kind === 'infra') {
        if (e.infraKind) metaParts.push(e.infraKind);
        if (e.operator) metaParts.push(e.operator);
    } else if (isService) {
        if (hereText) metaParts.push(hereText);
        if (e.users > 0) metaParts.push(`${formatUsers(e.users)} users`);
        if (e.tier !== 'normal') metaParts.push(e.tier);
    }
    const meta = metaParts.length > 0 ? fit(metaParts.join(' · '), 'meta', inner, measure) : undefined;
    const contentW = Math.max(
        measure(title, 'title') + badgesW,
        subtitle ? measure(subtitle, 'body') : 0,
        meta ? measure(meta, 'meta') : 0
    );
    // Deployment tags: one per placement not implied by where the box is drawn, wrapped in rows.
    const tagTexts = placements.map(p => ({
        p, text: fit(`${p.domain} ${p.backup ? 'backup' : `×${p.replicas}`}${p.standby ? ' standby' : ''}`, 'chip', inner, measure)
    }));
    const tagWidths = tagTexts.map(t => Math.ceil(measure(t.text, 'chip')) + 12);
    let width = Math.min(SIZES.maxWidth, Math.max(SIZES.minWidth, Math.ceil(contentW + 2 * SIZES.pad + extra)));
    // Widen for tags when that saves a row (up to the maximum).
    const tagRowW = tagWidths.reduce((w, t) => w + t + SIZES.tagGap, -SIZES.tagGap);
    if (tagWidths.length > 0 && tagRowW + 2 * SIZES.pad > width) width = Math.min(SIZES.maxWidth, Math.ceil(tagRowW + 2 * SIZES.pad));
    let height = SIZES.vpad * 2 + SIZES.titleLine + (subtitle ? SIZES.subLine : 0) + (meta ? SIZES.metaLine : 0);
    const tags: DeploymentTag[] = [];
    if (tagTexts.length > 0) {
        let x = SIZES.pad;
        let y = height - SIZES.vpad + 4;
        for (let i = 0; i < tagTexts.length; i++) {
            const w = Math.min(tagWidths[i], width - 2 * SIZES.pad);
            if (x > SIZES.pad && x + w > width - SIZES.pad) {
                x = SIZES.pad;
                y += SIZES.tagHeight + SIZES.tagGap;
            }
            const { p, text } = tagTexts[i];
            tags.push({ domain: p.domain, text, replicas: p.replicas, standby: p.standby, backup: p.backup, x, y, width: w });
            x += w + SIZES.tagGap;
        }
        height = y + SIZES.tagHeight + SIZES.vpad;
    }
    if (e.kind === 'datastore') {
        height += SIZES.datastoreCap * 2;
        for (const t of tags) t.y += SIZES.datastoreCap;
    }
    return {
        id, type: 'element', parent: parent === null ? null : elementId(parent), width, height,
        element: e, title, subtitle, meta, here: hereText, tags: tags.length > 0 ? tags : undefined
    };
}

function containerNode(e: GraphElement, parent: string | null, collapsed: boolean, size: number, measure: Measure): SceneNode {
    const kindW = measure(e.kind.toUpperCase(), 'chip') + 8;
    const title = fit(e.name, 'header', 220, measure);
    const subtitle = e.label ? fit(e.label, 'body', 260, measure) : undefined;
    const toggleW = 22;
    const headerW = SIZES.pad + kindW + 6 + measure(title, 'header') + (subtitle ? 8 + measure(subtitle, 'body') : 0) + 8 + toggleW + SIZES.pad;
    const width = Math.ceil(Math.max(collapsed ? 170 : 150, headerW));
    const meta = collapsed ? `${size} element${size === 1 ? '' : 's'} inside` : undefined;
    return {
        id: elementId(e.name), type: 'container', parent: parent === null ? null : elementId(parent),
        width, height: collapsed ? SIZES.collapsedHeight : SIZES.headerHeight + 34,
        element: e, collapsed, hidden: collapsed ? size : undefined, title, subtitle, meta
    };
}

