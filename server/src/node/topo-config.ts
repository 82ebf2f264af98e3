/**
 * `topo.json`: a project's settings for the CLI and the language server (schemas/topo-config.schema.json,
 * documented in docs/ci.md). Found from a folder upwards; paths in it are relative to its own folder.
 *
 * ```json
 * { "severity": { "unplaced": "off" }, "failOn": "warning", "baseline": "topo-baseline.json", "files": ["models"] }
 * ```
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE_NAME = 'topo.json';

export type ConfigSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type FailOn = 'error' | 'warning' | 'information' | 'never';

export const CONFIG_SEVERITIES: readonly ConfigSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'information', 'never'];

export interface TopoConfig {
    /** the file it was read from (absolute) */
    file: string;
    /** finding code → the severity to report it with ('off': not at all) */
    severity: ReadonlyMap<string, ConfigSeverity>;
    failOn?: FailOn;
    /** absolute */
    baseline?: string;
    /** absolute; files or folders */
    files?: string[];
}

/** What is wrong with a config file, in one line that names it. */
export class ConfigError extends Error {}

const KEYS = ['$schema', 'severity', 'failOn', 'baseline', 'files'];

/** The nearest `topo.json` in `from` or a folder above it. */
export function findConfigFile(from: string): string | undefined {
    let dir = resolve(from);
    for (;;) {
        const file = join(dir, CONFIG_FILE_NAME);
        if (existsSync(file) && isFile(file)) return file;
        const parent = dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

function isFile(path: string): boolean {
    try {
        return statSync(path).isFile();
    } catch {
        return false;
    }
}

/**
 * Reads and checks a config file. `isCode` tells the finding codes a severity may be set for
 * (a typo is an error rather than a setting that silently does nothing).
 */
export function readConfig(file: string, isCode: (code: string) => boolean): TopoConfig {
    const path = resolve(file);
    let text: string;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ConfigError(`cannot read the config file ${file}: ${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
    }
    return parseConfig(text.replace(/^\uFEFF/, ''), path, file, isCode);
}

/** `shown`: the file's name as the user gave it (or found it), for messages. */
export function parseConfig(text: string, path: string, shown: string, isCode: (code: string) => boolean): TopoConfig {
    const fail = (what: string): never => {
        throw new ConfigError(`${shown}: ${what}`);
    };
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        fail(`not valid JSON (${jsonProblem(text, error as Error)})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('expected a JSON object, like { "failOn": "warning" }');
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
        if (!KEYS.includes(key)) fail(`unknown setting "${key}"; the settings are severity, failOn, baseline and files`);
    }
    const dir = dirname(path);
    const config: { -readonly [K in keyof TopoConfig]: TopoConfig[K] } = { file: path, severity: new Map() };
    if (object.severity !== undefined) {
        const severity = object.severity;
        if (severity === null || typeof severity !== 'object' || Array.isArray(severity)) fail('"severity" must be an object: finding code → error, warning, information, hint or off');
        const map = new Map<string, ConfigSeverity>();
        for (const [code, level] of Object.entries(severity as Record<string, unknown>)) {
            if (!isCode(code)) fail(`"severity": "${code}" is not a finding code (see docs/findings/README.md)`);
            if (!CONFIG_SEVERITIES.includes(level as ConfigSeverity)) fail(`"severity"."${code}": ${JSON.stringify(level)} is not one of error, warning, information, hint, off`);
            map.set(code, level as ConfigSeverity);
        }
        config.severity = map;
    }
    if (object.failOn !== undefined) {
        if (!FAIL_ON_VALUES.includes(object.failOn as FailOn)) fail(`"failOn": ${JSON.stringify(object.failOn)} is not one of error, warning, information, never`);
        config.failOn = object.failOn as FailOn;
    }
    if (object.baseline !== undefined) {
        if (typeof object.baseline !== 'string' || object.baseline === '') fail('"baseline" must be the path of a baseline file, relative to the config file');
        config.baseline = resolve(dir, object.baseline as string);
    }
    if (object.files !== undefined) {
        const files = object.files;
        if (!Array.isArray(files) || files.length === 0 || files.some(f => typeof f !== 'string' || f === '')) {
            fail('"files" must be a non-empty list of files or folders, relative to the config file');
        }
        config.files = (files as string[]).map(f => resolve(dir, f));
    }
    return config;
}

/** JSON.parse's complaint, with the line and column of its position. */
function jsonProblem(text: string, error: Error): string {
    const message = error.message.split('\n')[0];
    const match = /at position (\d+)/.exec(message);
    if (!match) return message;
    const before = text.slice(0, Number(match[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${message.replace(/\s*in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
