import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvNumber } from '../../src/load/csv-number.js';

describe('parseCsvNumber', () => {
  it.each([
    ['80', ';', 80],
    ['80,5', ';', 80.5],
    ['1.200,5', ';', 1200.5],
    ['12.345.678', ';', 12345678],
    ['80.5', ';', 80.5],
    ['0.125', ';', 0.125],
    ['1,200.5', ';', 1200.5],
    ['-3,25', ';', -3.25],
    ['80.5', ',', 80.5],
    ['1.200', ',', 1.2],
    ['1,200.5', ',', 1200.5],
    ['1.200,5', ',', 1200.5],
    ['12.345.678', ',', 12345678],
    ['+7', ',', 7],
  ] as const)('reads %s with %s as separator', (cell, separator, expected) => {
    expect(parseCsvNumber(cell, separator)).toEqual({ kind: 'number', value: expected });
  });

  it('says a ;-file 1.200 could be 1200 or 1.2', () => {
    const result = parseCsvNumber('1.200', ';');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' && result.readings).toEqual([1200, 1.2]);
  });

  it('says a comma inside a number in a ,-file is ambiguous', () => {
    const decimal = parseCsvNumber('80,5', ',');
    expect(decimal.kind === 'ambiguous' && decimal.readings).toEqual([80.5]);
    const grouped = parseCsvNumber('1,200', ',');
    expect(grouped.kind === 'ambiguous' && grouped.readings).toEqual([1200, 1.2]);
  });

  it.each(['abc', 'NaN', 'Infinity', '-Infinity', '1e3', '', '1.2.3', '1,2,3', '12.34.567', '1.', ',5', '80%', '1 200', '1.200,5,6'])(
    'leaves %j as text',
    (cell) => {
      expect(parseCsvNumber(cell, ';')).toEqual({ kind: 'text' });
      expect(parseCsvNumber(cell, ',').kind).not.toBe('number');
    },
  );

  it('reads back any decimal written with a decimal comma in a ;-file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const written = `${whole},${String(cents).padStart(2, '0')}`;
        expect(parseCsvNumber(written, ';')).toEqual({ kind: 'number', value: Number(`${whole}.${String(cents).padStart(2, '0')}`) });
      }),
    );
  });

  it('reads back any integer written with thousands dots in a ;-file when it has two dots or more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const written = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        expect(parseCsvNumber(written, ';')).toEqual({ kind: 'number', value: n });
      }),
    );
  });
});
