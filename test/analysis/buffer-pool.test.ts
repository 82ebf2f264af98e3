import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Analysis, analyzeFindings, BufferPool, compileModel, releaseArrays } from '../../server/src/analysis/index.js';
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

describe('analysis: the buffer pool', () => {
    it('hands an array given back out again, zeroed, for the same kind and length only', () => {
        const pool = new BufferPool();
        const a = pool.int32(8);
        a.fill(7);
        pool.release(a);
        assert.notEqual(pool.float64(8) as unknown, a, 'another kind');
        assert.notEqual(pool.int32(9), a, 'another length');
        const again = pool.int32(8);
        assert.equal(again, a);
        assert.deepEqual([...again], new Array(8).fill(0));
        assert.notEqual(pool.int32(8), a, 'handed out once');
    });

    it('keeps at most its byte budget, dropping the lengths asked for least recently', () => {
        const pool = new BufferPool(1024);
        // a model that grew: arrays of its old size fill the pool
        for (let i = 0; i < 4; i++) pool.release(new Float64Array(32)); // 4 × 256 bytes
        assert.equal(pool.bytes, 1024);
        const fresh = new Float64Array(40); // 320 bytes: the old ones make room
        pool.release(fresh);
        assert.ok(pool.bytes <= 1024, `${pool.bytes} bytes kept`);
        assert.equal(pool.float64(40), fresh, 'the new size is kept');
        const huge = new Float64Array(200); // 1,600 bytes: more than the whole budget
        pool.release(huge);
        assert.notEqual(pool.float64(200), huge, 'an array over the budget is not kept');
    });

    it('gives back every typed array of a compiled model, and a compilation from them matches a fresh one', () => {
        const pool = new BufferPool();
        const first = compileModel(KAKAO, { arrays: pool });
        releaseArrays(pool, first);
        assert.ok(pool.bytes > 0);
        const second = compileModel(KAKAO, { arrays: pool });
        const { stamp: s1, basis: b1, ...fresh } = compileModel(KAKAO);
        const { stamp: s2, basis: b2, ...pooled } = second;
        void s1; void b1; void s2; void b2;
        assert.deepEqual(pooled, fresh);
    });
});
