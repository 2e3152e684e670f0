import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import type { Evaluation, Result } from '../../src/model/evaluation.js';
import { checkFiles } from '../../src/validate/index.js';
import { evaluationValidator } from '../fixtures/evaluate/schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The shipped plan with the illustrative data of data/examples, as of 2026-11-27: the
 * statuses docs/plan-encoding.md ("Example data") works out by hand.
 */
describe('the shipped plan and the example data', () => {
  let evaluation: Evaluation;
  const byTarget = (id: string): Result => {
    const result = evaluation.results.find((r) => r.target === id);
    if (result === undefined) throw new Error(`no result for ${id}`);
    return result;
  };

  it('loads without errors and evaluates to a schema-valid report', async () => {
    const check = await checkFiles(['data/examples'], { cwd: root });
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (check.plan === undefined) throw new Error('no plan');
    evaluation = evaluate(check.plan, check.entries, { asOf: '2026-11-27' });
    const validate = evaluationValidator();
    expect(validate(JSON.parse(JSON.stringify(evaluation))) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['legal-framework-staffing@2025', 'met'],
    ['digital-transformation-legal@2025', 'missed'],
    ['modern-institutions@2030', 'on-track'],
    ['restructuring-2030@2030', 'at-risk'],
    ['workforce-standards@2025', 'no-data'],
    ['dossiers-e-transfer@2025', 'met'],
    ['dossiers-online@2025', 'met'],
    ['online-payment-transactions@2025', 'missed'],
    ['results-digitized@2023', 'met'],
    ['results-digitized@2024', 'missed'],
    ['results-digitized@2025', 'met'],
    ['audit-recommendations-resolved@2024', 'missed'],
    ['audit-recommendations-resolved@2026', 'on-track'],
    ['leaders-international-department@2030', 'on-track'],
    ['procedures-online-level34@2030', 'no-data'],
    ['dossiers-fully-online@2030', 'at-risk'],
    ['procedures-online-payment@2030', 'on-track'],
  ])('%s is %s', (target, status) => {
    expect(byTarget(target).status).toBe(status);
  });

  it('pools the divisions of the CSV and keeps their provenance', () => {
    const result = byTarget('dossiers-e-transfer@2025');
    expect(result.actual).toMatchObject({ numerator: 2150 + 4200 + 980, denominator: 2300 + 4600 + 1100, value: 91.63, provisional: false });
    expect(result.actual?.orgs).toHaveLength(3);
    expect(result.actual?.sources.every((s) => s.file.endsWith('by-org-2025.csv'))).toBe(true);
    expect(byTarget('dossiers-online@2025').actual).toMatchObject({ value: 52, provisional: true, period: '2025-H1' });
  });

  it('gainAtLeast holds against the capped previous actual', () => {
    expect(byTarget('results-digitized@2023').required).toBe(72);
    expect(byTarget('results-digitized@2024').required).toBe(95);
    expect(byTarget('results-digitized@2025').required).toBe(100);
  });

  it('progress ratios match the hand computation', () => {
    const ratio = (y0: number, y: number, target: number) => ((y / y0) ** (1 / 3) - 1) / Math.abs((target / y0) ** (1 / 8) - 1);
    expect(byTarget('dossiers-fully-online@2030').progressRatio).toBeCloseTo(ratio(60, 70, 100), 3);
    expect(byTarget('procedures-online-payment@2030').progressRatio).toBeCloseTo(ratio(60, 85, 100), 3);
  });

  it('every status appears', () => {
    for (const count of Object.values(evaluation.summary)) expect(count).toBeGreaterThan(0);
  });
});
