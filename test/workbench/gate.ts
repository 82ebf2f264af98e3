/**
 * When the workbench tests run: only under `npm run test:workbench` (which sets TOPO_WORKBENCH=1)
 * and only where code-server is installed (scripts/vscode-offline/install.sh). A plain `npm test`
 * skips them with a message, so it never needs code-server, Chromium or a minute and a half.
 */
import { missingWorkbench } from '../../scripts/vscode-offline/code-server.mjs';

export function workbenchSkipReason(): string | undefined {
    if (!process.env.TOPO_WORKBENCH) return 'runs under `npm run test:workbench` (TOPO_WORKBENCH=1)';
    return missingWorkbench();
}

/** In a mocha `before`: skips the suite, saying why, when the workbench tests cannot or should not run. */
export function skipUnlessWorkbench(context: Mocha.Context, what: string): void {
    const reason = workbenchSkipReason();
    if (reason === undefined) return;
    console.log(`\n    SKIPPED ${what}: ${reason}\n`);
    context.skip();
}
