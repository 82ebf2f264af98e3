import { strict as assert } from 'node:assert';
import { formatDuration, formatMinutes, formatPercent, formatUsers } from '../../server/src/analysis/index.js';

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
    });
});
