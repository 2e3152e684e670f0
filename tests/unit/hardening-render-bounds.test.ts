/**
 * A plan's texts may be as long as the schema allows (10,000 characters): every terminal table
 * must still be drawn in bounded time and size, with colour or without (found by fuzzing: a
 * title of one 10,000-character word took minutes to draw).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const MINI = readFileSync(fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url)), 'utf8');
const LONG = 'x'.repeat(10_000);
const WORDS = 'từ '.repeat(3_333);
const PLAN = MINI.replace('title: "Dossiers filed online"', `title: { vi: "${LONG}", en: "${WORDS}" }`)
  .replace('title: "Online services"', `title: "${WORDS}"`)
  .replace('title: { vi: "Chính quyền điện tử", en: "E-government" }', `title: "${LONG}"`);
const data = (year: number, value: number) =>
  `apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\nperiod: ${year}\nmeasurements:\n  - indicator: dossiers-online\n    value: ${value}\n  - indicator: services-count\n    value: ${value * 2}\n`;

const COMMANDS = [
  ['evaluate', 'a.yaml', 'b.yaml'],
  ['trend', 'a.yaml', 'b.yaml'],
  ['targets'],
  ['diff', 'a.yaml', 'b.yaml'],
];

describe('terminal tables with the longest texts a plan may hold', () => {
  const dir = testdir({ 'plan.yaml': PLAN, 'a.yaml': data(2024, 40), 'b.yaml': data(2025, 60) });

  beforeAll(async () => {
    // The first run compiles the schemas: not what is timed here.
    await runCli(['validate', 'a.yaml', '--plan', 'plan.yaml'], { cwd: dir });
  }, 60_000);

  for (const color of [false, true]) {
    for (const lang of ['vi', 'en']) {
      it.each(COMMANDS)(`%s (${lang}, ${color ? 'colour' : 'no colour'}) draws a bounded table quickly`, async (...args) => {
        const started = performance.now();
        const run = await runCli([...args, '--plan', 'plan.yaml', '--as-of', '2026-11-27', '--lang', lang], {
          cwd: dir,
          env: color ? { NO_COLOR: '', FORCE_COLOR: '1' } : {},
        });
        const elapsed = performance.now() - started;
        expect(run.code, run.stderr).toBe(0);
        // Linear work takes well under a second here; the quadratic drawing took minutes.
        expect(elapsed).toBeLessThan(10_000);
        // A cell is cut after a few lines: the table stays readable, the JSON keeps the whole text.
        expect(run.stdout.split('\n').length).toBeLessThan(300);
      }, 120_000);
    }
  }
});
