import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SPARK_BARS, SPARK_GAP, sparkline } from '../../src/diff/index.js';

describe('sparkline', () => {
  it('scales from the lowest to the highest bar', () => {
    expect(sparkline([0, 7])).toBe('▁█');
    expect(sparkline([10, 20, 30, 40, 50, 60, 70, 80])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([80, 10])).toBe('█▁');
  });
  it('draws a single point or a flat line at mid height', () => {
    expect(sparkline([42])).toBe('▄');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
  });
  it('shows gaps as dots and keeps one character per year', () => {
    expect(sparkline([10, null, 30])).toBe(`▁${SPARK_GAP}█`);
    expect(sparkline([null, 3, null])).toBe(`${SPARK_GAP}▄${SPARK_GAP}`);
    expect(sparkline([null, null])).toBe(SPARK_GAP.repeat(2));
    expect(sparkline([])).toBe('');
  });
  it('treats non-finite numbers as gaps', () => {
    expect(sparkline([Number.NaN, 1, Number.POSITIVE_INFINITY, 2])).toBe(`${SPARK_GAP}▁${SPARK_GAP}█`);
  });
  it('uses a fixed scale when given one, clamping outside it', () => {
    expect(sparkline([0, 0.5, 1], { min: 0, max: 1 })).toBe('▁▅█');
    expect(sparkline([50], { min: 0, max: 100 })).toBe('▅');
    expect(sparkline([-5, 150], { min: 0, max: 100 })).toBe('▁█');
  });
  it('always gives one bar or gap per value, and the extremes at the ends of the scale', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 20 }), (values) => {
        const line = [...sparkline(values)];
        expect(line).toHaveLength(values.length);
        const present = values.filter((v): v is number => v !== null);
        for (const [i, v] of values.entries()) {
          if (v === null) expect(line[i]).toBe(SPARK_GAP);
          else expect(SPARK_BARS).toContain(line[i]);
        }
        if (present.length > 0 && Math.max(...present) > Math.min(...present)) {
          expect(line[values.indexOf(Math.max(...present))]).toBe('█');
          expect(line[values.indexOf(Math.min(...present))]).toBe('▁');
        }
      }),
    );
  });
});
