import assert from 'node:assert/strict';
import { typedElement } from '../../client/src/typed-element.js';

describe('Simulate Failure…: the element a typed name means', () => {
    const items = [{ label: 'Sites' }, { name: 'kepco-ansan' }, { name: 'ansan' }, { name: 'pangyo' }, { name: 'pangyo-power-room' }];
    const names = (typed: string) => typedElement(items, typed).map(i => i.name);

    it('the element of exactly that name, before one that merely contains it', () => {
        assert.deepEqual(names('ansan'), ['ansan']);
        assert.deepEqual(names(' Pangyo '), ['pangyo']);
    });
    it('else the first whose name starts with it, else the first that contains it', () => {
        assert.deepEqual(names('pangyo-p'), ['pangyo-power-room']);
        assert.deepEqual(names('power'), ['pangyo-power-room']);
    });
    it('nothing for an empty or unmatched text (separators are never taken)', () => {
        assert.deepEqual(names(''), []);
        assert.deepEqual(names('sites'), []);
    });
});
