/**
 * Small text helpers for the messages the analysis writes: users, durations, percentages,
 * lists of names.
 */

/** 365 days: availability is turned into expected downtime per year with it. */
export const MINUTES_PER_YEAR = 525_600;

/**
 * A number for JSON, rounded to `decimals` places so that arithmetic noise does not show
 * (`315.33372000000827` → `315.33372`); null and integers pass through.
 */
export function roundTo<T extends number | null>(x: T, decimals: number): T {
    if (x === null || !Number.isFinite(x) || Number.isInteger(x)) return x;
    const scale = 10 ** decimals;
    return (Math.round((x as number) * scale) / scale) as T;
}

/** JSON's precision: minutes to 1e-9 (the spec compares with that tolerance), probabilities to 1e-12. */
export const MINUTE_DECIMALS = 9;
export const PROBABILITY_DECIMALS = 12;

/** Plain code-unit order (JavaScript's default sort), as the results require. */
export function compareNames(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function sortNames(names: Iterable<string>): string[] {
    return [...names].sort(compareNames);
}

/** `value` with at most `digits` decimals, trailing zeros dropped: `1.50` → `1.5`. */
export function trimDecimals(value: number, digits: number): string {
    const fixed = value.toFixed(digits);
    return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

function withSeparators(n: number): string {
    const s = String(Math.round(Math.abs(n)));
    let out = '';
    for (let i = 0; i < s.length; i++) {
        if (i > 0 && (s.length - i) % 3 === 0) out += ',';
        out += s[i];
    }
    return (n < 0 ? '-' : '') + out;
}

/** Users as people write them: `43.2M`, `12k`, `5,000`. */
export function formatUsers(n: number): string {
    if (!Number.isFinite(n)) return String(n);
    const abs = Math.abs(n);
    const scaled = (unit: number, suffix: string): string => {
        const v = abs / unit;
        const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        return (n < 0 ? '-' : '') + trimDecimals(v, digits) + suffix;
    };
    if (abs >= 1e9) return scaled(1e9, 'B');
    if (abs >= 1e6) return scaled(1e6, 'M');
    if (abs >= 1e4) return scaled(1e3, 'k');
    return withSeparators(n);
}

/** A duration in minutes as the language writes it: `45s`, `30m`, `10h`, `2d`, `1h30m`. */
export function formatDuration(minutes: number | null): string {
    if (minutes === null || !Number.isFinite(minutes)) return 'unknown';
    if (minutes <= 0) return '0m';
    let seconds = Math.round(minutes * 60);
    const parts: string[] = [];
    const units: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];
    for (const [size, suffix] of units) {
        const count = Math.floor(seconds / size);
        if (count > 0) {
            parts.push(`${count}${suffix}`);
            seconds -= count * size;
        }
    }
    return parts.length > 0 ? parts.join('') : `${trimDecimals(minutes * 60, 3)}s`;
}

/**
 * Minutes for people, rounded to what matters: `45s`, `30m`, `10h`, `9h38m`, `2d3h`;
 * `unknown` for null.
 */
export function formatMinutes(minutes: number | null): string {
    if (minutes === null || !Number.isFinite(minutes)) return 'unknown';
    if (minutes >= 2880) return formatDuration(Math.round(minutes / 60) * 60);
    if (minutes >= 60) return formatDuration(Math.round(minutes));
    return formatDuration(minutes);
}

/** A probability as a percentage with the digits that matter: `99.89001%`. */
export function formatPercent(p: number): string {
    const pct = p * 100;
    if (pct >= 100) return '100%';
    // never round a probability below 1 up to 100%: show the digits that tell them apart
    for (let digits = 6; digits <= 12; digits++) {
        const text = trimDecimals(pct, digits);
        if (text !== '100') return `${text}%`;
    }
    return '99.999999999999%';
}

/**
 * Expected downtime per year, in words: `about 9.6 hours`, `about 40 seconds`, `under a second`
 * (`approximate: false` leaves out the "about", for "at most 9.6 hours").
 */
export function formatDowntime(minutesPerYear: number, approximate = true): string {
    if (minutesPerYear * 60 < 0.5) return 'under a second';
    const about = approximate ? 'about ' : '';
    if (minutesPerYear < 1) {
        const seconds = Math.round(minutesPerYear * 60);
        return `${about}${seconds} second${seconds === 1 ? '' : 's'}`;
    }
    if (minutesPerYear < 120) return `${about}${trimDecimals(minutesPerYear, 1)} minutes`;
    if (minutesPerYear < 48 * 60) return `${about}${trimDecimals(minutesPerYear / 60, 1)} hours`;
    return `${about}${trimDecimals(minutesPerYear / 1440, 1)} days`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "talk's", "controllers'" */
export function possessive(name: string): string {
    return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** `a`, `a or b`, `a, b or c` */
export function joinOr(items: readonly string[]): string {
    return joinLast(items, ' or ');
}

/** `a`, `a and b`, `a, b and c` */
export function joinAnd(items: readonly string[]): string {
    return joinLast(items, ' and ');
}

function joinLast(items: readonly string[], last: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`;
}

/** At most `max` names, then `…`: for lists inside one sentence. */
export function shortList(items: readonly string[], max = 4): string {
    if (items.length <= max) return items.join(', ');
    return `${items.slice(0, max).join(', ')}, …`;
}

/** The calendar date of `date` where this runs, YYYY-MM-DD (what `accept … until` is compared with). */
export function localDate(date: Date): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
