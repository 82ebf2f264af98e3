/**
 * Langium's language server, with the server's name and version in the `initialize` result
 * (`serverInfo`), so that editors can show which server they talk to.
 */
import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import packageJson from '../../../package.json' with { type: 'json' };

export class TopoLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        return { ...super.buildInitializeResult(params), serverInfo: { name: 'topo-language-server', version: packageJson.version } };
    }
}
