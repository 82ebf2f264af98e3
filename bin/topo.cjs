#!/usr/bin/env node
// The `topo` command. The CLI is bundled to out/cli.cjs by `npm ci` / `npm run build`.
try {
    require.resolve('../out/cli.cjs');
} catch {
    process.stderr.write('topo: not built yet: run `npm run build` in the topo folder\n');
    process.exit(2);
}
require('../out/cli.cjs');
