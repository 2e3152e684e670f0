import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const PLAN_FILE = fileURLToPath(new URL('../../data/plans/daklak-sgtvt-cchc-2021-2030.yaml', import.meta.url));

interface RawTarget {
  by?: number;
  everyYear?: [number, number];
  ref: string | string[];
  [key: string]: unknown;
}
interface RawPlan {
  id: string;
  version: number;
  areas: { id: string; title: { vi: string; en: string } }[];
  indicators: { id: string; area: string; targets: RawTarget[] }[];
}

const plan = parse(readFileSync(PLAN_FILE, 'utf8')) as RawPlan;
const REQUIREMENT_KEYS = ['atLeast', 'moreThan', 'atMost', 'lessThan', 'between', 'gainAtLeast', 'cap', 'expect'];

interface Expected {
  target: string;
  indicator: string;
  area: string;
  year: number;
  ref: string[];
  requirement: Record<string, unknown>;
}

/** Every target the plan file states, read straight from the YAML, one per indicator and year. */
const expected: Expected[] = plan.indicators.flatMap((indicator) =>
  indicator.targets.flatMap((spec) => {
    const [from, to] = spec.everyYear ?? [spec.by ?? 0, spec.by ?? 0];
    const requirement = Object.fromEntries(REQUIREMENT_KEYS.filter((key) => key in spec).map((key) => [key, spec[key]]));
    return Array.from({ length: to - from + 1 }, (_, i) => ({
      target: `${indicator.id}@${from + i}`,
      indicator: indicator.id,
      area: indicator.area,
      year: from + i,
      ref: Array.isArray(spec.ref) ? spec.ref : [spec.ref],
      requirement,
    }));
  }),
);

interface TargetsJson {
  plan: { id: string; version: number; title: unknown };
  targets: Expected[];
}

async function json(args: string[]): Promise<TargetsJson> {
  const run = await runCli(['targets', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as TargetsJson;
}

function pick(targets: readonly Expected[]): Expected[] {
  return targets.map(({ target, indicator, area, year, ref, requirement }) => ({ target, indicator, area, year, ref, requirement }));
}

describe('ccp targets', () => {
  it('lists every target of the plan file as JSON, with its area, year, refs and requirement', async () => {
    const out = await json([]);
    expect(out.plan.id).toBe(plan.id);
    expect(out.plan.version).toBe(plan.version);
    expect(pick(out.targets).sort((a, b) => (a.target < b.target ? -1 : 1))).toEqual(
      [...expected].sort((a, b) => (a.target < b.target ? -1 : 1)),
    );
  });

  it('expands an every-year target into one target per year', async () => {
    const out = await json([]);
    const audit = out.targets.filter((t) => t.indicator === 'audit-recommendations-resolved').map((t) => t.year);
    expect(audit).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it('groups the JSON by area, in the order the plan lists its areas', async () => {
    const out = await json([]);
    const order = plan.areas.map((area) => area.id);
    const seen = out.targets.map((t) => order.indexOf(t.area));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('writes the same JSON whatever the language', async () => {
    const vi = await runCli(['targets', '--format', 'json', '--lang', 'vi']);
    const en = await runCli(['targets', '--format', 'json', '--lang', 'en']);
    expect(vi.stdout).toBe(en.stdout);
  });

  it.each([
    [['--area', 'e-government'], (t: Expected) => t.area === 'e-government'],
    [['--area', 'institutions,public-finance'], (t: Expected) => t.area === 'institutions' || t.area === 'public-finance'],
    [['--area', 'institutions', '--area', 'civil-service'], (t: Expected) => t.area === 'institutions' || t.area === 'civil-service'],
    [['--horizon', '2030'], (t: Expected) => t.year === 2030],
    [['--horizon', '2022,2024'], (t: Expected) => t.year === 2022 || t.year === 2024],
    [['--area', 'procedures', '--horizon', '2025'], (t: Expected) => t.area === 'procedures' && t.year === 2025],
  ])('filters with %j', async (args, keep) => {
    const out = await json(args);
    const want = expected.filter(keep).map((t) => t.target);
    expect(want.length).toBeGreaterThan(0);
    expect(out.targets.map((t) => t.target).sort()).toEqual(want.sort());
  });

  it('gives an empty list, not an error, for a year without targets', async () => {
    const out = await json(['--horizon', '2021']);
    expect(out.targets).toEqual([]);
  });

  it.each(['table', 'md'])('says so in --format %s when no target matches', async (format) => {
    const vi = await runCli(['targets', '--format', format, '--horizon', '2021', '--lang', 'vi']);
    const en = await runCli(['targets', '--format', format, '--horizon', '2021', '--lang', 'en']);
    expect([vi.code, en.code]).toEqual([0, 0]);
    expect(vi.stdout).not.toContain('@');
    expect(vi.stdout).not.toBe(en.stdout);
  });

  it.each(['table', 'md'])('shows every target id in --format %s, in both languages', async (format) => {
    for (const lang of ['vi', 'en']) {
      const run = await runCli(['targets', '--format', format, '--lang', lang]);
      expect(run.code).toBe(0);
      for (const target of expected) expect(run.stdout, `${format} ${lang}`).toContain(target.target);
      for (const area of plan.areas) expect(run.stdout).toContain(area.title[lang as 'vi' | 'en']);
    }
  });

  it('defaults to the table and writes the requirement in words', async () => {
    const run = await runCli(['targets', '--lang', 'en', '--area', 'civil-service']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('25–35%');
    expect(run.stdout).toContain('> 30%');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes the requirement words in Markdown, every-year range included', async () => {
    const run = await runCli(['targets', '--format', 'md', '--lang', 'en', '--area', 'procedures,public-finance']);
    expect(run.stdout).toMatch(/\+20 pts\/yr \(≤ 100%\)/u);
    expect(run.stdout).toContain('every year 2022–2030');
    expect(run.stdout).toContain('II.2.a, II.6.a');
  });

  it.each([
    [['--format', 'csv']],
    [['--format', 'yaml']],
    [['--area', 'procedure']],
    [['--horizon', '25']],
    [['--horizon', 'next-year']],
    [['--lang', 'fr']],
  ])('refuses %j with exit 2 and a message', async (args) => {
    const run = await runCli(['targets', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ccp: /u);
  });

  it('refuses a --plan that does not exist with exit 2', async () => {
    const dir = testdir();
    const run = await runCli(['targets', '--plan', 'missing.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('prints the diagnostics of a plan with errors and exits 1', async () => {
    const broken = readFileSync(PLAN_FILE, 'utf8').replace('- id: modern-institutions', '- id: legal-framework-staffing');
    const dir = testdir({ 'plan.yaml': broken });
    const run = await runCli(['targets', '--plan', 'plan.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('duplicate-id');
    expect(run.stderr).toContain('plan.yaml');
  });

  it('lists the targets of another plan given with --plan', async () => {
    const mini = [
      'apiVersion: ccp/v1',
      'kind: Plan',
      'id: mini',
      'version: 3',
      'title: Mini',
      'document: { number: "1/KH", date: "2024-01-02" }',
      'period: [2024, 2026]',
      'areas: [{ id: only, title: Only }]',
      'indicators:',
      '  - { id: share, area: only, measure: percent, title: Share, targets: [{ by: 2026, atMost: 5, ref: "1.a" }] }',
    ].join('\n');
    const dir = testdir({ 'mini.yaml': mini });
    const run = await runCli(['targets', '--plan', 'mini.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as TargetsJson;
    expect(out.plan).toMatchObject({ id: 'mini', version: 3 });
    expect(pick(out.targets)).toEqual([
      { target: 'share@2026', indicator: 'share', area: 'only', year: 2026, ref: ['1.a'], requirement: { atMost: 5 } },
    ]);
  });

  it('writes --output FILE instead of stdout', async () => {
    const dir = testdir();
    const run = await runCli(['targets', '--format', 'md', '--output', 'targets.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const file = join(dir, 'targets.md');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('dossiers-e-transfer@2025');
  });
});
