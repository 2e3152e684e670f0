/**
 * A run loads only the bundles (and node builtins) its files need: each is milliseconds of every
 * start in CI and in pre-commit hooks. These tests run the built command line in a node of its
 * own and read which bundles it loaded (src/cli/cached-require.ts) and which builtins node did.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const PROBE = `
const { join } = require('node:path');
const [root, argv, cwd] = [process.argv[2], JSON.parse(process.argv[3]), process.argv[4]];
const before = new Set(process.moduleLoadList);
const { cachedRequire, loadedBundles } = require(join(root, 'dist/cli/boot.cjs'));
const { run } = cachedRequire(join(root, 'dist/cli/main.cjs'));
let out = '';
const sink = (add) => ({ isTTY: false, write(text) { add(String(text)); return true; } });
run(argv, { stdout: sink((s) => (out += s)), stderr: sink((s) => (out += s)), env: { NO_COLOR: '1' }, cwd }).then((code) => {
  const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice(13));
  process.stdout.write(JSON.stringify({ code, out, bundles: loadedBundles().map((b) => b.file.slice(b.file.lastIndexOf('/') + 1)), builtins }));
});
`;

interface Probe {
  code: number;
  out: string;
  bundles: string[];
  builtins: string[];
}

let probeFile: string;

function probe(argv: string[], cwd = ROOT): Probe {
  // A file, not `node -e`: evaluating a string loads node:module itself.
  const result = spawnSync(process.execPath, [probeFile, ROOT, JSON.stringify(argv), cwd], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Probe;
}

describe('what a run of the built command line loads', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.cjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
    probeFile = join(testdir(), 'probe.cjs');
    writeFileSync(probeFile, PROBE);
  });

  it('a clean CSV: the CSV reader, neither the YAML library, the general file loader nor the schema validators', () => {
    const run = probe(['validate', 'data/examples/by-org-2025.csv', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).summary).toEqual({ errors: 0, warnings: 0 });
    expect(run.bundles).toContain('check-csv.cjs');
    for (const bundle of ['yaml-document.cjs', 'load-file.cjs', 'validators.cjs']) expect(run.bundles).not.toContain(bundle);
  });

  it('a CSV row the schema refuses: the validators, found beside their bundle without node:module', () => {
    const dir = testdir();
    writeFileSync(join(dir, 'bad.csv'), 'indicator,period,value\ndossiers-online,2025,abc\n');
    const run = probe(['validate', 'bad.csv', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([['wrong-type', 2]]);
    expect(run.bundles).toContain('validators.cjs');
    expect(run.builtins).not.toContain('module');
  });

  it("a plan file: its one-line flow collections read without the YAML library; the plan's validator required beside the validators without node:module", () => {
    const run = probe(['validate', 'data/plans', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.bundles).toEqual(expect.arrayContaining(['validators.cjs', 'plan-validator.cjs']));
    expect(run.bundles).not.toContain('yaml-document.cjs');
    expect(run.builtins).not.toContain('module');
  });

  it('the example folder, comments and percentages and all: read without the YAML library', () => {
    const run = probe(['evaluate', 'data/examples', '--as-of', '2026-11-27', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).results.length).toBeGreaterThan(30);
    expect(run.bundles).not.toContain('yaml-document.cjs');
    expect(run.bundles).not.toContain('validators.cjs');
  });
});
