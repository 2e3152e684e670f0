import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../src/evaluate/index.js';
import type { Entry } from '../../src/model/measurement.js';

const ORGS = [undefined, 'A', 'Xã 2', 'B', ' ', 'Phòng C'];
const PERIODS = ['2025', '2025-H1', '2025-H2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025-01', '2025-07', '2025-12'];

const entries = fc.array(
  fc.record({
    file: fc.constantFrom('b.csv', 'a.csv', 'c.yaml'),
    line: fc.integer({ min: 1, max: 40 }),
    period: fc.constantFrom(...PERIODS),
    org: fc.constantFrom(...ORGS),
    numerator: fc.integer({ min: 0, max: 9 }),
    denominator: fc.integer({ min: 1, max: 9 }),
    valueOnly: fc.boolean(),
  }),
  { maxLength: 40 },
);

function toEntry(e: { file: string; line: number; period: string; org: string | undefined; numerator: number; denominator: number; valueOnly: boolean }): Entry {
  const entry: Entry = { indicator: 'x', period: e.period, file: e.file, line: e.line };
  if (e.valueOnly) entry.value = e.numerator * 10;
  else Object.assign(entry, { numerator: e.numerator, denominator: e.denominator, value: (e.numerator / e.denominator) * 100 });
  if (e.org !== undefined) entry.org = e.org;
  return entry;
}

describe("an actual read from the pool's columns", () => {
  it('has the provenance it has when some group is kept whole', () => {
    fc.assert(
      fc.property(entries, (raw) => {
        const columns = createPool();
        const mixed = createPool();
        for (const e of raw) {
          columns.add(toEntry(e));
          mixed.add(toEntry(e));
        }
        // Another indicator's entry with a note is kept whole: every group is then read through its entry.
        mixed.add({ indicator: 'y', period: '2025', value: 1, note: 'n', file: 'z.yaml', line: 1 });
        for (const measure of ['percent', 'count'] as const) expect(columns.actual('x', 2025, measure)).toEqual(mixed.actual('x', 2025, measure));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts one file read top to bottom as it sorts the same rows arriving in another order', () => {
    fc.assert(
      fc.property(entries, fc.nat(), (raw, seed) => {
        // One file, each row on its own line, in line order: the pool sorts by group number.
        const rows = raw.map((e, i) => toEntry({ ...e, file: 'a.csv', line: i + 2 }));
        const inOrder = createPool();
        for (const row of rows) inOrder.add(row);
        const shuffled = createPool();
        const order = rows.map((row, i) => ({ row, k: (i * 7919 + seed) % 104_729 })).sort((a, b) => a.k - b.k);
        for (const { row } of order) shuffled.add(row);
        for (const measure of ['percent', 'count'] as const) expect(inOrder.actual('x', 2025, measure)).toEqual(shuffled.actual('x', 2025, measure));
      }),
      { numRuns: 500 },
    );
  });
});
