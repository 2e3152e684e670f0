import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDiff } from '../../src/diff/types.js';
import { runBin } from '../helpers/bin.js';
import { testdir } from '../helpers/testdir.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli/main.cjs', import.meta.url));
const PLAN = ['--plan', 'plans/v1.yaml'];

describe('ccp diff and ccp trend, the built bin', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
  });

  it('diffs an evaluation written by ccp evaluate against a measurement set', () => {
    const evaluated = runBin(['evaluate', 'y2023', ...PLAN, '--as-of', '2023-12-20', '--format', 'json', '--lang', 'en'], { cwd: FIXTURE });
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const dir = testdir({ 'before.json': evaluated.stdout });
    const run = runBin(['diff', join(dir, 'before.json'), 'y2024', ...PLAN, '--as-of', '2024-12-20', '--format', 'json'], { cwd: FIXTURE });
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as EvaluationDiff;
    expect([diff.before.asOf, diff.after.asOf]).toEqual(['2023-12-20', '2024-12-20']);
    expect(diff.changes[0]?.change).toBe('regressed');
  });

  it.each(['vi', 'en'])('--fail-on regressed exits 1 after the table when a target regressed (%s)', (lang) => {
    const worse = runBin(['diff', 'y2023', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', lang, '--fail-on', 'regressed'], { cwd: FIXTURE });
    expect(worse.code).toBe(1);
    expect(worse.stdout).toContain('┌');
    expect(worse.stdout).not.toContain(String.fromCharCode(27));
  });

  it('--fail-on regressed exits 0 when nothing regressed', () => {
    const better = runBin(['diff', 'y2024', 'y2023', ...PLAN, '--as-of', '2024-12-20', '--lang', 'en', '--fail-on', 'regressed'], { cwd: FIXTURE });
    expect(better.code, better.stderr).toBe(0);
  });

  it('diffs two plan versions', () => {
    const run = runBin(['diff', 'plans/v1.yaml', 'plans/v2.yaml', '--lang', 'en'], { cwd: FIXTURE });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('satisfaction@2025');
    expect(run.stdout).toContain('inspections-digital@2025');
    expect(run.stdout).toContain('reports-digital@2025');
  });

  it('a usage mistake exits 2 without a stack trace', () => {
    const run = runBin(['diff', 'y2023', 'y2024', ...PLAN, '--fail-on', 'worse'], { cwd: FIXTURE });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('prints the trend', () => {
    const run = runBin(['trend', 'y2024', ...PLAN, '--as-of', '2024-12-20', '--lang', 'vi'], { cwd: FIXTURE });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('46,5%');
    expect(run.stdout).toMatch(/[▁▂▃▄▅▆▇█]{3}/);
  });
});
