/**
 * `topo/cutSets`: a service's minimal cut sets of at most two failure domains, as the hover
 * names them (the analysis's `pairs`, skipped for a cone too large to look at in the editor).
 * The preview lists them under "Cut sets…" and simulates the one chosen.
 */
import { isDomainKind } from '../analysis/model.js';
import type { CutSetsResult } from '../common/protocol.js';
import type { DocumentView } from './document-view.js';

/** Undefined when `service` is not a service or datastore of the file's closure. */
export function cutSets(view: DocumentView, service: string): CutSetsResult | undefined {
    const e = view.sees(service) ? view.analysis.elements.get(service) : undefined;
    if (!e || isDomainKind(e.kind)) return undefined;
    const pairs = view.analysis.pairs(service);
    if (pairs === undefined) return undefined;
    if (pairs === 'too large') return { service, sets: [], tooLarge: true };
    return { service, sets: pairs.map(set => [...set]), tooLarge: false };
}
