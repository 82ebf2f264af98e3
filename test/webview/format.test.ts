/**
 * The texts the extension and the preview share (client/src/common/format.ts): the
 * notification line of a simulation and the order of the outage table.
 */
import * as assert from 'node:assert/strict';
import { formatUsers } from '../../server/src/common/format.js';
import { formatOutage, outageRows, summarizeSimulation } from '../../server/src/common/simulation-text.js';
import type { SimulationResult } from '../../server/src/common/protocol.js';
import { kakaoGraph, pangyoFire } from './fixtures/graphs.js';

describe('simulation texts', () => {
    it('says what a failure takes down in one line', () => {
        const result: SimulationResult = {
            failed: ['pangyo'], down: ['auth', 'map', 'pay', 'talk', 'taxi'], degraded: [], up: [], domainsDown: ['pangyo'],
            users: 43_200_000, outages: { talk: { minutes: 600, reason: '', users: 0 }, auth: { minutes: 600, reason: '', users: 0 } }
        };
        assert.equal(summarizeSimulation(result), 'pangyo fails: 5 services down, 43.2M users, longest 10 h');
        assert.equal(summarizeSimulation({ ...result, outages: { talk: { minutes: null, reason: '', users: 0 } } }), 'pangyo fails: 5 services down, 43.2M users, longest unknown');
        assert.equal(summarizeSimulation({ ...result, failed: ['a', 'b'], down: ['x'], degraded: ['y'], users: 1500, outages: {} }), 'a and b fail: 1 service down, 1 degraded, 1,500 users');
        assert.equal(summarizeSimulation({ ...result, down: [], users: 0, outages: { x: { minutes: 30, reason: '', users: 0 } } }), 'pangyo fails: no service goes down; longest interruption 30 min');
    });

    it('writes lengths and users for people', () => {
        assert.deepEqual([0.75, 30, 90, 600, 2 * 1440 + 180, null].map(formatOutage), ['45 s', '30 min', '1 h 30 min', '10 h', '2 d 3 h', 'unknown']);
        assert.deepEqual([5000, 12_000, 43_200_000, 100_000_000, 2e9].map(formatUsers), ['5,000', '12k', '43.2M', '100M', '2B']);
    });

    it('orders the outage table by users, then by length (unknown longest), then name', () => {
        const rows = outageRows(pangyoFire(), kakaoGraph().elements);
        assert.deepEqual(rows.slice(0, 2).map(r => r.service), ['talk', 'bank']);
        assert.equal(rows[1].state, 'degraded');
        assert.deepEqual(rows.slice(2).map(r => r.service), ['auth', 'map', 'media', 'monitoring', 'ops-tooling', 'pay', 'search-b', 'status', 'taxi', 'messages']);
        assert.equal(rows.find(r => r.service === 'messages')!.state, 'interrupted');
        const unknownFirst = outageRows({ ...pangyoFire(), outages: { a: { minutes: 5, reason: '', users: 0 }, b: { minutes: null, reason: '', users: 0 } }, down: ['a', 'b'], degraded: [] }, []);
        assert.deepEqual(unknownFirst.map(r => r.service), ['b', 'a']);
    });
});
