import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INVALID = join(ROOT, 'tests/fixtures/invalid');
const MINI = join(ROOT, 'tests/fixtures/plans/mini.yaml');
const BUILT = join(ROOT, 'dist/cli/main.cjs');

interface Expect {
  code: string;
  file: string;
  line: number;
  column?: number;
  exit: number;
  args?: string[];
}

const CASES = ['unknown-indicator', 'csv-stray-quote', 'alias-bomb', 'windows-1258-bytes', 'period-outside-plan', 'period-outside-plan-strict', 'plan-duplicate-target-year'];

describe('ccp validate, the built bin', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
  });

  it.each(CASES)('%s', (name) => {
    const dir = join(INVALID, name);
    const expected = parse(readFileSync(join(dir, 'expect.yaml'), 'utf8')) as Expect;
    const run = runBin(['validate', '--format', 'json', '--plan', MINI, ...(expected.args ?? []), expected.file], { cwd: dir });
    expect(run.code, run.stderr).toBe(expected.exit);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; line: number; column: number; file: string }[] };
    const hit = report.diagnostics.find((d) => d.code === expected.code && d.line === expected.line && d.file === expected.file);
    expect(hit, run.stdout).toBeDefined();
    if (expected.column !== undefined) expect(hit!.column).toBe(expected.column);
  });

  it('validates the shipped plan and the example data with no problems', () => {
    const run = runBin(['validate', 'data'], { cwd: ROOT });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^✔ \d+ files checked, no problems\n$/);
  });

  it('prints GitHub annotations, without colour under NO_COLOR', () => {
    const run = runBin(['validate', '--plan', MINI, '--format', 'github', 'data.yaml'], { cwd: join(INVALID, 'unknown-indicator') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=data\.yaml,line=6,col=16,title=unknown-indicator::unknown indicator 'dossiers-e-transer'/);
    const text = runBin(['validate', '--plan', MINI, 'data.yaml'], { cwd: join(INVALID, 'unknown-indicator') });
    expect(text.stdout).not.toMatch(/\u001b\[/);
    expect(text.stdout).toContain('✖ 1 problem (1 error, 0 warnings) in 1 file');
  });

  it('exits 2 with one line, never a stack trace, when it cannot run', () => {
    const dir = testdir({ 'a.yaml': 'apiVersion: ccp/v1\nkind: Measurements\nmeasurements:\n  - { indicator: dossiers-online, period: 2025, value: 5 }\n' });
    for (const args of [['validate', 'missing.yaml'], ['validate', '--plan', '.', 'a.yaml'], ['validate', '--format', 'sarif', 'a.yaml']]) {
      const run = runBin(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });
});
