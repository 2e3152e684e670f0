import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';

const BUILT = fileURLToPath(new URL('../../dist/cli/main.cjs', import.meta.url));
const PLAN_FILE = fileURLToPath(new URL('../../data/plans/daklak-sgtvt-cchc-2021-2030.yaml', import.meta.url));

describe('the built bin: targets and template', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
  });

  it('lists the shipped plan as JSON from any folder, one target per indicator and year', () => {
    const plan = parse(readFileSync(PLAN_FILE, 'utf8')) as { indicators: { id: string; targets: { by?: number; everyYear?: [number, number] }[] }[] };
    const count = plan.indicators.reduce(
      (sum, indicator) => sum + indicator.targets.reduce((n, t) => n + (t.everyYear ? t.everyYear[1] - t.everyYear[0] + 1 : 1), 0),
      0,
    );
    const run = runBin(['targets', '--format', 'json'], { cwd: testdir() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { plan: { id: string }; targets: { target: string }[] };
    expect(out.plan.id).toBe('daklak-sgtvt-cchc-2021-2030');
    expect(out.targets.length).toBe(count);
  });

  it('prints a Vietnamese table without colour under NO_COLOR', () => {
    const run = runBin(['targets', '--lang', 'vi', '--area', 'civil-service']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Cải cách chế độ công vụ');
    expect(run.stdout).toContain('leaders-international-division@2030');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 2 on a bad --format, with one line and no stack trace', () => {
    const run = runBin(['targets', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/u);
  });

  it('writes a template that, filled in, passes validate', () => {
    const dir = testdir();
    const made = runBin(['template', '--period', '2026', '--output', 'bc-2026.yaml'], { cwd: dir });
    expect(made.code).toBe(0);
    const file = join(dir, 'bc-2026.yaml');
    const filled = readFileSync(file, 'utf8')
      .replace(/^(\s+)numerator:/gmu, '$1numerator: 9')
      .replace(/^(\s+)denominator:/gmu, '$1denominator: 10')
      .replace(/^(\s+)value:/gmu, '$1value: 93')
      .replace(/^(\s+)status:/gmu, '$1status: done');
    writeFileSync(file, filled);
    const checked = runBin(['validate', 'bc-2026.yaml'], { cwd: dir });
    expect(checked.stderr + checked.stdout).not.toMatch(/error/u);
    expect(checked.code).toBe(0);
  });
});
