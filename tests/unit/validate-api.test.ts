import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { checkFiles, loadPlan, toPlan } from '../../src/validate/index.js';
import { suggest } from '../../src/validate/suggest.js';
import { testdir } from '../helpers/testdir.js';

const MINI = fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url));
const SHIPPED_IDS = [
  'legal-framework-staffing', 'digital-transformation-legal', 'modern-institutions', 'one-stop-renewal', 'dossiers-e-transfer',
  'procedures-online-payment', 'online-payment-transactions', 'results-digitized', 'level4-services-multichannel',
  'services-on-national-portal', 'dossiers-online', 'satisfaction-procedures', 'satisfaction-procedures-construction',
  'internal-procedures-published', 'no-resubmission', 'procedures-online-level34', 'restructuring-2025', 'restructuring-2030',
  'satisfaction-department', 'workforce-standards', 'workforce-professional', 'leaders-international-department',
  'leaders-international-division', 'audit-recommendations-resolved', 'dossiers-fully-online', 'work-files-online',
  'reports-on-provincial-system', 'inspections-digital', 'online-procedures-reengineered',
];

const head = (extra = '') => `apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\n${extra}measurements:\n`;

describe('toPlan', () => {
  it('normalises refs, splits horizon and requirement, defaults better to higher', () => {
    const data = parse(readFileSync(MINI, 'utf8')) as Record<string, unknown>;
    const plan = toPlan(data, 'mini.yaml');
    expect(plan).toMatchObject({ id: 'mini-plan', version: 1, period: [2021, 2030], reportingYear: { closes: '12-14' }, file: 'mini.yaml' });
    expect(plan.document).toEqual({ number: '1/KH-TEST', date: '2021-12-15', issuer: 'Sở thử nghiệm' });
    const byId = new Map(plan.indicators.map((i) => [i.id, i]));
    expect(byId.get('dossiers-e-transfer')).toMatchObject({ better: 'higher', measure: 'percent', area: 'procedures' });
    expect(byId.get('dossiers-e-transfer')!.targets).toEqual([{ horizon: { by: 2025 }, requirement: { atLeast: 80 }, ref: ['II.2.a'] }]);
    expect(byId.get('dossiers-online')!.targets[0]!.ref).toEqual(['II.2.a', 'II.6.a']);
    expect(byId.get('audit-recommendations-resolved')!.targets[0]).toMatchObject({ horizon: { everyYear: [2022, 2030] }, requirement: { atLeast: 100 } });
    expect(byId.get('one-stop-renewal')!.targets[0]!.requirement).toEqual({ expect: 'done' });
    expect(plan.areas.map((a) => a.id)).toEqual(['procedures', 'e-government']);
  });

  it('keeps every requirement kind, with cap only for gainAtLeast', () => {
    const target = (extra: Record<string, unknown>) => ({ by: 2025, ref: 'x', ...extra });
    const plan = toPlan({
      apiVersion: 'ccp/v1', kind: 'Plan', id: 'p', version: 2, title: 't', document: { number: 'n', date: '2021-01-01' }, period: [2021, 2030],
      areas: [{ id: 'a', title: 't' }],
      indicators: [{
        id: 'i', area: 'a', measure: 'percent', better: 'lower', title: 't', baseline: { period: 2020, value: 12 },
        targets: [
          target({ moreThan: 30 }), target({ atMost: 5, by: 2026 }), target({ lessThan: 4, by: 2027 }),
          target({ between: [25, 35], by: 2028 }), target({ gainAtLeast: 20, cap: 100, by: 2029 }), target({ gainAtLeast: 5, by: 2030 }),
        ],
      }],
    });
    const indicator = plan.indicators[0]!;
    expect(indicator.better).toBe('lower');
    expect(indicator.baseline).toEqual({ period: 2020, value: 12 });
    expect(indicator.targets.map((t) => t.requirement)).toEqual([
      { moreThan: 30 }, { atMost: 5 }, { lessThan: 4 }, { between: [25, 35] }, { gainAtLeast: 20, cap: 100 }, { gainAtLeast: 5 },
    ]);
    expect(plan.reportingYear).toBeUndefined();
  });
});

describe('loadPlan', () => {
  it('loads the shipped plan with no errors when no file is given', async () => {
    const { plan, diagnostics } = await loadPlan(undefined, { cwd: testdir() });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.id).toBe('daklak-sgtvt-cchc-2021-2030');
    expect(plan?.reportingYear).toEqual({ closes: '12-14' });
    const ids = plan!.indicators.map((i) => i.id);
    for (const id of SHIPPED_IDS) expect(ids, id).toContain(id);
  });

  it('returns diagnostics and no plan for a broken plan', async () => {
    const dir = testdir({ 'plan.yaml': readFileSync(MINI, 'utf8').replace('area: e-government', 'area: egov') });
    const { plan, diagnostics } = await loadPlan('plan.yaml', { cwd: dir });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([['plan.yaml', 'unknown-area']]);
  });

  it('refuses a measurements file as a plan', async () => {
    const dir = testdir({ 'm.yaml': `${head()}  - indicator: x\n    value: 1\n` });
    const { plan, diagnostics } = await loadPlan('m.yaml', { cwd: dir });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['unknown-kind', 2]]);
  });

  it('refuses a CSV as a plan', async () => {
    const dir = testdir({ 'm.csv': 'indicator,period,value\ndossiers-online,2025,5\n' });
    const { plan, diagnostics } = await loadPlan('m.csv', { cwd: dir });
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['unknown-kind', 1]]);
  });

  it('throws InputError for a plan that cannot be read', async () => {
    await expect(loadPlan('nope.yaml', { cwd: testdir() })).rejects.toBeInstanceOf(InputError);
  });
});

describe('checkFiles', () => {
  it('applies file defaults, turns YAML periods into strings and derives values from counts', async () => {
    const dir = testdir({
      'a.yaml': `${head('period: 2025\norg: "Phòng A"\nreported: 2025-12-14\nsource: "Báo cáo"\n')}  - indicator: dossiers-online
    numerator: 1
    denominator: 8
  - indicator: dossiers-e-transfer
    period: 2024-H2
    value: 70
    org: "Phòng B"
    note: "ghi chú"
  - indicator: one-stop-renewal
    status: in-progress
    evidence: "QĐ 1"
`,
    });
    const result = await checkFiles(['a.yaml'], { cwd: dir, plan: MINI });
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0 });
    expect(result.files).toEqual(['a.yaml']);
    expect(result.plan?.id).toBe('mini-plan');
    expect(result.entries).toEqual([
      { indicator: 'dossiers-online', period: '2025', numerator: 1, denominator: 8, value: 12.5, org: 'Phòng A', file: 'a.yaml', line: 9 },
      { indicator: 'dossiers-e-transfer', period: '2024-H2', value: 70, org: 'Phòng B', note: 'ghi chú', file: 'a.yaml', line: 12 },
      { indicator: 'one-stop-renewal', period: '2025', status: 'in-progress', evidence: 'QĐ 1', org: 'Phòng A', file: 'a.yaml', line: 17 },
    ]);
    expect(result.measurementFiles).toEqual([{ file: 'a.yaml', plan: 'mini-plan', reported: '2025-12-14', source: 'Báo cáo', entries: result.entries }]);
  });

  it('reads decomposed Vietnamese (NFD) as NFC', async () => {
    const dir = fileURLToPath(new URL('../fixtures/valid/nfd-text/', import.meta.url));
    const result = await checkFiles(['measurements.yaml'], { cwd: dir, plan: MINI });
    expect(result.diagnostics).toEqual([]);
    const orgs = result.entries.map((e) => e.org).filter((org) => org !== undefined);
    expect(orgs).toEqual(['Phòng Quản lý vận tải (NFD)'.normalize('NFC')]);
    expect(orgs[0]).not.toBe(orgs[0]!.normalize('NFD'));
  });

  it('keeps each CSV row line and leaves out rows with errors', async () => {
    const dir = testdir({
      'b.csv': 'indicator,period,value,numerator,denominator\r\ndossiers-online,2025,40,,\r\n\r\nservices-count,2025,abc,,\r\ndossiers-e-transfer,2025-Q1,,3,4\r\n',
    });
    const result = await checkFiles(['b.csv'], { cwd: dir, plan: MINI });
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['wrong-type', 4]]);
    expect(result.entries.map((e) => [e.indicator, e.period, e.value, e.line])).toEqual([
      ['dossiers-online', '2025', 40, 2],
      ['dossiers-e-transfer', '2025-Q1', 75, 5],
    ]);
  });

  it('keeps one of two identical entries, and neither of a clash', async () => {
    const body = `  - indicator: dossiers-online\n    value: 50\n  - indicator: dossiers-online\n    value: 50\n  - indicator: services-count\n    value: 3\n  - indicator: services-count\n    value: 4\n`;
    const dir = testdir({ 'a.yaml': `${head('period: 2025\n')}${body}` });
    const result = await checkFiles(['a.yaml'], { cwd: dir, plan: MINI });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['identical-duplicate', 'warning', 8],
      ['duplicate-entry', 'error', 12],
    ]);
    expect(result.diagnostics[1]!.message).toContain('a.yaml:10');
    // Identical: one copy kept. Clashing: neither is trusted.
    expect(result.entries.map((e) => [e.indicator, e.line])).toEqual([['dossiers-online', 6]]);
  });

  it('does not take two orgs, or two periods, for duplicates', async () => {
    const body = `  - indicator: dossiers-online\n    value: 50\n  - indicator: dossiers-online\n    org: A\n    value: 40\n  - indicator: dossiers-online\n    org: B\n    value: 40\n  - indicator: dossiers-online\n    period: 2025-H1\n    value: 30\n`;
    const result = await checkFiles(['a.yaml'], { cwd: testdir({ 'a.yaml': `${head('period: 2025\n')}${body}` }), plan: MINI });
    expect(result.diagnostics).toEqual([]);
    expect(result.entries).toHaveLength(4);
  });

  it('reports one unknown-plan and does not check the entries against another plan', async () => {
    const dir = testdir({ 'a.yaml': `${head('period: 2025\n').replace('mini-plan', 'other')}  - indicator: nothing-like-it\n    value: 5\n` });
    const result = await checkFiles(['a.yaml'], { cwd: dir, plan: MINI });
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['unknown-plan', 3, 7]]);
  });

  it('names the plan of a CSV without a plan column with planId', async () => {
    const dir = testdir({ 'a.csv': 'indicator,period,value\ndossiers-online,2025,50\n' });
    const ok = await checkFiles(['a.csv'], { cwd: dir, plan: MINI, planId: 'mini-plan' });
    expect(ok.diagnostics).toEqual([]);
    const wrong = await checkFiles(['a.csv'], { cwd: dir, plan: MINI, planId: 'another-plan' });
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(['unknown-plan']);
  });

  it('says "did you mean" for a near miss only', async () => {
    expect(suggest('dossiers-e-transer', SHIPPED_IDS)).toBe('dossiers-e-transfer');
    expect(suggest('numerater', ['value', 'numerator', 'denominator'])).toBe('numerator');
    expect(suggest('Plan', ['Plan', 'Measurements'])).toBeUndefined(); // the same word is no suggestion
    expect(suggest('plan', ['Plan', 'Measurements'])).toBe('Plan');
    expect(suggest('xyz', ['value', 'numerator'])).toBeUndefined();
    expect(suggest('fr', ['vi', 'en'])).toBeUndefined();
  });
});

describe('CSV streams', () => {
  it('checks a CSV longer than any YAML list row by row, handing entries to onEntry', { timeout: 60_000 }, async () => {
    const rows = 100_001;
    const lines = ['indicator,period,org,numerator,denominator'];
    for (let i = 0; i < rows; i++) lines.push(`dossiers-online,2025-${String((i % 12) + 1).padStart(2, '0')},Xã ${Math.floor(i / 12)},${i % 7},7`);
    const dir = testdir({ 'big.csv': `${lines.join('\n')}\n` });
    let seen = 0;
    let last: { line: number; value?: number } | undefined;
    const result = await checkFiles(['big.csv'], { cwd: dir, plan: MINI, onEntry: (entry) => ((seen += 1), (last = entry)) });
    expect(result.diagnostics).toEqual([]);
    expect(seen).toBe(rows);
    expect(result.entries).toEqual([]);
    expect(last?.line).toBe(rows + 1);
    expect(last?.value).toBeCloseTo((((rows - 1) % 7) / 7) * 100, 10);
  });

  it('reports a duplicate row far below its first report', async () => {
    const lines = ['indicator,period,value'];
    for (let year = 2021; year <= 2030; year++) lines.push(`dossiers-online,${year},${year - 2000}`);
    lines.push('dossiers-online,2022,22', 'dossiers-online,2023,99');
    const result = await checkFiles(['a.csv'], { cwd: testdir({ 'a.csv': `${lines.join('\n')}\n` }), plan: MINI });
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['identical-duplicate', 12],
      ['duplicate-entry', 13],
    ]);
    expect(result.diagnostics[1]!.message).toContain('a.csv:4');
    expect(result.entries.map((e) => e.period)).not.toContain('2023');
    expect(result.entries).toHaveLength(9);
  });
});

describe('schema diagnostics', () => {
  const check = async (body: string, extra = 'period: 2025\n') => {
    const result = await checkFiles(['a.yaml'], { cwd: testdir({ 'a.yaml': `${head(extra)}${body}` }), plan: MINI });
    return result.diagnostics.map((d) => [d.code, d.line, d.column]);
  };

  it('reports a misspelt key once, not also the key it hides', async () => {
    expect(await check('  - indicator: dossiers-online\n    valeu: 50\n')).toEqual([['unknown-property', 7, 5]]);
    expect(await check('  - indicator: dossiers-online\n    numerater: 5\n    denominator: 10\n')).toEqual([['unknown-property', 7, 5]]);
  });

  it('reports an entry with nothing to report once', async () => {
    expect(await check('  - indicator: dossiers-online\n')).toEqual([['missing-property', 6, 5]]);
  });

  it('collapses a union of types into one wrong-type', async () => {
    expect(await check('  - indicator: dossiers-online\n    value: 5\n    period: [2025]\n')).toEqual([['invalid-period', 8, 13]]);
    expect(await check('  - indicator: dossiers-online\n    value: 5\n    note: [a]\n')).toEqual([['wrong-type', 8, 11]]);
  });

  it('finds nested problems in plans: both horizons, unknown text language, reversed ranges', async () => {
    const plan = readFileSync(MINI, 'utf8')
      .replace('title: "Dossiers filed online"', 'title: { vi: "x", en: "y", de: "z" }')
      .replace('      - everyYear: [2022, 2030]', '      - everyYear: [2030, 2022]');
    const result = await checkFiles(['plan.yaml'], { cwd: testdir({ 'plan.yaml': plan }) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-property']);
    // Rules run once the schema passes.
    const fixed = await checkFiles(['plan.yaml'], { cwd: testdir({ 'plan.yaml': plan.replace(', de: "z"', '') }) });
    expect(fixed.diagnostics.map((d) => d.code)).toEqual(['invalid-range']);
  });
});

describe('properties', () => {
  const indicators = ['dossiers-online', 'dossiers-e-transfer', 'audit-recommendations-resolved'];
  const periods = ['2022', '2023', '2024', '2025', '2025-H1', '2025-Q3', '2024-07'];
  const entry = fc.record({
    indicator: fc.constantFrom(...indicators),
    period: fc.constantFrom(...periods),
    value: fc.integer({ min: 0, max: 100 }),
  });

  it('finds the same entries and problems however the entries are split across files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), async (entries, parts) => {
        const yaml = (list: typeof entries) =>
          `${head()}${list.map((e) => `  - indicator: ${e.indicator}\n    period: "${e.period}"\n    value: ${e.value}\n`).join('')}`;
        const files: Record<string, string> = {};
        for (let p = 0; p < parts; p++) {
          const list = entries.filter((_, i) => i % parts === p);
          files[`part-${p}.yaml`] = list.length === 0 ? `${head()}  []\n`.replace('measurements:\n  []', 'measurements: []') : yaml(list);
        }
        const whole = await checkFiles(['.'], { cwd: testdir({ 'all.yaml': yaml(entries) }), plan: MINI });
        const split = await checkFiles(['.'], { cwd: testdir(files), plan: MINI });
        const key = (e: { indicator: string; period: string; value?: number }) => `${e.indicator}|${e.period}|${e.value}`;
        expect(split.entries.map(key).sort()).toEqual(whole.entries.map(key).sort());
        const codes = (r: typeof whole) => r.diagnostics.map((d) => `${d.code}`).sort();
        expect(codes(split)).toEqual(codes(whole));
        // Every kept entry is unique per indicator and period.
        expect(new Set(whole.entries.map((e) => `${e.indicator}|${e.period}`)).size).toBe(whole.entries.length);
      }),
      { numRuns: 25 },
    );
  });
});
