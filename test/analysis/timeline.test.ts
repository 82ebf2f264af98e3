/**
 * The outage over time on small hand-made models: failover then recovery, degraded until a soft
 * dependency is back, unknown lengths kept unknown, nothing interrupted; and its text.
 */

import { strict as assert } from 'node:assert';
import { buildTimeline, simulate, type Model } from '../../server/src/analysis/index.js';
import { timelineText } from '../../server/src/common/simulation-text.js';
import { HOURS, on, one, service, site } from './build.js';

const failover: Model = {
    elements: [
        site('pangyo', { recovery: 10 * HOURS }),
        site('ansan', { recovery: 4 * HOURS }),
        service('auth', { deployments: [on('pangyo', 10), on('ansan', 10, true)], failover: 30, users: 100 }),
        service('talk', { deployments: [on('pangyo', 100)], dependsOn: [one('auth')], users: 5000 }),
        service('bank', { deployments: [on('ansan')], dependsOn: [one('auth')], users: 20 })
    ]
};

describe('analysis: the outage over time', () => {
    it('a failover: everything down at first, the failed-over services back after it, the rest after the recovery', () => {
        const timeline = simulate(failover, ['pangyo']).timeline!;
        assert.deepEqual(timeline, {
            steps: [
                { at: 0, down: ['auth', 'bank', 'talk'], degraded: [], users: 5120, unknown: [] },
                { at: 30, down: ['talk'], degraded: [], users: 5000, unknown: [] },
                { at: 600, down: [], degraded: [], users: 0, unknown: [] }
            ],
            end: 600
        });
        assert.equal(timelineText(timeline), '+0: 3 services down, 5,120 users; +30m: 1 service down, 5,000 users; +10h: all back');
    });

    it('degraded while a soft dependency is down, healthy when its site is back', () => {
        const model: Model = {
            elements: [
                site('east', { recovery: 2 * HOURS }),
                site('west', { recovery: 5 * HOURS }),
                service('media', { deployments: [on('east')], users: 10 }),
                service('talk', { deployments: [on('west')], uses: ['media'], users: 1000 })
            ]
        };
        const timeline = simulate(model, ['east']).timeline!;
        assert.deepEqual(timeline.steps.map(s => [s.at, s.down, s.degraded, s.users]), [
            [0, ['media'], ['talk'], 1010],
            [120, [], [], 0]
        ]);
        assert.equal(timeline.end, 120);
    });

    it('two failures that recover at different times: degraded only while the first is out', () => {
        const model: Model = {
            elements: [
                site('east', { recovery: 1 * HOURS }),
                site('west', { recovery: 3 * HOURS }),
                service('media', { deployments: [on('east')] }),
                service('search', { deployments: [on('west')] }),
                service('talk', { uses: ['media'], dependsOn: [one('search')], users: 7 })
            ]
        };
        const steps = simulate(model, ['east', 'west']).timeline!.steps;
        assert.deepEqual(steps.map(s => [s.at, s.down, s.degraded]), [
            [0, ['media', 'search', 'talk'], []],
            [60, ['search', 'talk'], []],
            [180, [], []]
        ]);
    });

    it('an unknown length stays unknown: never 0, and the end is null', () => {
        const model: Model = {
            elements: [
                site('east'),
                site('west', { recovery: 90 }),
                service('media', { deployments: [on('east')], users: 3 }),
                service('talk', { deployments: [on('west')], users: 4 })
            ]
        };
        const timeline = simulate(model, ['east', 'west']).timeline!;
        assert.deepEqual(timeline, {
            steps: [
                { at: 0, down: ['media', 'talk'], degraded: [], users: 7, unknown: ['media'] },
                { at: 90, down: ['media'], degraded: [], users: 3, unknown: ['media'] }
            ],
            end: null
        });
        assert.equal(timelineText(timeline), '+0: 2 services down, 7 users; +1h30m: 1 service down, 3 users, for an unknown time (media)');
    });

    it('nothing interrupted: one empty step at 0, no text', () => {
        const timeline = simulate(failover, []).timeline!;
        assert.deepEqual(timeline, { steps: [{ at: 0, down: [], degraded: [], users: 0, unknown: [] }], end: 0 });
        assert.equal(timelineText(timeline), '');
    });

    it('buildTimeline merges equal steps and treats a null length as unknown', () => {
        const timeline = buildTimeline({
            outages: { a: { minutes: 10 }, b: { minutes: null }, c: { minutes: 10 } },
            phases: [{ from: 0, degraded: ['d'] }, { from: 5, degraded: ['d'] }, { from: 10, degraded: [] }],
            users: { a: 1, b: 2, c: 4, d: 8 }
        });
        assert.deepEqual(timeline, {
            steps: [
                { at: 0, down: ['a', 'b', 'c'], degraded: ['d'], users: 15, unknown: ['b'] },
                { at: 10, down: ['b'], degraded: [], users: 2, unknown: ['b'] }
            ],
            end: null
        });
    });
});
