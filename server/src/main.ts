/**
 * The language server: `node out/server.cjs --stdio` (or IPC when started by the VS Code client,
 * or `--socket=PORT` / `--pipe=NAME`); also the `topo-language-server` command. See docs/lsp.md.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startTopoLanguageServer } from './lsp/server.js';

const USAGE = `Usage: topo-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The topo language server (Language Server Protocol). Editors start it; with no option it
talks over stdin/stdout. See docs/lsp.md for editor setup and settings.
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
}

const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;
if (!process.argv.slice(2).some(arg => TRANSPORTS.test(arg))) process.argv.push('--stdio');

startTopoLanguageServer(createConnection(ProposedFeatures.all));
