/**
 * The language server: `node out/server.cjs --stdio` (or IPC when started by the VS Code client).
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createTopoServices } from './language/topo-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createTopoServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
