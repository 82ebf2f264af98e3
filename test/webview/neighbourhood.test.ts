/**
 * The one meaning of a neighbourhood (media/src/scene/neighbourhood.ts), shared by the
 * preview's "Show neighbourhood" and `topo render --focus`: upstream and downstream k hops by
 * direction (no siblings), an `any` / `K of` term whole, and where every shown element runs.
 * Plain Node, no browser.
 */
import * as assert from 'node:assert/strict';
import type { GraphEdge, GraphElement, GraphPlacement, ModelGraph } from '../../server/src/common/protocol.js';
import { neighbourhood } from '../../media/src/scene/neighbourhood.js';

function graph(): ModelGraph {
    const el = (name: string, kind: GraphElement['kind'], container?: string): GraphElement => ({
        name, kind, uri: 'file:///m.topo', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        tier: 'normal', users: 0, spof: false, nearestSpofs: [], neverUp: false, availability: null, tags: [],
        ...(container ? { container } : {})
    });
    const place = (service: string, domain: string): GraphPlacement => ({ service, domain, replicas: 1, standby: false, backup: false });
    const dep = (from: string, to: string, kind: GraphEdge['kind'] = 'hard', group?: string, k?: number): GraphEdge => ({ from, to, kind, ...(group ? { group, k } : {}) });
    return {
        uri: 'file:///m.topo',
        elements: [
            el('eu', 'region'), el('east', 'site', 'eu'), el('west', 'site', 'eu'), el('far', 'site'), el('power', 'infra'),
            el('web', 'service'), el('api', 'service'), el('db', 'datastore'), el('sibling', 'service'), el('edge', 'service'),
            el('r1', 'datastore'), el('r2', 'datastore'), el('r3', 'datastore'), el('cache', 'service')
        ],
        placements: [place('web', 'east'), place('api', 'east'), place('db', 'west'), place('sibling', 'east'), place('edge', 'far'),
            place('r1', 'east'), place('r2', 'west'), place('r3', 'far'), place('cache', 'east')],
        edges: [dep('edge', 'web'), dep('web', 'api'), dep('api', 'db'), dep('east', 'power'),
            dep('api', 'r1', 'kof', 'g', 2), dep('api', 'r2', 'kof', 'g', 2), dep('api', 'r3', 'kof', 'g', 2), dep('web', 'cache', 'soft')],
        errors: []
    };
}

const names = (g: ModelGraph | null): string[] => g!.elements.map(e => e.name).sort();

describe('neighbourhood (one meaning for the preview and topo render)', () => {
    it('is the element, one hop up and one hop down by direction, and where they run', () => {
        // web depends on api, cache, east; edge depends on web and runs on far; api's 2-of-3
        // term is drawn whole (r1, r2, r3, and west, where r2 runs); not db, two hops down
        assert.deepEqual(names(neighbourhood(graph(), 'web', 1)), ['api', 'cache', 'east', 'edge', 'eu', 'far', 'r1', 'r2', 'r3', 'web', 'west']);
        assert.deepEqual(names(neighbourhood(graph(), 'cache', 1)), ['east', 'eu', 'cache', 'web'].sort());
    });

    it('leaves out siblings: what runs on a shown site without being a neighbour', () => {
        assert.ok(!names(neighbourhood(graph(), 'web', 3)).includes('sibling'));
    });

    it('follows each direction for k hops, and shows an `any` / `K of` term whole', () => {
        const two = names(neighbourhood(graph(), 'web', 2));
        for (const n of ['db', 'power']) assert.ok(two.includes(n), n);
        // db's one hop up is api; two hops up: web; it does not go down again from there
        assert.deepEqual(names(neighbourhood(graph(), 'db', 2)), ['api', 'db', 'east', 'eu', 'far', 'r1', 'r2', 'r3', 'web', 'west']);
    });

    it('keeps only placements and edges between shown elements; null for an unknown name', () => {
        const g = neighbourhood(graph(), 'edge', 1)!;
        const shown = new Set(g.elements.map(e => e.name));
        assert.ok(g.edges.every(e => shown.has(e.from) && shown.has(e.to)));
        assert.ok(g.placements.every(p => shown.has(p.service) && shown.has(p.domain)));
        assert.equal(neighbourhood(graph(), 'mars', 1), null);
    });
});
