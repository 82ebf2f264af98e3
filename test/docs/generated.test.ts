/**
 * What is derived from the project's tables stays derived: `npm run generate` would change
 * nothing (package.json's severity settings, the docs' findings tables and keyword list, the
 * TextMate keywords), and every finding code has its page in docs/findings/.
 */
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_CODE_LIST } from '../../server/src/analysis/findings/codes.js';
import { generate } from '../../scripts/generate.js';
import { PROJECT_ROOT } from '../helpers/run-topo.js';

describe('generated from the tables', () => {
    it('is up to date (npm run generate changes nothing)', () => {
        assert.deepEqual(generate(true), []);
    });

    it('has one page in docs/findings/ per finding code, and no other', () => {
        const pages = readdirSync(join(PROJECT_ROOT, 'docs', 'findings')).filter(f => f.endsWith('.md') && f !== 'README.md');
        assert.deepEqual(pages.map(p => p.replace(/\.md$/, '')).sort(), [...FINDING_CODE_LIST].sort());
    });
});
