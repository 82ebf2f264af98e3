/**
 * The in-extension-host mocha suite (test/vscode/suite, bundled to out/vscode-test/index.cjs by
 * test/vscode/build.mjs), run inside the real workbench through code-server and Chromium by
 * scripts/vscode-offline/run-suite.mjs. Its own output (the spec reporter) is printed as it runs.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEFAULT_TESTS, runSuite } from '../../scripts/vscode-offline/run-suite.mjs';
import { skipUnlessWorkbench } from './gate.js';

describe('the extension-host suite in code-server', function () {
    this.timeout(360_000);

    before(function () {
        skipUnlessWorkbench(this, 'the extension-host suite');
    });

    it('passes (test/vscode/suite, through scripts/vscode-offline/run-suite.mjs)', async () => {
        assert.ok(existsSync(DEFAULT_TESTS), `${DEFAULT_TESTS} is built: run node test/vscode/build.mjs`);
        const { code } = await runSuite({ write: text => process.stdout.write(text.replace(/^(?=.)/gm, '      ')) });
        assert.equal(code, 0, 'the extension-host suite failed: see its output above');
    });
});
