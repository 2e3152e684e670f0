import { describe, expect, it } from 'vitest';
import { NameNumbers } from '../../src/util/name-numbers.js';

describe('NameNumbers', () => {
  it('numbers names in the order first seen, the same number every time, in runs or not', () => {
    const numbers = new NameNumbers();
    const asked = ['b.csv', 'b.csv', 'a.yaml', 'b.csv', 'c.yaml', 'a.yaml', 'a.yaml'];
    expect(asked.map((name) => numbers.number(name))).toEqual([0, 0, 1, 0, 2, 1, 1]);
    expect(numbers.names).toEqual(['b.csv', 'a.yaml', 'c.yaml']);
  });
});
