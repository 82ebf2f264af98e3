/**
 * The extension-host test suite: `run()` is what `@vscode/test-electron` (and the code-server
 * launcher, through `extensionTestsPath`) calls inside the real extension host. Bundled by
 * test/vscode/build.mjs to out/vscode-test/index.cjs together with mocha, so it needs nothing
 * but `vscode` at run time.
 */
import Mocha from 'mocha';
import { registerExtensionTests } from './extension.itest.js';

export function run(_testsRoot?: string, done?: (error: unknown, failures?: number) => void): Promise<void> {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
    // The bdd interface puts describe/it on the global object; then the suite registers its tests.
    mocha.suite.emit('pre-require', globalThis, 'extension.itest.ts', mocha);
    registerExtensionTests();
    return new Promise<void>((resolve, reject) => {
        mocha.run(failures => {
            done?.(failures > 0 ? new Error(`${failures} extension test(s) failed`) : null, failures);
            if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
            else resolve();
        });
    });
}
