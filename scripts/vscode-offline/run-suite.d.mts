// Types for run-suite.mjs (so that the TypeScript tests can import it).
export const DEFAULT_TESTS: string;
export function runSuite(options?: {
    tests?: string;
    folder?: string;
    timeoutMs?: number;
    write?: (text: string) => void;
}): Promise<{ code: number; log: string }>;
