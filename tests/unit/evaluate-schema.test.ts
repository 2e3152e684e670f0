import { describe, expect, it } from 'vitest';
import { evaluate, REMARKS } from '../../src/evaluate/index.js';
import { STATUSES } from '../../src/model/evaluation.js';
import { count, entry, makePlan, milestone, percent } from '../fixtures/evaluate/build.js';
import { evaluationSchema, evaluationValidator } from '../fixtures/evaluate/schema.js';

describe('schemas/evaluation.schema.json', () => {
  it('has the stable id and draft', () => {
    expect(evaluationSchema.$id).toBe('urn:ccp:schema:evaluation:v1');
    expect(evaluationSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists exactly the statuses and remarks the code knows', () => {
    expect(evaluationSchema.$defs.status?.enum).toEqual([...STATUSES]);
    const result = evaluationSchema.$defs.result?.properties as { remarks: { items: { enum: string[] } } };
    expect(result.remarks.items.enum).toEqual([...REMARKS]);
  });

  it('accepts what evaluate() produces, in every kind of result', () => {
    const plan = makePlan(
      [
        percent('p', [
          { horizon: { by: 2024 }, requirement: { atLeast: 80 } },
          { horizon: { by: 2030 }, requirement: { atLeast: 95 } },
        ], { baseline: { period: 2021, value: 0 } }),
        percent('g', [{ horizon: { everyYear: [2022, 2026] }, requirement: { gainAtLeast: 20, cap: 100 } }]),
        percent('b', [{ horizon: { by: 2030 }, requirement: { between: [25, 35] } }]),
        percent('u', [{ horizon: { by: 2024 }, requirement: { moreThan: 30 } }]),
        count('c', [{ horizon: { by: 2025 }, requirement: { atMost: 3 } }], { better: 'lower' }),
        count('l', [{ horizon: { by: 2026 }, requirement: { lessThan: 3 } }], { better: 'lower' }),
        milestone('m', 2024),
        milestone('n', 2030),
      ],
      { reportingYear: { closes: '12-14' } },
    );
    const entries = [
      entry({ indicator: 'p', period: '2024', org: 'A', numerator: 8120, denominator: 9000, note: 'n', evidence: 'e' }),
      entry({ indicator: 'p', period: '2024', org: 'B', numerator: 1, denominator: 3 }),
      entry({ indicator: 'p', period: '2025-Q1', numerator: 1, denominator: 3 }),
      entry({ indicator: 'p', period: '2025-H1', numerator: 2, denominator: 3 }),
      entry({ indicator: 'g', period: '2022', value: 40 }),
      entry({ indicator: 'g', period: '2023', value: 61 }),
      entry({ indicator: 'g', period: '2025', value: 90 }),
      entry({ indicator: 'b', period: '2023', value: 10 }),
      entry({ indicator: 'b', period: '2024', value: 20 }),
      entry({ indicator: 'u', period: '2024', org: 'A', value: 10 }),
      entry({ indicator: 'u', period: '2024', org: 'B', value: 50 }),
      entry({ indicator: 'c', period: '2024-03', value: 1 }),
      entry({ indicator: 'c', period: '2024-04', value: 1 }),
      entry({ indicator: 'm', period: '2024-H1', status: 'in-progress' }),
      entry({ indicator: 'n', period: '2025', status: 'not-started' }),
    ];
    const evaluation = evaluate(plan, entries, { asOf: '2025-12-20' });
    const validate = evaluationValidator();
    const valid = validate(JSON.parse(JSON.stringify(evaluation)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const statuses = new Set(evaluation.results.map((r) => r.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    expect(evaluation.results.some((r) => r.remarks !== undefined)).toBe(true);
  });

  it('rejects a result without a status', () => {
    const plan = makePlan([percent('p', [{ horizon: { by: 2024 }, requirement: { atLeast: 80 } }])]);
    const evaluation = JSON.parse(JSON.stringify(evaluate(plan, [], { asOf: '2025-01-01' }))) as { results: Record<string, unknown>[] };
    delete evaluation.results[0]?.status;
    expect(evaluationValidator()(evaluation)).toBe(false);
  });
});
