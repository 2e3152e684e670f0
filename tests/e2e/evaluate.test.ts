import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusLabel } from '../../src/report/i18n.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { runBin } from '../helpers/bin.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/report/cli/', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli/main.cjs', import.meta.url));
const BASE = ['evaluate', 'data', '--plan', 'plan.yaml', '--as-of', '2026-01-10'];

describe('ccp evaluate, the built bin', () => {
  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`prints the table in ${lang} and exits 0`, () => {
      const run = runBin([...BASE, '--lang', lang], { cwd: FIXTURE });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('┌');
      expect(run.stdout).toContain(statusLabel('met', lang));
      expect(run.stdout).toContain(statusLabel('no-data', lang));
      for (const line of run.stdout.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
      expect(run.stdout).not.toContain(String.fromCharCode(27));
    });
  }

  it('exits 1 with --fail-on missed when a target is missed, after printing the table', () => {
    const run = runBin([...BASE, '--lang', 'en', '--fail-on', 'missed'], { cwd: FIXTURE });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(statusLabel('missed', 'en'));
    expect(run.stderr).toContain('missed');
  });

  it('exits 0 with --fail-on missed when nothing shown is missed', () => {
    const run = runBin([...BASE, '--lang', 'en', '--fail-on', 'missed', '--status', 'met'], { cwd: FIXTURE });
    expect(run.code, run.stderr).toBe(0);
  });

  it('exits 2 on a bad option, without a stack trace', () => {
    const run = runBin([...BASE, '--lang', 'en', '--fail-on', 'sometimes'], { cwd: FIXTURE });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ccp: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
