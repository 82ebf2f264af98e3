/** Runs the real `topo` binary (bin/topo.cjs → out/cli.cjs, built by `npm run build`). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, type RunResult } from './run-process.js';

export type { RunResult };

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOPO_BIN = join(PROJECT_ROOT, 'bin', 'topo.cjs');

export function runTopo(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
    const env = { ...process.env, ...options.env };
    delete env.FORCE_COLOR;
    if (options.env?.FORCE_COLOR !== undefined) env.FORCE_COLOR = options.env.FORCE_COLOR;
    return runProcess(process.execPath, [TOPO_BIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env });
}
