/**
 * The CLI's topo.json: `--config FILE`, or the nearest topo.json from the working directory
 * upwards. A config that cannot be read or is wrong is bad usage: exit 2, one line.
 */
import { relative } from 'node:path';
import { isFindingCode } from '../analysis/findings/codes.js';
import { ConfigError, findConfigFile, readConfig, type TopoConfig } from '../node/topo-config.js';
import { UsageError } from './usage-error.js';

export function loadConfig(explicit: string | undefined, cwd = process.cwd()): TopoConfig | undefined {
    const found = explicit === undefined ? findConfigFile(cwd) : undefined;
    const file = explicit ?? (found === undefined ? undefined : relative(cwd, found));
    if (file === undefined) return undefined;
    try {
        return readConfig(file, isFindingCode);
    } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
    }
}
