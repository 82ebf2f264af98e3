/**
 * The hover sentences beyond single failures (analysis/beyond-text.ts): a service's order-2 cut
 * sets, a failure domain's rank for users.
 */
import { strict as assert } from 'node:assert';
import { cutSetSentence, formatMeasure, importanceRankSentence, ordinal } from '../../server/src/analysis/beyond-text.js';
import { cutSetsByName } from '../../server/src/analysis/cut-sets.js';
import { importanceOf } from '../../server/src/analysis/importance.js';
import { on, region, service, site } from './build.js';

describe('sentences beyond single failures', () => {
    it('a service with no SPOF: the pairs, at most five, then a count', () => {
        const pairs = [['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd'], ['x', 'y']];
        assert.equal(cutSetSentence(pairs.slice(0, 1)), 'survives any one failure; goes down if a and b both fail');
        assert.equal(cutSetSentence(pairs),
            'survives any one failure; goes down if a and b both fail, or a and c both fail, or a and d both fail, ' +
            'or b and c both fail, or b and d both fail (and 2 more pairs)');
        assert.equal(cutSetSentence(pairs.slice(0, 6)).endsWith('(and 1 more pair)'), true);
        assert.equal(cutSetSentence([['a', 'b'], ['c', 'd', 'e']], 3), 'survives any one failure; goes down if a and b both fail, or c, d and e all fail');
    });

    it('SPOFs first; nothing at all; never up', () => {
        assert.equal(cutSetSentence([['capital'], ['pangyo'], ['kepco', 'generators']]), 'goes down if capital or pangyo fails, or if kepco and generators both fail');
        assert.equal(cutSetSentence([['pangyo']]), 'goes down if pangyo fails; no other two failures together take it down');
        assert.equal(cutSetSentence([], 1), 'survives any one failure');
        assert.equal(cutSetSentence([], 2), 'survives any one or two failures');
        assert.equal(cutSetSentence([], 3), 'survives any one, two or three failures');
        assert.match(cutSetSentence([], 2, { neverUp: true }), /never up/);
    });

    it('reads the cut sets of a model', () => {
        const model = {
            elements: [
                region('capital'), site('pangyo', { container: 'capital' }), site('ansan', { container: 'capital' }), site('busan'),
                service('talk', { deployments: [on('pangyo'), on('ansan'), on('busan')] })
            ]
        };
        const sets = cutSetsByName(model, 2).get('talk')!;
        assert.equal(cutSetSentence(sets), 'survives any one failure; goes down if busan and capital both fail');
    });

    it('a domain\'s rank for users', () => {
        assert.equal(importanceRankSentence(3, 41, 12.4321), '3rd most important of 41 domains for users: RAW 12.4');
        assert.equal(importanceRankSentence(1, 41, 1670.2), 'most important of 41 domains for users: RAW 1670');
        assert.match(importanceRankSentence(null, 2, null), /^not ranked among 2 domains/);
        assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
        assert.deepEqual([0, 1.0347, 12.44, 0.5, 0.00012345, 1234567, null].map(formatMeasure), ['0', '1.03', '12.4', '0.5', '1.23e-4', '1.23e6', '—']);
        const { cm, importance } = importanceOf({
            elements: [site('a', { availability: 0.99 }), site('b', { availability: 0.999 }), service('s', { deployments: [on('a')], users: 10 })]
        });
        const [first, second] = importance.domains;
        assert.equal(cm.names[first.domain], 'a');
        assert.equal(importanceRankSentence(first.rank, importance.domains.length, first.users.raw), 'most important of 2 domains for users: RAW 100');
        assert.equal(second.rank, 2);
    });
});
