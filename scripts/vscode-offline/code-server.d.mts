// Types for code-server.mjs (so that the TypeScript tests can import it).
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const ROOT: string;
export const TEST_DIR: string;
export const NODE24: string;
export const ENTRY: string;
export const CHROMIUM: string;
export const INSTALL_HINT: string;
export function missingWorkbench(): string | undefined;
export function scratchDir(prefix?: string): string;
export function workspaceCopy(dir: string, from?: string): string;
export function freePort(): Promise<number>;
export function installVsix(dir: string, vsix: string, extensionsDir: string): Promise<string>;
export interface CodeServer {
    port: number;
    url: string;
    child: ChildProcess;
    stop(): Promise<void>;
    output(): string;
}
export function startCodeServer(options: {
    dir: string;
    folder?: string;
    extensionsDir?: string;
    settings?: Record<string, unknown>;
    /** --vscode-option enable-smoke-test-driver: needed for a test payload; hides notification toasts. Default true. */
    smokeTestDriver?: boolean;
    onOutput?: (text: string) => void;
    timeoutMs?: number;
}): Promise<CodeServer>;
export function testPayload(port: number, extensionDevelopmentPath: string, extensionTestsPath: string): string;
export function launchChromium(dir: string): Promise<Browser>;
export function readJson(file: string): unknown;
