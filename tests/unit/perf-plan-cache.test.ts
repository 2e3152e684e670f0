import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testdir } from '../helpers/testdir.js';
import type { EmbeddedPlan } from '../../src/plan-cache/embedded-plan-type.js';
import { planFromEmbedded } from '../../src/plan-cache/shipped-plan.js';
import { loadPlan } from '../../src/validate/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GENERATED = join(ROOT, 'src/plan-cache/generated/embedded-plan.js');
const PLAN_FILE = join(ROOT, 'data/plans/daklak-sgtvt-cchc-2021-2030.yaml');
const DIST = join(ROOT, 'dist');

let embedded: EmbeddedPlan;

describe('the shipped plan embedded by the build', () => {
  beforeAll(async () => {
    if (!existsSync(GENERATED)) throw new Error('src/plan-cache/generated/ is missing: run `node scripts/build.mjs` (npm test does) first');
    const module = (await import(pathToFileURL(GENERATED).href)) as { EMBEDDED_PLAN?: EmbeddedPlan };
    if (module.EMBEDDED_PLAN === undefined) throw new Error('the build did not embed the shipped plan');
    embedded = module.EMBEDDED_PLAN;
  });

  it('is the plan the sources load from the YAML file, field for field', async () => {
    const loaded = await loadPlan(undefined, { cwd: ROOT });
    expect(loaded.diagnostics).toEqual([]);
    const bytes = readFileSync(PLAN_FILE);
    expect(readFileSync(join(DIST, embedded.yaml)).equals(bytes)).toBe(true);
    const plan = planFromEmbedded(bytes, DIST, embedded);
    expect(plan).toBeDefined();
    expect({ ...plan, file: loaded.plan?.file }).toStrictEqual(loaded.plan);
  });

  it('is not used for bytes that differ by a single character, nor when none was embedded', () => {
    const text = readFileSync(PLAN_FILE, 'utf8');
    const edited = text.replace('atLeast: 80', 'atLeast: 81');
    expect(edited).not.toBe(text);
    expect(planFromEmbedded(Buffer.from(edited), DIST, embedded)).toBeUndefined();
    expect(planFromEmbedded(Buffer.from(`${text}\n`), DIST, embedded)).toBeUndefined();
    expect(planFromEmbedded(Buffer.from(text), DIST, undefined)).toBeUndefined();
  });

  it('gives a fresh plan each time: a caller changing one cannot change the next', () => {
    const bytes = readFileSync(PLAN_FILE);
    const first = planFromEmbedded(bytes, DIST, embedded)!;
    first.indicators.length = 0;
    expect(planFromEmbedded(bytes, DIST, embedded)!.indicators.length).toBeGreaterThan(0);
  });
});

/** Runs a copy of the bin, from an empty folder, as a user would. */
function runBinAt(bin: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: testdir(),
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the installed package: the bundle finds its plan by walking up from dist/. */
function packageCopy(edit?: (plan: string) => string): string {
  const dir = testdir();
  for (const part of ['bin', 'dist', 'schemas', 'data/plans']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  if (edit !== undefined) {
    const file = join(dir, 'data/plans/daklak-sgtvt-cchc-2021-2030.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return join(dir, 'bin/ccp.cjs');
}

type TargetRow = { target: string; requirement: Record<string, unknown> };

function requirementOf(stdout: string, target: string): Record<string, unknown> | undefined {
  return (JSON.parse(stdout) as { targets: TargetRow[] }).targets.find((t) => t.target === target)?.requirement;
}

describe('the built bin with its shipped plan', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.cjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) first');
  });

  it('reads an edited plan file: the copy made at build time does not mask it', () => {
    const bin = packageCopy((plan) => plan.replace('atLeast: 80\n        ref: "II.2.a"', 'atLeast: 83\n        ref: "II.2.a"'));
    const edited = runBinAt(bin, ['targets', '--format', 'json']);
    expect(edited.stderr).toBe('');
    expect(edited.code).toBe(0);
    expect(requirementOf(edited.stdout, 'dossiers-e-transfer@2025')).toEqual({ atLeast: 83 });
    const shipped = runBinAt(packageCopy(), ['targets', '--format', 'json']);
    expect(shipped.code).toBe(0);
    expect(requirementOf(shipped.stdout, 'dossiers-e-transfer@2025')).toEqual({ atLeast: 80 });
  });

  it('reports a broken plan file instead of using the copy made at build time', () => {
    const run = runBinAt(packageCopy((plan) => plan.replace('apiVersion: ccp/v1', 'apiVersion: ccp/v9')), ['targets', '--format', 'json']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown-api-version');
  });

  it('gives the same report from the embedded plan as from the YAML read and validated', () => {
    const fixture = join(ROOT, 'bench/fixtures/measurements-2025.yaml');
    const args = ['evaluate', fixture, '--as-of', '2026-11-27', '--format', 'json', '--lang', 'en'];
    const cached = runBinAt(packageCopy(), args);
    // The same bytes under another name: a --plan file is always read and validated.
    const dir = testdir({ 'plan.yaml': readFileSync(PLAN_FILE) });
    const read = runBinAt(join(ROOT, 'bin/ccp.cjs'), [...args, '--plan', join(dir, 'plan.yaml')]);
    expect(cached.stderr).toBe('');
    expect(cached.code).toBe(0);
    expect(read.code).toBe(0);
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(read.stdout));
  });
});
