/**
 * The heat map's scale (media/src/draw/heat.ts), in Node: five classes from "none" to the top
 * quarter of the model's largest value, for the blast radius and the importance measures (RAW's
 * "none" is 1, no more likely); a failure domain without a value is no class, never 0; what is
 * not a failure domain has no value at all.
 */
import * as assert from 'node:assert/strict';
import type { GraphElement } from '../../server/src/common/protocol.js';
import { heatScale, heatValue, importanceOffered } from '../../media/src/draw/heat.js';
import { kakaoGraph } from './fixtures/graphs.js';

function domain(name: string, blastUsers: number, importance?: GraphElement['importance'], availability: number | null = null): GraphElement {
    const e = { ...kakaoGraph().elements.find(x => x.name === 'pangyo')!, name, blastUsers, availability };
    if (importance) e.importance = importance;
    return e;
}

describe('heat map scale', () => {
    const a = domain('a', 100, { birnbaum: 0.8, raw: 9, fussellVesely: 0.5 }, 0.999);
    const b = domain('b', 50, { birnbaum: 0.2, raw: 1, fussellVesely: null }, 0.9999);
    const c = domain('c', 0);
    const service = { ...kakaoGraph().elements.find(x => x.name === 'talk')! };

    it('reads a domain\'s value under each measure: null without one, undefined for a service', () => {
        assert.deepEqual(['blast', 'birnbaum', 'raw', 'fussellVesely'].map(m => heatValue(a, m as never)), [100, 0.8, 9, 0.5]);
        assert.equal(heatValue(b, 'fussellVesely'), null, 'an undefined quotient');
        assert.equal(heatValue(c, 'raw'), null, 'no availability declared');
        assert.equal(heatValue(c, 'blast'), 0, 'every domain has a blast radius');
        assert.equal(heatValue(service, 'blast'), undefined);
        assert.equal(heatValue(service, 'raw'), undefined);
    });

    it('cuts the range above "none" into four equal classes', () => {
        const blast = heatScale([a, b, c, service], 'blast');
        assert.deepEqual([blast.max, blast.floor, blast.bounds], [100, 0, [0, 0, 25, 50, 75]]);
        assert.deepEqual([0, 1, 25, 26, 50, 51, 75, 76, 100].map(v => blast.classOf(v)), [0, 1, 1, 2, 2, 3, 3, 4, 4]);
        const raw = heatScale([a, b, c], 'raw');
        assert.deepEqual([raw.max, raw.floor, raw.bounds], [9, 1, [1, 1, 3, 5, 7]]);
        assert.deepEqual([1, 2, 3.5, 6, 9].map(v => raw.classOf(v)), [0, 1, 2, 3, 4], 'RAW 1 is "no more likely": none');
        const fv = heatScale([a, b, c], 'fussellVesely');
        assert.equal(fv.max, 0.5, 'null values take no part');
    });

    it('puts everything in "none" when nothing is above it', () => {
        const scale = heatScale([c, domain('d', 0)], 'blast');
        assert.equal(scale.classOf(0), 0);
        assert.equal(heatScale([b], 'raw').classOf(1), 0);
    });

    it('offers the importance measures only when a failure domain declares an availability', () => {
        assert.equal(importanceOffered([a, c]), true);
        assert.equal(importanceOffered([c, { ...service, availability: 0.999 }]), false, 'a service\'s computed availability is not a declared one');
    });
});
