import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeOrder } from '../../src/diff/order.js';

describe('mergeOrder', () => {
  it('slots targets found only before just after their predecessor', () => {
    expect(mergeOrder(['a', 'b', 'c', 'd'], ['a', 'c', 'e'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mergeOrder(['x', 'a'], ['a', 'b'])).toEqual(['x', 'a', 'b']);
    expect(mergeOrder([], ['a'])).toEqual(['a']);
    expect(mergeOrder(['a'], [])).toEqual(['a']);
  });

  it('lists every id of both sides exactly once and keeps the after order', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'.split('')), { maxLength: 12 });
    fc.assert(
      fc.property(ids, ids, (before, after) => {
        const merged = mergeOrder(before, after);
        expect(new Set(merged)).toEqual(new Set([...before, ...after]));
        expect(merged).toHaveLength(new Set([...before, ...after]).size);
        expect(merged.filter((id) => after.includes(id))).toEqual(after);
      }),
    );
  });

  it('keeps the before order too when both sides list shared ids in the same order', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'.split('')), { maxLength: 14 });
    fc.assert(
      fc.property(ids, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }), (all, inBefore, inAfter) => {
        const before = all.filter((_, i) => inBefore[i]);
        const after = all.filter((_, i) => inAfter[i]);
        const merged = mergeOrder(before, after);
        expect(merged.filter((id) => before.includes(id))).toEqual(before);
      }),
    );
  });
});
