import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const MINI = join(FIXTURES, 'plans', 'mini.yaml');

interface Expect {
  code?: string;
  severity?: 'error' | 'warning';
  file?: string;
  line?: number;
  column?: number;
  exit: number;
  args?: string[];
  paths?: string[];
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesIn(path) : [path];
    })
    .map((path) => relative(dir, path).split('\\').join('/'));
}

/** Runs one corpus folder through `ccp validate --format json` in-process. */
async function runCase(dir: string, expected: Expect, extra: string[] = []) {
  const args = expected.args ?? [];
  const plan = args.includes('--plan') ? [] : ['--plan', MINI];
  const paths = expected.paths ?? filesIn(dir).filter((f) => f !== 'expect.yaml' && f !== 'README.md');
  return runCli(['validate', '--format', 'json', ...plan, ...args, ...extra, ...paths], { cwd: dir });
}

/** The case folders under `fixtures/<folder>/`; valid/ cases carry no expect.yaml and must pass clean. */
function cases(folder: string): { name: string; dir: string; expected: Expect }[] {
  const root = join(FIXTURES, folder);
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const expectFile = join(dir, 'expect.yaml');
      const expected = existsSync(expectFile) ? (parse(readFileSync(expectFile, 'utf8')) as Expect) : { exit: 0 };
      return { name, dir, expected };
    });
}

const invalid = cases('invalid');

describe('the invalid-file corpus', () => {
  it('holds at least 45 cases, each with an expectation', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(45);
    for (const { name, expected } of invalid) {
      expect(typeof expected.exit, name).toBe('number');
      if (expected.exit !== 2) {
        expect(typeof expected.code, name).toBe('string');
        expect(typeof expected.line, name).toBe('number');
      }
    }
  });

  it.each(invalid)('$name', async ({ dir, expected }) => {
    const result = await runCase(dir, expected);
    expect(result.code, result.stderr + result.stdout).toBe(expected.exit);
    if (expected.exit === 2) {
      // Could not run: one line on stderr, no report, no stack trace.
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^ccp: .+\n$/);
      return;
    }
    const report = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
    expect(report.diagnostics.length).toBeGreaterThan(0);
    const wanted = { code: expected.code, line: expected.line, ...(expected.column === undefined ? {} : { column: expected.column }) };
    const found = report.diagnostics.filter(
      (d) =>
        d.code === expected.code &&
        d.line === expected.line &&
        (expected.column === undefined || d.column === expected.column) &&
        (expected.file === undefined || d.file === expected.file),
    );
    expect(found, `want ${JSON.stringify(wanted)} in ${JSON.stringify(report.diagnostics, null, 1)}`).toHaveLength(1);
    expect(found[0]!.severity).toBe(expected.severity ?? 'error');
  });
});

describe('the valid corpus', () => {
  it.each(cases('valid'))('$name passes with no diagnostics', async ({ dir }) => {
    const result = await runCase(dir, { exit: 0 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { files: number; diagnostics: JsonDiagnostic[] };
    expect(report.diagnostics).toEqual([]);
    expect(report.files).toBeGreaterThan(0);
  });
});
