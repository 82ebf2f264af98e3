/**
 * How long a test waits for something that must happen (a publish, a render) before it calls
 * it a hang. Generous on purpose: tests never measure speed (`npm run bench` does), and a
 * loaded 2-core machine can be many times slower than a quiet one.
 */
export const HANG_GUARD_MS = 45_000;
