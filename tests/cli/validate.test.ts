import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const MINI = fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url));
const REPORT_SCHEMA = fileURLToPath(new URL('../../schemas/validation-report.schema.json', import.meta.url));

const GOOD = `apiVersion: ccp/v1
kind: Measurements
plan: mini-plan
period: 2025
measurements:
  - indicator: dossiers-online
    value: 50
`;
const BAD = `apiVersion: ccp/v1
kind: Measurements
plan: mini-plan
period: 2025
measurements:
  - indicator: dossiers-onlin
    value: 50
  - indicator: audit-recommendations-resolved
    value: 150
`;
const WARN = GOOD.replace('period: 2025', 'period: 2032');

interface Report {
  apiVersion: string;
  kind: string;
  files: number;
  summary: { errors: number; warnings: number };
  diagnostics: { file: string; line: number; column: number; severity: string; code: string; path?: string; message: string }[];
}

describe('ccp validate', () => {
  it('passes clean files with exit 0 and a one-line summary', async () => {
    const dir = testdir({ 'a.yaml': GOOD });
    const result = await runCli(['validate', '--plan', MINI, 'a.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ 1 file checked, no problems\n');
    expect(result.stderr).toBe('');
  });

  it('checks the current folder when no path is given', async () => {
    const dir = testdir({ 'data/a.yaml': GOOD, 'data/sub/b.yaml': BAD, 'node_modules/x.yaml': 'not: checked' });
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files).toBe(2);
    expect(report.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['data/sub/b.yaml', 6, 'unknown-indicator'],
      ['data/sub/b.yaml', 9, 'percent-out-of-range'],
    ]);
  });

  it('prints text grouped by file with line:col, severity, message and code', async () => {
    const dir = testdir({ 'b.yaml': BAD, 'c.yaml': WARN });
    const result = await runCli(['validate', '--plan', MINI, 'b.yaml', 'c.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('b.yaml');
    expect(lines[1]).toMatch(/^ +6:16 +error +unknown indicator .* +unknown-indicator$/);
    expect(lines[2]).toMatch(/^ +9:12 +error +.* +percent-out-of-range$/);
    expect(lines).toContain('c.yaml');
    expect(result.stdout).toMatch(/ 4:9 +warning +.* +period-outside-plan\n/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems (2 errors, 1 warning) in 2 files');
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours text only when colour is on', async () => {
    const dir = testdir({ 'b.yaml': BAD });
    const plain = await runCli(['validate', '--plan', MINI, 'b.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/); // NO_COLOR (set by runCli) wins
    const coloured = await runCli(['validate', '--plan', MINI, 'b.yaml'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[31m/);
    const off = await runCli(['validate', '--no-color', '--plan', MINI, 'b.yaml'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
    const file = await runCli(['validate', '--plan', MINI, '--output', 'out.txt', 'b.yaml'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(file.code).toBe(1);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('prints a ValidationReport as JSON, valid against its schema', async () => {
    const dir = testdir({ 'b.yaml': BAD, 'a.yaml': GOOD });
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const validate = new Ajv2020({ strict: true }).compile(JSON.parse(readFileSync(REPORT_SCHEMA, 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ apiVersion: 'ccp/v1', kind: 'ValidationReport', files: 2, summary: { errors: 2, warnings: 0 } });
    expect(report.diagnostics[0]).toMatchObject({ file: 'b.yaml', line: 6, column: 16, severity: 'error', code: 'unknown-indicator', path: '/measurements/0/indicator' });
  });

  it('prints GitHub workflow commands', async () => {
    const dir = testdir({ 'b.yaml': BAD, 'c.yaml': WARN });
    const result = await runCli(['validate', '--plan', MINI, '--format', 'github', 'b.yaml', 'c.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=b\.yaml,line=6,col=16,title=unknown-indicator::unknown indicator/);
    expect(lines[2]).toMatch(/^::warning file=c\.yaml,line=4,col=9,title=period-outside-plan::/);
  });

  it('lets warnings pass, and fail with --strict', async () => {
    const dir = testdir({ 'c.yaml': WARN });
    expect((await runCli(['validate', '--plan', MINI, 'c.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate', '--strict', '--plan', MINI, 'c.yaml'], { cwd: dir })).code).toBe(1);
  });

  it('writes --output whole, and nothing to stdout', async () => {
    const dir = testdir({ 'b.yaml': BAD });
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json', '--output', 'out/report.json', 'b.yaml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2); // the folder out/ does not exist
    mkdirSync(join(dir, 'out'));
    const again = await runCli(['validate', '--plan', MINI, '--format', 'json', '--output', 'out/report.json', 'b.yaml'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as Report;
    expect(report.summary.errors).toBe(2);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it('checks measurements against the plan among the paths that they name', async () => {
    const plan = readFileSync(MINI, 'utf8').replace('id: mini-plan', 'id: other-plan').replace('id: services-count', 'id: services-total');
    const data = GOOD.replace('plan: mini-plan', 'plan: other-plan').replace('dossiers-online', 'services-total');
    const dir = testdir({ 'plan.yaml': plan, 'data.yaml': data, 'mini-data.yaml': GOOD.replace('dossiers-online', 'services-total') });
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json', '.'], { cwd: dir });
    const report = JSON.parse(result.stdout) as Report;
    // data.yaml names other-plan (beside it), which has services-total; mini-data.yaml names mini-plan, which has not.
    expect(report.diagnostics.map((d) => [d.file, d.code])).toEqual([['mini-data.yaml', 'unknown-indicator']]);
    expect(report.files).toBe(3);
  });

  it('uses the shipped plan without --plan', async () => {
    const data = `apiVersion: ccp/v1
kind: Measurements
plan: daklak-sgtvt-cchc-2021-2030
period: 2025
measurements:
  - indicator: dossiers-e-transfer
    numerator: 8120
    denominator: 9000
  - indicator: dossiers-e-transer
    value: 90
`;
    const dir = testdir({ 'data.yaml': data });
    const result = await runCli(['validate', '--format', 'json', 'data.yaml'], { cwd: dir });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnostics.map((d) => [d.line, d.code])).toEqual([[9, 'unknown-indicator']]);
    expect(report.diagnostics[0]!.message).toContain("'dossiers-e-transfer'");
  });

  it('reports a plan file with its own problems without --plan being read', async () => {
    const dir = testdir({ 'plan.yaml': readFileSync(MINI, 'utf8').replace('area: e-government', 'area: egov') });
    const result = await runCli(['validate', '--plan', 'does-not-exist.yaml', '--format', 'json', 'plan.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Report).diagnostics.map((d) => d.code)).toEqual(['unknown-area']);
  });

  it('exits 2 with one line when it cannot run', async () => {
    const dir = testdir({ 'a.yaml': GOOD, 'empty/README.txt': 'no data here' });
    for (const args of [
      ['validate', 'missing.yaml'],
      ['validate', '--plan', MINI, 'empty'],
      ['validate', '--format', 'xml', 'a.yaml'],
      ['validate', '--plan', 'nope.yaml', 'a.yaml'],
      ['validate', '--plan', 'empty', 'a.yaml'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^ccp: [^\n]+\n$/);
    }
  });

  it('reports a __proto__ key without letting it reach any object', async () => {
    const hostile = `${GOOD}    __proto__: { polluted: true }\n    constructor: { prototype: { polluted: true } }\n`;
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json', 'h.yaml'], { cwd: testdir({ 'h.yaml': hostile }) });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    // __proto__, constructor, and the prototype inside it.
    expect(report.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['forbidden-key', 8, 5],
      ['forbidden-key', 9, 5],
      ['forbidden-key', 9, 20],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a YAML file over the size limit without reading it', async () => {
    const dir = testdir();
    const big = `apiVersion: ccp/v1\nkind: Measurements\nnote: "${'x'.repeat(10 * 1024 * 1024)}"\nmeasurements: []\n`;
    writeFileSync(join(dir, 'big.yaml'), big);
    const result = await runCli(['validate', '--plan', MINI, '--format', 'json', 'big.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([['file-too-large', 1]]);
    expect(existsSync(join(dir, 'big.yaml'))).toBe(true);
  });
});
