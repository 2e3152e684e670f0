/**
 * The bundles draw the terminal table with cli-table3 as the build adjusts it
 * (scripts/build.mjs: the preview of a cell kept for a debug message is cut cheaply, and
 * cli-table3 measures with ccp's own visibleWidth in place of string-width). Neither change may
 * show: the built bin and the built library must draw, byte for byte, the table the sources
 * draw with cli-table3 as published.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import { runBin } from '../helpers/bin.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIBRARY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const AS_OF = '2026-11-27';
const ARGS = ['evaluate', 'data/examples', '--as-of', AS_OF];

describe('the terminal table, bundled', () => {
  beforeAll(() => {
    if (!existsSync(LIBRARY)) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
  });

  for (const lang of ['en', 'vi'] as const) {
    for (const color of [false, true]) {
      it(`the bin prints the sources' table (${lang}, ${color ? 'colour' : 'no colour'})`, async () => {
        const env = color ? { NO_COLOR: '', FORCE_COLOR: '1' } : { NO_COLOR: '1' };
        const built = runBin([...ARGS, '--lang', lang], { cwd: ROOT, env });
        const direct = await runCli([...ARGS, '--lang', lang], { cwd: ROOT, env });
        expect(built.code, built.stderr).toBe(0);
        expect(direct.code, direct.stderr).toBe(0);
        expect(built.stdout.includes('\u001b[')).toBe(color);
        expect(built.stdout).toContain('┌');
        expect(built.stdout).toBe(direct.stdout);
      });
    }
  }

  it("the library draws the sources' table at every width, in colour and without", async () => {
    const library = (await import(pathToFileURL(LIBRARY).href)) as typeof source;
    const check = await source.checkFiles(['data/examples'], { cwd: ROOT });
    expect(check.summary.errors).toBe(0);
    const evaluation = source.evaluate(check.plan!, check.entries, { asOf: AS_OF });
    let tables = 0;
    for (const lang of ['en', 'vi'] as const) {
      for (const color of [false, true]) {
        for (const width of [40, 64, 80, 100, 132, 200]) {
          const options = { lang, color, plan: check.plan!, width };
          const expected = source.renderEvaluation('table', evaluation, options);
          expect(library.renderEvaluation('table', evaluation, options), `${lang} ${color} ${width}`).toBe(expected);
          if (expected.includes('┌')) tables++;
        }
      }
    }
    // Most widths draw the table itself, not the narrow list.
    expect(tables).toBeGreaterThanOrEqual(16);
  });
});
