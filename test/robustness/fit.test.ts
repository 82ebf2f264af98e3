/**
 * The preview cuts long text to fit a box (media/src/scene/text.ts `fit`): within the width, with an
 * ellipsis, in linear-free time for 10,000 characters, and never inside a surrogate pair.
 */
import { strict as assert } from 'node:assert';
import { fit, type Measure } from '../../media/src/scene/text.js';
import { HOSTILE } from './hostile-graphs.js';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('robustness: cutting long text to fit', function () {
    let calls = 0;
    const measure: Measure = text => {
        calls++;
        let width = 0;
        for (const ch of text) width += ch.codePointAt(0)! > 0xffff ? 13 : 7;
        return width;
    };

    it('cuts 10,000 characters to the width with an ellipsis, measuring a few dozen times', () => {
        for (const text of [HOSTILE.long, HOSTILE.words, HOSTILE.astral, HOSTILE.rtl.repeat(1000)]) {
            for (let max = 20; max <= 300; max += 7) {
                calls = 0;
                const shown = fit(text, 'body', max, measure);
                assert.ok(shown.endsWith('…'), shown);
                assert.ok(measure(shown, 'body') <= max || shown === '…', `${shown} fits ${max}`);
                assert.ok(text.startsWith(shown.slice(0, -1)));
                assert.ok(calls < 40, `${calls} measurements`);
            }
        }
    });

    it('never cuts between the halves of a surrogate pair', () => {
        for (let max = 10; max <= 400; max++) {
            const shown = fit(HOSTILE.astral, 'body', max, measure);
            assert.ok(!LONE.test(shown), `at ${max}: ${JSON.stringify(shown.slice(-3))}`);
        }
    });

    it('leaves text that fits as it is', () => {
        assert.equal(fit(HOSTILE.script, 'body', 10_000, measure), HOSTILE.script);
    });
});
