/**
 * Compare a result with an expectation: every field present in the expectation must match
 * (numbers within TOLERANCE); extra fields in the result are fine. Arrays must match element-wise.
 */
import { strict as assert } from 'node:assert';
import { TOLERANCE } from './close.js';

export function expectSubset(actual: unknown, expected: unknown, path = '$'): void {
    if (typeof expected === 'number' && typeof actual === 'number') {
        assert.ok(Math.abs(actual - expected) <= TOLERANCE, `${path}: expected ${expected}, got ${actual}`);
        return;
    }
    if (Array.isArray(expected)) {
        assert.ok(Array.isArray(actual), `${path}: expected an array, got ${JSON.stringify(actual)}`);
        assert.equal(actual.length, expected.length, `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
        expected.forEach((item, i) => expectSubset(actual[i], item, `${path}[${i}]`));
        return;
    }
    if (expected !== null && typeof expected === 'object') {
        assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object, got ${JSON.stringify(actual)}`);
        for (const [key, value] of Object.entries(expected)) {
            assert.ok(key in (actual as object), `${path}.${key} is missing in ${JSON.stringify(actual)}`);
            expectSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
        }
        return;
    }
    assert.deepEqual(actual, expected, `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
