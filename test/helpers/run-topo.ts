/** Runs the real `topo` binary (bin/topo.cjs → out/cli.cjs, built by `npm run build`). */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TOPO_BIN = join(PROJECT_ROOT, 'bin', 'topo.cjs');

export interface RunResult { code: number | null; stdout: string; stderr: string }

export function runTopo(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const env = { ...process.env, ...options.env };
        delete env.FORCE_COLOR;
        if (options.env?.FORCE_COLOR !== undefined) env.FORCE_COLOR = options.env.FORCE_COLOR;
        const child = spawn(process.execPath, [TOPO_BIN, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '', stderr = '';
        child.stdout.on('data', chunk => stdout += chunk);
        child.stderr.on('data', chunk => stderr += chunk);
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}
