/**
 * What the preview draws, before layout: a tree of nodes (regions and sites as containers;
 * infra, services and datastores as boxes with their deployments; `any` / `K of` junctions)
 * and the edges between them, every box with its text cut to fit and its size measured.
 * Built by `buildScene` (build-scene.ts); plain data, no DOM.
 */
import type { GraphElement } from '../../../server/src/common/protocol.js';

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
    /** collapsed containers: the services running inside, and how many of them have a SPOF */
    services?: { services: number; spof: number };
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

/** The kinds drawn as containers (what is placed in them is drawn inside). */
export const CONTAINER_KINDS: ReadonlySet<string> = new Set(['region', 'site']);
/** The kinds that run somewhere (`runs on`) and carry deployment tags. */
export const SERVICE_KINDS: ReadonlySet<string> = new Set(['service', 'datastore']);

export const elementId = (name: string): string => `e:${name}`;
export const junctionId = (group: string): string => `j:${group}`;
