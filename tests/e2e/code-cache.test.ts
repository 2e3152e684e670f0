/**
 * The command line's bundles are loaded with the V8 code cache the build made
 * (src/cli/cached-require.ts). A cache may only ever save time: these tests check that V8
 * takes the caches the build wrote, and that a damaged, foreign, stale or missing cache
 * changes nothing a user sees.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Files are named relative to the working folder: the same one for every copy of the package.
const CWD = join(ROOT, 'data/examples');
const EXAMPLE = 'measurements-2025.yaml';
const EVALUATE = ['evaluate', EXAMPLE, '--as-of', '2026-11-27', '--format', 'json', '--lang', 'en'];

/** Runs ccp in a node of its own through the loader, and says which bundles took their cache. */
const PROBE = `
const { join } = require('node:path');
const { Writable } = require('node:stream');
const [root, argv, cwd] = [process.argv[1], JSON.parse(process.argv[2]), process.argv[3]];
const { cachedRequire, loadedBundles } = require(join(root, 'dist/cli/boot.cjs'));
const { run } = cachedRequire(join(root, 'dist/cli/main.cjs'));
let out = '';
let err = '';
const stream = (add) => Object.assign(new Writable({ write(chunk, _encoding, done) { add(String(chunk)); done(); } }), { isTTY: false });
run(argv, { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env: {}, cwd }).then((code) => {
  process.stdout.write(JSON.stringify({ code, out, err, bundles: loadedBundles().map((b) => ({ name: b.file.slice(b.file.lastIndexOf('/') + 1), accepted: b.cacheAccepted })) }));
});
`;

interface Probe {
  code: number;
  out: string;
  err: string;
  bundles: { name: string; accepted: boolean | null }[];
}

function probe(root: string, argv: string[]): Probe {
  const result = spawnSync(process.execPath, ['-e', PROBE, root, JSON.stringify(argv), CWD], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Probe;
}

/** A copy of the installed package: bin, dist, schemas and the shipped plan. */
function packageCopy(): string {
  const dir = testdir();
  for (const part of ['bin', 'dist', 'schemas', 'data/plans']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  return dir;
}

function runBin(root: string, argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/ccp.cjs'), ...argv], { cwd: CWD, env: { PATH: process.env.PATH, NO_COLOR: '1' }, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let expected: Probe;

describe('code caches of the built command line', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/main.cjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) before the e2e tests');
    expected = probe(ROOT, EVALUATE);
  });

  it('the build wrote one beside each bundle a sample command loads, and V8 takes every one', () => {
    expect(expected.code).toBe(0);
    expect(expected.bundles.map((b) => b.name)).toEqual(expect.arrayContaining(['main.cjs', 'errors.cjs', 'evaluate.cjs']));
    for (const bundle of expected.bundles) expect(bundle, bundle.name).toEqual({ name: bundle.name, accepted: true });
    const validate = probe(ROOT, ['validate', EXAMPLE, '--format', 'json']);
    expect(validate.code).toBe(0);
    expect(validate.bundles.every((b) => b.accepted === true)).toBe(true);
    // A plan's validation: the validators and the plan's own validator.
    const plan = probe(ROOT, ['validate', join(ROOT, 'data/plans'), '--format', 'json']);
    expect(plan.code).toBe(0);
    expect(plan.bundles.map((b) => b.name)).toEqual(expect.arrayContaining(['validators.cjs', 'plan-validator.cjs']));
    for (const bundle of plan.bundles) expect(bundle, bundle.name).toEqual({ name: bundle.name, accepted: true });
  });

  it('a damaged cache is refused by V8 and the report is the same', () => {
    const dir = packageCopy();
    const file = join(dir, 'dist/cli/evaluate.cjs.cache');
    const bytes = readFileSync(file);
    const header = bytes.indexOf(0x0a) + 1;
    // Keep the header (same build), ruin what V8 reads.
    for (let i = header; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 1) & 0xff;
    writeFileSync(file, bytes);
    const damaged = probe(dir, EVALUATE);
    expect(damaged.bundles.find((b) => b.name === 'evaluate.cjs')?.accepted).toBe(false);
    expect(damaged.out).toBe(expected.out);
    expect(damaged.code).toBe(0);
  });

  it("another bundle's cache is refused, and a cache of another build is not even offered", () => {
    const dir = packageCopy();
    cpSync(join(dir, 'dist/cli/evaluate.cjs.cache'), join(dir, 'dist/cli/main.cjs.cache'));
    const errors = join(dir, 'dist/cli/errors.cjs.cache');
    writeFileSync(errors, readFileSync(errors, 'latin1').replace(/^ccp-code-cache [0-9a-z]+/, 'ccp-code-cache 0other0build'), 'latin1');
    const swapped = probe(dir, EVALUATE);
    expect(swapped.bundles.find((b) => b.name === 'main.cjs')?.accepted).toBe(false);
    expect(swapped.bundles.find((b) => b.name === 'errors.cjs')?.accepted).toBe(null);
    expect(swapped.out).toBe(expected.out);
  });

  it('without any cache every command still runs, from the built bin as a user runs it', () => {
    const dir = packageCopy();
    for (const name of readdirSync(join(dir, 'dist/cli'))) if (name.endsWith('.cache')) rmSync(join(dir, 'dist/cli', name));
    const bare = probe(dir, EVALUATE);
    expect(bare.bundles.every((b) => b.accepted === null)).toBe(true);
    expect(bare.out).toBe(expected.out);
    const bin = runBin(dir, EVALUATE);
    expect(bin.code).toBe(0);
    expect(JSON.parse(bin.stdout)).toEqual(JSON.parse(expected.out));
    expect(runBin(dir, ['evaluate', EXAMPLE, '--as-of', '2026-11-27', '--format', 'md', '--lang', 'vi']).code).toBe(0);
  });

  it('an edited bundle runs as edited: its old cache does not bring back the old code', () => {
    const dir = packageCopy();
    const main = join(dir, 'dist/cli/main.cjs');
    const text = readFileSync(main, 'latin1');
    expect(text).toContain('"0.1.0"');
    writeFileSync(main, text.replace('"0.1.0"', '"0.1.0-edited"'), 'latin1');
    const run = runBin(dir, ['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('0.1.0-edited');
  });
});
