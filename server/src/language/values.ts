/**
 * Reading the QUANTITY token: counts, durations and percentages. Each reader returns the
 * value or a message that says what is wrong and what a good value looks like.
 */

import { MAX_WHOLE_NUMBER } from '../analysis/model.js';

export type ValueResult = { value: number } | { error: string };

const NUMBER = /^(\d+(?:\.\d+)?)([a-zA-Z%]*)$/;

function split(text: string): { num: number; unit: string } | undefined {
    const m = NUMBER.exec(text);
    if (!m) return undefined;
    const num = Number(m[1]);
    return Number.isFinite(num) ? { num, unit: m[2] } : undefined;
}

const MINUTES_PER_UNIT: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1440 };

/** `45s`, `30m`, `10h`, `2d` (decimals allowed: `1.5h`) → minutes. */
export function readDuration(text: string): ValueResult {
    const parts = split(text);
    const hint = 'write a number followed by s, m, h or d, like 45s, 30m, 10h or 2d';
    if (!parts) return { error: `\`${text}\` is not a duration: ${hint}` };
    if (parts.unit === '') return { error: `\`${text}\` has no unit: ${hint}` };
    const factor = MINUTES_PER_UNIT[parts.unit];
    if (factor === undefined) return { error: `\`${text}\` has an unknown unit \`${parts.unit}\`: ${hint}` };
    return { value: parts.num * factor };
}

/** `99.95%` → 0.9995; must lie between 0% and 100%. */
export function readPercentage(text: string): ValueResult {
    const parts = split(text);
    const hint = 'write a percentage between 0% and 100%, like 99.95%';
    if (!parts || parts.unit !== '%') return { error: `\`${text}\` is not a percentage: ${hint}` };
    if (parts.num > 100) return { error: `\`${text}\` is above 100%: ${hint}` };
    return { value: parts.num / 100 };
}

const COUNT_SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, B: 1e9 };

/** `5000`, `12k`, `43.2M`, `1.2B` → a whole number (rounded). */
export function readCount(text: string): ValueResult {
    const parts = split(text);
    const hint = 'write a whole number, optionally with k, M or B, like 5000, 12k or 43.2M';
    if (!parts) return { error: `\`${text}\` is not a count: ${hint}` };
    const factor = COUNT_SUFFIX[parts.unit];
    if (factor === undefined) return { error: `\`${text}\` has an unknown suffix \`${parts.unit}\`: ${hint}` };
    const value = Math.round(parts.num * factor);
    if (!Number.isSafeInteger(value)) return { error: `\`${text}\` is too large: ${hint}` };
    return { value };
}

/** A plain whole number of at least `min` and at most MAX_WHOLE_NUMBER (replicas, quorum, capacity, K of …). */
export function readWholeNumber(text: string, what: string, min = 1): ValueResult {
    const parts = split(text);
    if (!parts || parts.unit !== '' || !Number.isInteger(parts.num)) {
        return { error: `\`${text}\` is not a whole number: ${what} is a plain count like 3` };
    }
    if (parts.num < min) return { error: `${what} must be at least ${min}, not ${text}` };
    if (parts.num > MAX_WHOLE_NUMBER) {
        return { error: `\`${text}\` is too large for ${what}: at most ${MAX_WHOLE_NUMBER.toLocaleString('en-US')}` };
    }
    return { value: parts.num };
}

export function valueOr(result: ValueResult, fallback: number): number {
    return 'value' in result ? result.value : fallback;
}
