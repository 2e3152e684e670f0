import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainlyValid } from '../../src/validate/check-csv.js';
import { entryValidator } from '../../src/validate/schemas.js';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'dossiers-online', '2025', '2025-07', '2025-13', '2025-H3', '1899', '2201-Q1', '2025-Q4', 'done', 'maybe'),
  fc.string({ minLength: 95, maxLength: 105 }),
  fc.string({ minLength: 995, maxLength: 1005 }),
  fc.constant('😀'.repeat(60)),
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, -0, 100, 1e300, Number.NaN, Number.POSITIVE_INFINITY));
const cell = fc.oneof(text, number);

/** Rows as the CSV reader hands them over: any of the entry's own columns, text or number. */
const row = fc.record(
  {
    indicator: cell,
    period: cell,
    value: cell,
    numerator: cell,
    denominator: cell,
    status: fc.oneof(cell, fc.constantFrom('done', 'in-progress', 'not-started')),
    evidence: cell,
    org: cell,
    source: cell,
    note: cell,
  },
  { requiredKeys: [] },
);

describe('the quick row check of a streamed CSV', () => {
  it('passes only rows the entry schema accepts', () => {
    const validate = entryValidator();
    fc.assert(
      fc.property(row, (values) => {
        if (plainlyValid(values)) expect(validate(values)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('passes the ordinary rows of a large file, so they skip the validator', () => {
    const validate = entryValidator();
    const rows: Record<string, string | number>[] = [
      { indicator: 'dossiers-online', period: '2025-07', org: 'Xã 0001', numerator: 5, denominator: 9 },
      { indicator: 'dossiers-online', period: '2025', value: 80.5 },
      { indicator: 'one-stop-renewal', period: '2025-H1', status: 'done', evidence: 'QĐ 95' },
    ];
    for (const values of rows) {
      expect(validate(values)).toBe(true);
      expect(plainlyValid(values)).toBe(true);
    }
  });
});
