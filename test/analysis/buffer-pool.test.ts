import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Analysis, analyzeFindings, BufferPool, compileModel } from '../../server/src/analysis/index.js';
import { modelsBetween } from '../property/arbitrary-model.js';
import { KAKAO } from './kakao.js';

describe('analysis: down sets from a pool of reused arrays', () => {
    it('gives the same findings as fresh arrays, analysis after analysis', () => {
        const pool = new BufferPool();
        let previous: Analysis | undefined;
        // models of the same size reuse the same arrays: what the language server does on each edit
        fc.assert(fc.property(modelsBetween(20, 20), gm => {
            const cm = compileModel(gm.model);
            const pooled = new Analysis(cm, { pool });
            previous?.retire();
            previous = pooled;
            assert.deepEqual(pooled.findings(), analyzeFindings(compileModel(gm.model)));
        }), { numRuns: 100, seed: 11 });
    });

    it('answers no reports once retired, and its paths no longer read the reused arrays', () => {
        const pool = new BufferPool();
        const first = new Analysis(compileModel(KAKAO), { pool });
        const talk = first.service('talk');
        assert.ok(talk && talk.spofs.includes('pangyo'));
        first.retire();
        assert.equal(first.service('auth'), undefined);
        const second = new Analysis(compileModel({ elements: [] }), { pool });
        void second;
        // the report built before retiring still explains its SPOF (by simulating instead)
        assert.equal(talk.paths['pangyo'].at(-1)?.element, 'pangyo');
    });
});
