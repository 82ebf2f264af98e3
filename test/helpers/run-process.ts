/** Runs a program to its end, with what it printed and its exit code. */
import { spawn } from 'node:child_process';

export interface RunResult { code: number | null; stdout: string; stderr: string }

/** `env` is the child's whole environment (the parent's when left out). */
export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '', stderr = '';
        child.stdout.on('data', chunk => stdout += chunk);
        child.stderr.on('data', chunk => stderr += chunk);
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}
