/**
 * The Node options the language server runs with, wherever it is started: the VS Code client,
 * the LSP tests' client and the editor bench (`scripts/bench/lsp-latency.mjs`) all take them from here.
 *
 * `--max-semi-space-size=64` (MB; Node 20's default is 16): an edit in a large workspace
 * allocates tens of megabytes that live for that edit (the edited file's parse, links, findings,
 * its publish). In 16 MB semi-spaces they are scavenged several times per edit, and what is still
 * in use is copied and promoted to the old generation, whose full collections at 50,000 services
 * mark gigabytes. Measured on 20,000 services (docs/bench.md, "50,000 services in the editor"):
 * about a quarter of the scavenges, 40 % less time in them, the server's CPU per edit lower.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=64'];
