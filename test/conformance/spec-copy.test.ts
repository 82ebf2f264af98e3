/**
 * The repository's copy of the conformance cases (test/fixtures/conformance/) is the product
 * spec's suite, file for file and byte for byte, so that a change to the spec's cases shows up
 * here. The spec's suite lives outside the repository: `shared/conformance/` next to the
 * checkout, or the folder `TOPO_SPEC_CONFORMANCE` names; where there is none (CI), the check is
 * skipped with a message.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFORMANCE_DIR } from '../helpers/conformance-cases.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';

const SPEC_CONFORMANCE = process.env.TOPO_SPEC_CONFORMANCE ?? join(PROJECT_ROOT, '..', 'shared', 'conformance');

/** Every file under `dir`, by its path relative to `dir`, in name order. */
function filesUnder(dir: string): string[] {
    const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
        .flatMap(e => e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)]);
    return walk(dir).map(file => relative(dir, file).split('\\').join('/')).sort();
}

describe('conformance: the repository\'s copy of the spec\'s cases', function () {
    before(function () {
        if (!existsSync(SPEC_CONFORMANCE)) {
            console.log(`    (no ${SPEC_CONFORMANCE}: skipping the comparison of test/fixtures/conformance with the spec's cases)`);
            this.skip();
        }
    });

    it('holds the same files as the spec\'s suite', () => {
        assert.deepEqual(filesUnder(CONFORMANCE_DIR), filesUnder(SPEC_CONFORMANCE),
            `copy ${SPEC_CONFORMANCE} to test/fixtures/conformance again`);
    });

    it('with the same contents', () => {
        const differ = filesUnder(SPEC_CONFORMANCE)
            .filter(path => existsSync(join(CONFORMANCE_DIR, path)))
            .filter(path => !readFileSync(join(CONFORMANCE_DIR, path)).equals(readFileSync(join(SPEC_CONFORMANCE, path))));
        assert.deepEqual(differ, [], `these files differ from the spec's: copy ${SPEC_CONFORMANCE} to test/fixtures/conformance again`);
    });
});
