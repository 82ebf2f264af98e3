/**
 * The wire protocol between the topo language server and editors (the VS Code client and its
 * preview): every custom method name and message type, in this one file. Plain types only, no
 * runtime dependencies, so that the server, the client and the webview can all import it.
 */

/** LSP-style position and range: 0-based line and UTF-16 character. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type ElementKind = 'region' | 'site' | 'infra' | 'service' | 'datastore';

export interface GraphElement {
    name: string;
    kind: ElementKind;
    label?: string;
    /** `in X` */
    container?: string;
    /** the file (URI) and range of its declaration's name */
    uri: string;
    range: Range;
    tier: 'critical' | 'high' | 'normal' | 'low';
    users: number;
    /** services: some single failure domain takes it down */
    spof: boolean;
    /** services: the nearest single points of failure */
    nearestSpofs: string[];
    /** services: down with nothing failed */
    neverUp: boolean;
    /** services: exact availability, or null */
    availability: number | null;
    /** failure domains: the users of the services down or degraded when it fails alone (its blast radius; the preview's heat map) */
    blastUsers?: number;
    /**
     * failure domains that declare an availability, when the graph was asked for with
     * `importance`: their importance for the users of all services together (`topo analyze
     * --importance`'s user-weighted measures; null where a measure is undefined)
     */
    importance?: GraphImportance;
    /** metadata for hover cards */
    description?: string;
    owner?: string;
    operator?: string;
    infraKind?: string;
    tags: string[];
}

/** One entry of `runs on` (or a `backup on` copy, with `backup: true`). */
export interface GraphPlacement {
    service: string;
    domain: string;
    replicas: number;
    standby: boolean;
    backup: boolean;
}

/**
 * A dependency edge from `from` to `to`.
 * - 'hard': a plain `depends on` member; 'any': a member of `any (…)`; 'kof': a member of
 *   `K of (…)` (with `k` and `group`, shared by the members of one term); 'soft': `uses`;
 *   'monitors': `monitors`.
 */
export interface GraphEdge {
    from: string;
    to: string;
    kind: 'hard' | 'any' | 'kof' | 'soft' | 'monitors';
    /** identifies the `any`/`K of` term the edge belongs to: `${from}#${termIndex}` */
    group?: string;
    k?: number;
}

/** A failure domain's user-weighted importance measures (SCRAM's definitions; docs/language.md). */
export interface GraphImportance {
    /** Birnbaum: how much more likely a user's service is down when the domain fails than when it does not */
    birnbaum: number;
    /** risk achievement worth: P(a user's service is down | the domain fails) / P(down); null when nothing can go down */
    raw: number | null;
    /** Fussell–Vesely: P(the domain has failed | a user's service is down); null when nothing can go down */
    fussellVesely: number | null;
}

export interface ModelGraph {
    /** the file whose import closure this is */
    uri: string;
    /** the document version the graph was computed from (when open in the editor) */
    version?: number;
    elements: GraphElement[];
    placements: GraphPlacement[];
    edges: GraphEdge[];
    /** language errors in the closure, one line each ("main.topo:3:5: …"); empty when the model is clean */
    errors: string[];
    /**
     * when asked for with `importance`: `computed` (the failure domains that declare an
     * availability carry `importance`), or `too large` (the editor does not compute it for a
     * model of more than IMPORTANCE_IN_EDITOR_ELEMENTS elements; `topo analyze --importance` does)
     */
    importance?: 'computed' | 'too large';
}

/** Elements past which the editor (hover, heat map) does not compute importance measures. */
export const IMPORTANCE_IN_EDITOR_ELEMENTS = 3_000;

/** A simulation's result, as the analysis returns it (with the reason of each outage). */
import type { SimulationResult } from './results.js';
export type { Outage, SimulationResult } from './results.js';

export interface BlastRadius {
    element: string;
    down: string[];
    degraded: string[];
    users: number;
    domainsDown: string[];
}

// ---------------------------------------------------------------- methods

/**
 * A request of the protocol: its method name, typed with its params and its result, so that
 * the server's handler and the client's call agree (see `lsp/custom-requests.ts` and
 * `client/src/model.ts`; the types exist only for the compiler).
 */
export interface RequestType<P, R> {
    readonly method: string;
    readonly types?: { params: P; result: R };
}

/** A notification of the protocol, typed with its params. */
export interface NotificationType<P> {
    readonly method: string;
    readonly types?: { params: P };
}

function request<P, R>(method: string): RequestType<P, R> {
    return { method };
}

function notification<P>(method: string): NotificationType<P> {
    return { method };
}

/** `importance`: also each failure domain's importance measures (costly on big models: asked only while the heat map shows one) */
export interface ModelGraphParams { uri: string; importance?: boolean }
/** Request: the graph of a file's import closure. */
export const ModelGraphRequest = request<ModelGraphParams, ModelGraph>('topo/modelGraph');

export interface SimulateParams { uri: string; failed: string[] }
/** Request: simulate a failure set in a file's import closure. Unknown names are ignored and listed in `failed` as given. */
export const SimulateRequest = request<SimulateParams, SimulationResult>('topo/simulate');

export interface BlastRadiusParams { uri: string; element: string }
/** Request: the blast radius of one element failing alone. */
export const BlastRadiusRequest = request<BlastRadiusParams, BlastRadius>('topo/blastRadius');

export interface ModelChangedParams { uris: string[] }
/** Notification (server → client): the models of these files changed (after a batch of edits was analysed). */
export const ModelChangedNotification = notification<ModelChangedParams>('topo/modelChanged');

// ---------------------------------------------------------------- cut sets (preview and hover)

export interface CutSetsParams { uri: string; service: string }
export interface CutSetsResult {
    service: string;
    /** its minimal cut sets of at most two failure domains (each in name order; by size, then name) */
    sets: string[][];
    /** the service's cone is too large to look at every pair in the editor (`topo analyze --order 2` lists them) */
    tooLarge: boolean;
}
/** Request: a service's minimal cut sets of at most two failure domains (the preview's "Cut sets…"). */
export const CutSetsRequest = request<CutSetsParams, CutSetsResult>('topo/cutSets');

/**
 * The command a hover's cut set links to (VS Code): `topo.showCutSet(uri, names)` shows the
 * preview simulating exactly those failure domains failing together. A client that can run it
 * says so with the initialization option `{ commandLinks: true }`; other clients get no links.
 */
export const SHOW_CUT_SET_COMMAND = 'topo.showCutSet';

/** Preview → extension: asks for a service's cut sets (answered with `CutSetsToPreview`). */
export interface CutSetsFromPreview { type: 'cutSetsRequest'; name: string }
/** Extension → preview: a service's cut sets (`sets` empty and `error` set when they could not be had). */
export interface CutSetsToPreview { type: 'cutSets'; name: string; sets: string[][]; tooLarge: boolean; error?: string }

// ---------------------------------------------------------------- webview messages

/** Extension → preview webview. */
export type ToPreview =
    | { type: 'graph'; graph: ModelGraph; direction: 'RIGHT' | 'DOWN' }
    | { type: 'simulation'; result: SimulationResult | null }
    | { type: 'highlight'; name: string | null }
    | { type: 'hover'; name: string; markdown: string }
    /** shows the neighbourhood of an element (`topo.previewFocus`), or the whole graph again (null) */
    | { type: 'focus'; name: string | null; hops?: number }
    /** asks the preview for its drawing; it answers with `exportSvg` */
    | { type: 'exportSvg' }
    | CutSetsToPreview;

/** Preview webview → extension. */
export type FromPreview =
    | { type: 'ready' }
    | { type: 'reveal'; name: string }
    | { type: 'hoverRequest'; name: string }
    | { type: 'simulate'; names: string[] }
    | { type: 'exportSvg'; svg: string }
    | { type: 'viewState'; state: unknown }
    | CutSetsFromPreview
    /** the heat map shows an importance measure (on) or not: the graphs sent from now on carry `importance` or not */
    | { type: 'importance'; on: boolean };

// ---------------------------------------------------------------- debug (tests only)

/**
 * Request: run a full garbage collection (when node was started with `--expose-gc`) and answer
 * the heap in use. Registered only when the server is started with `TOPO_DEBUG=1`; for the
 * robustness and memory tests (test/robustness, docs/robustness-server.md) and `npm run bench:lsp`,
 * never for editors.
 */
export interface DebugHeapResult {
    /** `process.memoryUsage().heapUsed` after the collection, in bytes */
    heapUsed: number;
    /** false when `gc()` is not exposed (the number is then without a forced collection) */
    collected: boolean;
    /** the rest of `process.memoryUsage()` after the collection, in bytes (for `npm run bench:lsp`) */
    heapTotal: number;
    /** memory of typed arrays and other objects outside the heap */
    external: number;
    rss: number;
}
export const DebugHeapRequest = request<void, DebugHeapResult>('topo/debug/heap');
