/**
 * Where the project's docs/ is at run time: next to the bundle (out/cli.cjs or out/server.cjs →
 * ../docs, as packaged) or, run from sources, at the project root. Read by the language server
 * (links to docs/findings/<code>.md) and by the CLI (SARIF rules' help from those pages).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function docsFolder(): string {
    if (found !== undefined) return found;
    const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
    const candidates = [join(here, '..', 'docs'), join(here, '..', '..', '..', 'docs')];
    found = candidates.find(c => existsSync(join(c, 'findings'))) ?? candidates[0];
    return found;
}
