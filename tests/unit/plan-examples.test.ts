import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/index.js';
import type { Evaluation, Status } from '../../src/model/evaluation.js';
import { checkFiles } from '../../src/validate/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLES = `${ROOT}data/examples`;
const AS_OF = '2026-11-27';

/**
 * What each target of the example data must get on 27 November 2026, worked out by hand in
 * docs/plan-encoding.md ("Example data"), progress ratios included.
 */
const EXPECTED: Record<string, { status: Status; ratio?: number; provisional?: boolean }> = {
  'legal-framework-staffing@2025': { status: 'met' },
  'digital-transformation-legal@2025': { status: 'missed' },
  'modern-institutions@2030': { status: 'on-track' },
  'one-stop-renewal@2025': { status: 'met' },
  'dossiers-e-transfer@2025': { status: 'met' },
  'procedures-online-payment@2025': { status: 'met' },
  'procedures-online-payment@2030': { status: 'on-track', ratio: 1.87 },
  'online-payment-transactions@2025': { status: 'missed' },
  'online-payment-transactions@2030': { status: 'off-track', ratio: 0.52 },
  'results-digitized@2022': { status: 'met' },
  'results-digitized@2023': { status: 'met' },
  'results-digitized@2024': { status: 'missed' },
  'results-digitized@2025': { status: 'met' },
  'level4-services-multichannel@2025': { status: 'met' },
  'services-on-national-portal@2025': { status: 'met' },
  'services-on-national-portal@2030': { status: 'on-track', ratio: 1.19 },
  'dossiers-online@2025': { status: 'met', provisional: true },
  'satisfaction-procedures@2025': { status: 'met' },
  'satisfaction-procedures@2030': { status: 'on-track', ratio: 1.25 },
  'satisfaction-procedures-construction@2025': { status: 'missed' },
  'satisfaction-procedures-construction@2030': { status: 'at-risk', ratio: 0.83 },
  'internal-procedures-published@2025': { status: 'met' },
  'no-resubmission@2025': { status: 'no-data' },
  'procedures-online-level34@2030': { status: 'no-data' },
  'restructuring-2025@2025': { status: 'met' },
  'restructuring-2030@2030': { status: 'at-risk' },
  'satisfaction-department@2025': { status: 'met' },
  'satisfaction-department@2030': { status: 'on-track', ratio: 1.58 },
  'workforce-standards@2025': { status: 'no-data' },
  'workforce-professional@2030': { status: 'on-track' },
  'leaders-international-department@2030': { status: 'on-track' },
  'leaders-international-division@2030': { status: 'off-track', ratio: 0.24 },
  'audit-recommendations-resolved@2022': { status: 'met' },
  'audit-recommendations-resolved@2023': { status: 'met' },
  'audit-recommendations-resolved@2024': { status: 'missed' },
  'audit-recommendations-resolved@2025': { status: 'met' },
  'audit-recommendations-resolved@2026': { status: 'on-track' },
  'dossiers-fully-online@2025': { status: 'missed' },
  'dossiers-fully-online@2030': { status: 'at-risk', ratio: 0.8 },
  'work-files-online@2025': { status: 'met' },
  'work-files-online@2030': { status: 'on-track', ratio: 1.48 },
  'reports-on-provincial-system@2025': { status: 'met' },
  'inspections-digital@2025': { status: 'missed' },
  'inspections-digital@2030': { status: 'off-track', ratio: 0.23 },
  'online-procedures-reengineered@2025': { status: 'missed' },
};

async function evaluateExamples(): Promise<Evaluation> {
  const checked = await checkFiles([EXAMPLES], { cwd: ROOT });
  expect(checked.diagnostics).toEqual([]);
  if (checked.plan === undefined) throw new Error('the example data found no plan');
  return evaluate(checked.plan, checked.entries, { asOf: AS_OF });
}

describe('the example data', () => {
  it('marks every file as illustrative, and every YAML file names its schema', () => {
    const files = readdirSync(EXAMPLES);
    expect(files.some((name) => name.endsWith('.csv'))).toBe(true);
    for (const name of files) {
      const text = readFileSync(`${EXAMPLES}/${name}`, 'utf8');
      expect(text, name).toMatch(/minh họa/u);
      if (name.endsWith('.yaml')) {
        expect(text.split('\n')[0], name).toBe('# yaml-language-server: $schema=../../schemas/measurements.schema.json');
        expect(text, name).toMatch(/[Ii]llustrative figures, not official/u);
      }
    }
  });

  it('passes validation without a diagnostic', async () => {
    const checked = await checkFiles([EXAMPLES], { cwd: ROOT });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.entries.length).toBeGreaterThan(40);
  });

  it('gives each target the status worked out by hand, as of 2026-11-27', async () => {
    const evaluation = await evaluateExamples();
    const got = Object.fromEntries(evaluation.results.map((r) => [r.target, r.status]));
    const want = Object.fromEntries(Object.entries(EXPECTED).map(([target, e]) => [target, e.status]));
    expect(got).toEqual(want);
  });

  it('gives the progress ratios computed by hand (to two decimals)', async () => {
    const evaluation = await evaluateExamples();
    for (const result of evaluation.results) {
      const ratio = EXPECTED[result.target]?.ratio;
      if (ratio === undefined) continue;
      expect(result.progressRatio, result.target).not.toBeNull();
      expect(result.progressRatio ?? Number.NaN, result.target).toBeCloseTo(ratio, 2);
    }
  });

  it('produces every status and uses a part-year entry', async () => {
    const evaluation = await evaluateExamples();
    for (const status of ['met', 'missed', 'on-track', 'at-risk', 'off-track', 'no-data'] as const) {
      expect(evaluation.summary[status], status).toBeGreaterThan(0);
    }
    const provisional = evaluation.results.filter((r) => r.actual?.provisional === true).map((r) => r.target);
    expect(provisional).toEqual(Object.keys(EXPECTED).filter((target) => EXPECTED[target]?.provisional === true));
  });

  it('pools the CSV breakdown by org from its counts', async () => {
    const evaluation = await evaluateExamples();
    const pooled = evaluation.results.find((r) => r.target === 'dossiers-e-transfer@2025');
    expect(pooled?.actual?.numerator).toBe(2150 + 4200 + 980);
    expect(pooled?.actual?.denominator).toBe(2300 + 4600 + 1100);
    expect(pooled?.actual?.orgs?.length).toBe(3);
  });
});
