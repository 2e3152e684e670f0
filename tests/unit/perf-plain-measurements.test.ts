import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/load/document.js';
import { checkDocument } from '../../src/validate/check-document.js';
import { findNonFinite } from '../../src/validate/non-finite.js';
import { plainlyValidMeasurements } from '../../src/validate/plain-measurements.js';
import { validatorFor } from '../../src/validate/schemas.js';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'dossiers-online', 'Dossiers', 'a--b', 'daklak-sgtvt-cchc-2021-2030', '2025', '2025-07', '2025-13', '2025-H3', '1899', '2201-Q1', 'done', 'maybe', 'nan', '.inf'),
  fc.constantFrom('2025-12-14', '2024-02-29', '2025-02-29', '2000-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-1-01', '2025-12-14T00:00:00Z'),
  fc.string({ minLength: 95, maxLength: 105 }),
  fc.string({ minLength: 995, maxLength: 1005 }),
  fc.constant('😀'.repeat(60)),
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, -0, 100, 1899, 1900, 2025, 2200, 2201, 2025.5, 1e300, Number.NaN, Number.POSITIVE_INFINITY));
const scalar = fc.oneof(text, number, fc.constant(null), fc.boolean());
const value = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.constant([1]) });
const status = fc.oneof(value, fc.constantFrom('done', 'in-progress', 'not-started'));

const entry = fc.oneof(
  { weight: 9, arbitrary: fc.record(
    { indicator: value, period: value, value, numerator: value, denominator: value, status, evidence: value, org: value, source: value, note: value, extra: value },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: scalar },
);
/** Mostly well-formed entries, so that both answers are met often. */
const goodEntry = fc.oneof(
  fc.record({ indicator: fc.constantFrom('dossiers-online', 'x'), numerator: fc.nat(), denominator: fc.nat(), org: fc.constantFrom('Xã 0001', 'A') }, { requiredKeys: ['indicator', 'numerator', 'denominator'] }),
  fc.record({ indicator: fc.constant('dossiers-online'), period: fc.constantFrom('2025', '2025-Q1', 2025), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: ['indicator', 'value'] }),
  fc.record({ indicator: fc.constant('one-stop-renewal'), status: fc.constantFrom('done', 'in-progress', 'not-started'), evidence: fc.constant('QĐ 95') }),
);

/** Mostly right, sometimes anything: each field is often what a real file holds. */
const often = <T, U>(good: fc.Arbitrary<T>, other: fc.Arbitrary<U>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: other });
const document = fc.record(
  {
    apiVersion: often(fc.constant('ccp/v1'), value),
    kind: often(fc.constant('Measurements'), value),
    plan: often(fc.constant('daklak-sgtvt-cchc-2021-2030'), text),
    period: often(fc.constantFrom(2025, '2025-H1'), value),
    reported: often(fc.constantFrom('2025-12-14', '2024-02-29'), text),
    source: often(fc.constant('Báo cáo'), value),
    org: often(fc.constant('Xã 0001'), value),
    note: often(fc.constant('ghi chú'), value),
    extra: value,
    measurements: often(fc.array(fc.oneof({ weight: 6, arbitrary: goodEntry }, { weight: 1, arbitrary: entry }), { maxLength: 4 }), value),
  },
  { requiredKeys: ['apiVersion', 'kind', 'measurements'] },
);

describe('the quick check of a whole measurements document', () => {
  it('passes only documents the schema accepts and that hold no NaN or infinity', () => {
    const validate = validatorFor('Measurements');
    let passed = 0;
    fc.assert(
      fc.property(document, (data) => {
        if (!plainlyValidMeasurements(data)) return;
        passed++;
        expect(validate(data)).toBe(true);
        const doc = { file: 'f.yaml', path: '/f.yaml', format: 'yaml', data, locate: () => ({ line: 1, column: 1 }), diagnostics: [] } satisfies SourceDocument;
        expect(findNonFinite(doc, data).pointers.size).toBe(0);
      }),
      { numRuns: 20_000 },
    );
    // The property says nothing if nothing ever passes.
    expect(passed).toBeGreaterThan(100);
  });

  it('passes an ordinary file, and checkDocument then says what the validator would', () => {
    const data = {
      apiVersion: 'ccp/v1',
      kind: 'Measurements',
      plan: 'daklak-sgtvt-cchc-2021-2030',
      period: 2025,
      reported: '2025-12-14',
      source: 'Báo cáo số 685/BC-UBND',
      measurements: [
        { indicator: 'dossiers-e-transfer', org: 'Xã 0001', numerator: 1120, denominator: 1228 },
        { indicator: 'satisfaction-procedures', value: 92.4, period: '2025-H1' },
        { indicator: 'one-stop-renewal', status: 'done', evidence: 'QĐ 95' },
      ],
    };
    expect(plainlyValidMeasurements(data)).toBe(true);
    expect(validatorFor('Measurements')(data)).toBe(true);
    const doc: SourceDocument = { file: 'f.yaml', path: '/f.yaml', format: 'yaml', data, locate: () => ({ line: 1, column: 1 }), diagnostics: [] };
    const check = checkDocument(doc);
    expect(check.schemaValid).toBe(true);
    expect(check.diagnostics).toEqual([]);
    expect(check.rejected).toEqual([]);
  });

  it('leaves to the validator what it does not recognise', () => {
    const base = { apiVersion: 'ccp/v1', kind: 'Measurements', measurements: [{ indicator: 'x', value: 1 }] };
    for (const data of [
      { ...base, reported: '2025-02-29' },
      { ...base, plan: 'Plan' },
      { ...base, period: 2201 },
      { ...base, measurements: [{ indicator: 'x', numerator: 1 }] },
      { ...base, measurements: [{ indicator: 'x' }] },
      { ...base, measurements: [{ indicator: 'x', value: 1, denominator: 2 }] },
      { ...base, measurements: [{ indicator: 'x', value: Number.NaN }] },
      { ...base, measurements: [{ indicator: 'x', value: 'nan' }] },
      { ...base, measurements: [{ indicator: 'x', value: 1, unit: '%' }] },
      { ...base, extra: 1 },
    ]) {
      expect(plainlyValidMeasurements(data)).toBe(false);
    }
  });
});
