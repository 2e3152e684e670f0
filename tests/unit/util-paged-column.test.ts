import { describe, expect, it } from 'vitest';
import { pagedFloat64, pagedInt32, pagedUint8 } from '../../src/util/paged-column.js';

describe('a paged column', () => {
  it('keeps every number across page boundaries and reads unset places as 0', () => {
    const column = pagedFloat64();
    const places = [0, 1, 65_535, 65_536, 65_537, 200_000, 1_000_003];
    places.forEach((n, i) => column.set(n, i + 0.5));
    places.forEach((n, i) => expect(column.get(n)).toBe(i + 0.5));
    expect(column.get(2)).toBe(0);
    expect(column.get(5_000_000)).toBe(0);
  });

  it('stores as its number type does', () => {
    const small = pagedUint8();
    small.set(70_000, 300);
    expect(small.get(70_000)).toBe(300 & 0xff);
    const signed = pagedInt32();
    signed.set(3, -1);
    expect(signed.get(3)).toBe(-1);
  });
});
