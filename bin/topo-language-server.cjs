#!/usr/bin/env node
// The `topo-language-server` command: the topo language server, over stdin/stdout unless
// --node-ipc, --socket=PORT or --pipe=NAME is given. Editors start it (see docs/lsp.md).
// The server is bundled to out/server.cjs by `npm ci` / `npm run build`.
try {
    require.resolve('../out/server.cjs');
} catch {
    process.stderr.write('topo-language-server: not built yet: run `npm run build` in the topo folder\n');
    process.exit(2);
}
require('../out/server.cjs');
