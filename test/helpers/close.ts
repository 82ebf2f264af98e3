/** How near a computed number (an availability, a probability) must be to the expected one. */
import { strict as assert } from 'node:assert';

export const TOLERANCE = 1e-9;

/** `wanted` null: `actual` must be null too; otherwise a number within TOLERANCE of `wanted`. */
export function assertClose(actual: number | null | undefined, wanted: number | null, what: string): void {
    if (wanted === null) {
        assert.equal(actual, null, what);
        return;
    }
    assert.ok(typeof actual === 'number' && Math.abs(actual - wanted) <= TOLERANCE, `${what}: ${actual} vs ${wanted}`);
}
