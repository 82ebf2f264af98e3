import { strict as assert } from 'node:assert';
import { formatDuration, formatMinutes, formatPercent, formatUsers } from '../../server/src/analysis/index.js';
import { formatDowntime, possessive } from '../../server/src/common/format.js';

describe('analysis: formatting', () => {
    it('users', () => {
        assert.deepEqual([43.2e6, 12_000, 5_000, 1e6, 12_500, 999, 2.5e9].map(formatUsers),
            ['43.2M', '12k', '5,000', '1M', '12.5k', '999', '2.5B']);
    });

    it('durations and percentages', () => {
        assert.deepEqual([0.75, 30, 600, 2880, 90].map(formatDuration), ['45s', '30m', '10h', '2d', '1h30m']);
        assert.equal(formatMinutes(null), 'unknown');
        assert.equal(formatMinutes(578.16), '9h38m');
        assert.equal(formatPercent(0.9989001), '99.89001%');
        assert.equal(formatPercent(0.9999), '99.99%');
        // a probability below 1 is never shown as 100%
        assert.equal(formatPercent(0.9999999999), '99.99999999%');
        assert.equal(formatPercent(1), '100%');
    });

    it('downtime per year, and names ending in s', () => {
        assert.deepEqual([0.001, 0.2, 1 / 60, 30, 5.3 * 60, 9 * 1440].map(m => formatDowntime(m)),
            ['under a second', 'about 12 seconds', 'about 1 second', 'about 30 minutes', 'about 5.3 hours', 'about 9 days']);
        assert.equal(formatDowntime(90, false), '90 minutes');
        assert.deepEqual(['talk', 'controllers'].map(possessive), ["talk's", "controllers'"]);
    });
});
