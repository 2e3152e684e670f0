import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvaluationDiff, PlanDiff } from '../../src/diff/types.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));
const ESC = String.fromCharCode(27);
const PLAN = ['--plan', 'plans/v1.yaml'];

function diffIn(args: string[], cwd = FIXTURE) {
  return runCli(['diff', ...args], { cwd });
}

async function diffJson<D>(args: string[], cwd = FIXTURE): Promise<D> {
  const run = await diffIn([...args, '--format', 'json', '--lang', 'en'], cwd);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as D;
}

function kinds(diff: { changes: { target: string; change: string }[] }): Record<string, string> {
  return Object.fromEntries(diff.changes.map((c) => [c.target, c.change]));
}

/** An evaluation JSON written by `ccp evaluate --format json`, in a temporary folder. */
async function evaluationFile(data: string, asOf: string): Promise<string> {
  const run = await runCli(['evaluate', data, ...PLAN, '--as-of', asOf, '--format', 'json', '--lang', 'en'], { cwd: FIXTURE });
  expect(run.code, run.stderr).toBe(0);
  return join(testdir({ 'evaluation.json': run.stdout }), 'evaluation.json');
}

describe('ccp diff: two measurement sets', () => {
  // Worked by hand from the fixtures (progress ratio, DESIGN.md), as of 2024-12-20:
  // satisfaction 80 → 88 (2023) is on track for 90 by 2025; 80 → 82 (2024) is off track.
  // permits 400 → 700 is on track for 1000; 400 → 650 over two years is at risk.
  // one-stop: in progress → done, on track both times. reports-digital: the same data.
  it('judges both sets with the same plan and as-of date and lists regressions first', async () => {
    const diff = await diffJson<EvaluationDiff>(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20']);
    expect(diff).toMatchObject({ kind: 'Diff', compares: 'evaluations', notes: [] });
    expect(diff.before.asOf).toBe('2024-12-20');
    expect(diff.after.asOf).toBe('2024-12-20');
    expect(kinds(diff)).toEqual({
      'satisfaction@2025': 'regressed',
      'satisfaction@2030': 'regressed',
      'permits-issued@2025': 'regressed',
      'dossiers-online@2025': 'changed',
      'one-stop@2025': 'changed',
      'reports-digital@2025': 'unchanged',
    });
    expect(diff.changes.slice(0, 3).every((c) => c.change === 'regressed')).toBe(true);
    expect(diff.changes.find((c) => c.target === 'one-stop@2025')).toMatchObject({
      before: { status: 'on-track', milestone: 'in-progress' },
      after: { status: 'on-track', milestone: 'done' },
    });
    expect(diff.summary).toEqual({ regressed: 3, improved: 0, changed: 2, added: 0, removed: 0, unchanged: 1 });
  });

  it('reads a comma-separated list of files as one set', async () => {
    const diff = await diffJson<EvaluationDiff>(['y2024/2022.yaml,y2024/2023.yaml', 'y2023', ...PLAN, '--as-of', '2024-12-20']);
    expect(diff.changes.every((c) => c.change === 'unchanged')).toBe(true);
    expect(diff.changes).toHaveLength(6);
  });

  it('--fail-on regressed exits 1 after the report when a target regressed, 0 when none did', async () => {
    const worse = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en', '--fail-on', 'regressed']);
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('satisfaction@2025');
    expect(worse.stderr).toContain('satisfaction@2025');
    const better = await diffIn(['y2024', 'y2023', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en', '--fail-on', 'regressed']);
    expect(better.code, better.stderr).toBe(0);
    expect(better.stdout).toContain('improved');
  });

  it('without --fail-on, regressions do not change the exit code', async () => {
    const run = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en']);
    expect(run.code).toBe(0);
  });

  it('a side with errors prints its diagnostics and no diff, exit 1', async () => {
    const run = await diffIn(['y2023', 'bad', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('numerator-exceeds-denominator');
    expect(run.stderr).toContain('bad/2024.yaml');
  });
});

describe('ccp diff: evaluation files', () => {
  it('compares an evaluation JSON with a measurement set, each with its own as-of date', async () => {
    const before = await evaluationFile('y2023', '2023-12-20');
    const diff = await diffJson<EvaluationDiff>([before, 'y2024', ...PLAN, '--as-of', '2024-12-20']);
    expect(diff.before.asOf).toBe('2023-12-20');
    expect(diff.after.asOf).toBe('2024-12-20');
    expect(diff.changes).toHaveLength(6);
    expect(kinds(diff)['satisfaction@2025']).toBe('regressed');
  });

  it('compares two evaluation JSON files of different as-of dates', async () => {
    const before = await evaluationFile('y2023', '2023-12-20');
    const after = await evaluationFile('y2024', '2024-12-20');
    const diff = await diffJson<EvaluationDiff>([before, after, ...PLAN]);
    expect([diff.before.asOf, diff.after.asOf]).toEqual(['2023-12-20', '2024-12-20']);
    expect(kinds(diff)['permits-issued@2025']).toBe('regressed');
  });

  it('shows a percent delta in percentage points, translated', async () => {
    // dossiers-online is due in 2025: judged as of 2025-12-20, 2025 has no value on either side,
    // so use the every-year view instead: the values of 2024 against 2023 come from evaluations
    // whose own-year values exist, built here by hand.
    const make = (value: number) =>
      JSON.stringify({
        apiVersion: 'ccp/v1',
        kind: 'Evaluation',
        plan: { id: 'diff-mini', version: 1 },
        asOf: '2025-12-20',
        summary: {},
        results: [{ target: 'dossiers-online@2025', status: 'missed', actual: { value }, progressRatio: null }],
      });
    const dir = testdir({ 'a.json': make(42), 'b.json': make(46.5) });
    const en = await diffIn(['a.json', 'b.json', '--plan', join(FIXTURE, 'plans/v1.yaml'), '--lang', 'en', '--format', 'md'], dir);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('42% → 46.5%');
    expect(en.stdout).toContain('+4.5 pp');
    const vi = await diffIn(['a.json', 'b.json', '--plan', join(FIXTURE, 'plans/v1.yaml'), '--lang', 'vi', '--format', 'md'], dir);
    expect(vi.stdout).toContain('42% → 46,5%');
    expect(vi.stdout).toContain('+4,5 đ.p.');
  });

  it('says so when the evaluations belong to different plan versions', async () => {
    const dir = testdir({
      'a.json': JSON.stringify({ apiVersion: 'ccp/v1', kind: 'Evaluation', plan: { id: 'diff-mini', version: 1 }, asOf: '2024-12-20', summary: {}, results: [] }),
      'b.json': JSON.stringify({ apiVersion: 'ccp/v1', kind: 'Evaluation', plan: { id: 'diff-mini', version: 2 }, asOf: '2024-12-20', summary: {}, results: [] }),
    });
    const diff = await diffJson<EvaluationDiff>(['a.json', 'b.json', '--plan', join(FIXTURE, 'plans/v1.yaml')], dir);
    expect(diff.notes).toEqual(['different-plan-versions']);
  });

  it.each([
    ['{ not json', 'JSON'],
    ['{"apiVersion":"ccp/v1","kind":"ValidationReport"}', 'Evaluation'],
    ['{"apiVersion":"ccp/v1","kind":"Evaluation","plan":{"id":"x","version":1},"asOf":"2024-01-01","results":[{"target":"a@2025","status":"great"}]}', 'status'],
    ['[]', 'object'],
  ])('a JSON file that is not an evaluation (%s) is an input error, exit 2', async (text, word) => {
    const dir = testdir({ 'x.json': text });
    const run = await diffIn(['x.json', join(FIXTURE, 'y2023'), '--plan', join(FIXTURE, 'plans/v1.yaml'), '--as-of', '2024-12-20'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('x.json');
    expect(run.stderr).toContain(word);
    expect(run.stdout).toBe('');
  });
});

describe('ccp diff: two plans', () => {
  it('lists the changed, added and removed targets of plan v1 → v2', async () => {
    const diff = await diffJson<PlanDiff>(['plans/v1.yaml', 'plans/v2.yaml']);
    expect(diff).toMatchObject({
      compares: 'plans',
      before: { plan: { id: 'diff-mini', version: 1 }, asOf: null },
      after: { plan: { id: 'diff-mini', version: 2 }, asOf: null },
    });
    expect(diff.changes.find((c) => c.target === 'satisfaction@2025')).toEqual({
      target: 'satisfaction@2025',
      before: { requirement: { atLeast: 90 }, horizon: { by: 2025 }, ref: ['II.2.b'] },
      after: { requirement: { atLeast: 92 }, horizon: { by: 2025 }, ref: ['II.2.b'] },
      change: 'changed',
      delta: 2,
      fields: ['requirement'],
    });
    expect(kinds(diff)).toEqual({
      'satisfaction@2025': 'changed',
      'inspections-digital@2025': 'added',
      'reports-digital@2025': 'removed',
      'dossiers-online@2025': 'unchanged',
      'satisfaction@2030': 'unchanged',
      'one-stop@2025': 'unchanged',
      'permits-issued@2025': 'unchanged',
    });
    expect(diff.changes.map((c) => c.change).slice(0, 3)).toEqual(['changed', 'added', 'removed']);
  });

  it('refuses a plan on one side and data on the other (exit 2)', async () => {
    const run = await diffIn(['plans/v1.yaml', 'y2024', '--as-of', '2024-12-20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plan');
  });
});

describe('ccp diff: options and output', () => {
  it.each([
    [['--format', 'csv'], 'format'],
    [['--fail-on', 'missed'], 'fail-on'],
    [['--lang', 'fr'], 'lang'],
  ])('%j is a usage error (exit 2)', async (args, word) => {
    const run = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(word);
    expect(run.stdout).toBe('');
  });

  it('a side without measurement files is a usage error (exit 2)', async () => {
    const empty = testdir({ 'notes.txt': 'nothing here' });
    const run = await diffIn(['y2023', empty, ...PLAN, '--as-of', '2024-12-20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no measurement files');
  });

  it('a side that does not exist is an input error (exit 2)', async () => {
    const run = await diffIn(['y2023', 'nowhere', ...PLAN, '--as-of', '2024-12-20']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nowhere');
  });

  it('prints a table without colour under NO_COLOR, no line wider than 100, in both languages', async () => {
    for (const lang of ['en', 'vi']) {
      const run = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', lang]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain(ESC);
      for (const line of run.stdout.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
      // a transition too wide for its column breaks after the arrow
      expect(run.stdout).toMatch(lang === 'en' ? /on track →\s.*off track/s : /Đúng tiến độ →\s.*Chậm tiến độ/s);
    }
  });

  it('--output writes the report to a file', async () => {
    const dir = testdir();
    const run = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en', '--format', 'md', '--output', join(dir, 'diff.md')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'diff.md'), 'utf8')).toContain('satisfaction@2025');
  });
});

describe('ccp diff: golden Markdown', () => {
  it.each(['en', 'vi'])('two measurement sets (%s)', async (lang) => {
    const run = await diffIn(['y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', lang, '--format', 'md']);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`../golden/diff-evaluations.${lang}.md`);
  });

  it.each(['en', 'vi'])('two plan versions (%s)', async (lang) => {
    const run = await diffIn(['plans/v1.yaml', 'plans/v2.yaml', '--lang', lang, '--format', 'md']);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`../golden/diff-plans.${lang}.md`);
  });
});
