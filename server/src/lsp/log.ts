/**
 * Where the language server writes what it does and what went wrong: the client's log
 * (`window/logMessage`) once the connection is known, stderr before. A provider that throws
 * is logged here and answers "nothing" instead of taking the server down.
 */
import { isOperationCancelled } from 'langium';
import { ResponseError } from 'vscode-languageserver';
import { debugThrow } from './debug.js';

export interface LogSink {
    log(message: string): void;
    error(message: string): void;
}

let sink: LogSink = {
    log: message => process.stderr.write(`${message}\n`),
    error: message => process.stderr.write(`${message}\n`)
};

export function setLogSink(next: LogSink): void {
    sink = next;
}

export const logger = {
    log(message: string): void {
        try { sink.log(`[topo] ${message}`); } catch { /* a closed connection cannot log */ }
    },
    error(what: string, error?: unknown): void {
        const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
        try { sink.error(`[topo] ${what}${detail ? `: ${detail}` : ''}`); } catch { /* ignore */ }
    }
};

/** Errors that must travel on: cancellation and deliberate answers to the client. */
export function mustPropagate(error: unknown): boolean {
    return isOperationCancelled(error) || error instanceof ResponseError;
}

/** Runs `fn`; on an unexpected error logs it and returns `fallback`. */
export async function guard<T>(what: string, fallback: T, fn: () => Promise<T> | T): Promise<T> {
    try {
        debugThrow(what);
        return await fn();
    } catch (error) {
        if (mustPropagate(error)) throw error;
        logger.error(`${what} failed`, error);
        return fallback;
    }
}
