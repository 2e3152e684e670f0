/**
 * Every named limit of `LIMITS`, through the whole check (load, schema, rules): a file at the
 * limit passes, a file just over it gets the limit's own code. The CSV row limit (fifty
 * million) is narrowed for the test; the same code path reads it. SECURITY.md documents each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/document.js';
import { loadFile } from '../../src/load/index.js';
import { resolveLimits } from '../../src/load/limits.js';
import { checkFiles } from '../../src/validate/index.js';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINI = join(ROOT, 'tests/fixtures/plans/mini.yaml');
const HEAD = 'apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\nperiod: 2025\n';
const ENTRY = '  - indicator: dossiers-online\n    value: 50\n';

async function check(files: Record<string, string>) {
  const dir = testdir(files);
  const result = await checkFiles(Object.keys(files), { cwd: dir, plan: MINI });
  return { result, codes: result.diagnostics.map((d) => d.code) };
}

/** A valid measurements file of exactly `bytes` bytes: one entry, then comment lines. */
function yamlOfSize(bytes: number): string {
  const head = `${HEAD}measurements:\n${ENTRY}`;
  const line = `#${'x'.repeat(98)}\n`;
  let text = head + line.repeat(Math.floor((bytes - head.length) / line.length) - 1);
  text += `#${'y'.repeat(bytes - Buffer.byteLength(text) - 2)}\n`;
  return text;
}

describe('LIMITS, at and over', () => {
  it('has the documented values', () => {
    expect(LIMITS).toMatchObject({
      maxYamlBytes: 10 * 1024 * 1024,
      maxAliasCount: 100,
      maxDepth: 64,
      maxStringLength: 10_000,
      maxCsvRows: 50_000_000,
      maxDiagnosticsPerCode: 1_000,
    });
    // What every load runs under unless a caller narrows it.
    expect(resolveLimits()).toEqual({ ...LIMITS });
  });

  it(`maxYamlBytes: a file of ${LIMITS.maxYamlBytes} bytes passes, one byte more is file-too-large`, async () => {
    const at = yamlOfSize(LIMITS.maxYamlBytes);
    expect(Buffer.byteLength(at)).toBe(LIMITS.maxYamlBytes);
    const passing = await check({ 'data.yaml': at });
    expect(passing.result.diagnostics).toEqual([]);
    expect(passing.result.entries).toHaveLength(1);
    const over = await check({ 'data.yaml': `${at}#` });
    expect(over.codes).toEqual(['file-too-large']);
    expect(over.result.diagnostics[0]).toMatchObject({ file: 'data.yaml', line: 1, column: 1 });
  }, 60_000);

  it(`maxAliasCount: an anchor and ${LIMITS.maxAliasCount - 1} aliases (${LIMITS.maxAliasCount} nodes) pass, one more alias is alias-limit`, async () => {
    const file = (aliases: number) =>
      `${HEAD}source: &s "Báo cáo số 1"\nmeasurements:\n` +
      Array.from({ length: aliases }, (_, i) => `  - indicator: dossiers-online\n    org: "Xã ${i}"\n    value: 50\n    source: *s\n`).join('');
    const passing = await check({ 'data.yaml': file(LIMITS.maxAliasCount - 1) });
    expect(passing.result.diagnostics).toEqual([]);
    expect(passing.result.entries.every((entry) => entry.source === 'Báo cáo số 1')).toBe(true);
    const over = await check({ 'data.yaml': file(LIMITS.maxAliasCount) });
    expect(over.codes).toEqual(['alias-limit']);
    // At the first alias, the place to look.
    expect(over.result.diagnostics[0]!.line).toBe(10);
  });

  it(`maxDepth: ${LIMITS.maxDepth} levels of nesting are read, ${LIMITS.maxDepth + 1} are too-deep`, async () => {
    // The root mapping, the measurements list and the entry are three levels; the note nests the rest.
    const file = (depth: number) => {
      const inner = depth - 3;
      return `${HEAD}measurements:\n  - indicator: dossiers-online\n    value: 50\n    note: ${'['.repeat(inner)}x${']'.repeat(inner)}\n`;
    };
    const dir = testdir({ 'at.yaml': file(LIMITS.maxDepth), 'over.yaml': file(LIMITS.maxDepth + 1) });
    const at = await loadFile('at.yaml', { cwd: dir });
    expect(at.diagnostics).toEqual([]);
    expect(at.data).toBeDefined();
    const over = await loadFile('over.yaml', { cwd: dir });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    expect(over.diagnostics[0]!.line).toBe(8);
    // Through the whole check: the deep note is the wrong type at the limit, too deep over it.
    expect((await check({ 'data.yaml': file(LIMITS.maxDepth) })).codes).not.toContain('too-deep');
    expect((await check({ 'data.yaml': file(LIMITS.maxDepth + 1) })).codes).toContain('too-deep');
  });

  it(`maxStringLength in YAML: a note of ${LIMITS.maxStringLength} characters passes, one more is string-too-long`, async () => {
    const file = (length: number) => `${HEAD}measurements:\n${ENTRY}    note: "${'ệ'.repeat(length)}"\n`;
    const passing = await check({ 'data.yaml': file(LIMITS.maxStringLength) });
    expect(passing.result.diagnostics).toEqual([]);
    expect(passing.result.entries[0]!.note).toHaveLength(LIMITS.maxStringLength);
    const over = await check({ 'data.yaml': file(LIMITS.maxStringLength + 1) });
    expect(over.codes).toContain('string-too-long');
    expect(over.result.diagnostics.find((d) => d.code === 'string-too-long')).toMatchObject({ line: 8, column: 11 });
  });

  it(`maxStringLength in CSV: a cell of ${LIMITS.maxStringLength} characters passes, one more is string-too-long`, async () => {
    const file = (length: number) => `indicator,period,value,note,plan\ndossiers-online,2025,50,${'a'.repeat(length)},mini-plan\n`;
    const passing = await check({ 'data.csv': file(LIMITS.maxStringLength) });
    expect(passing.result.diagnostics).toEqual([]);
    const over = await check({ 'data.csv': file(LIMITS.maxStringLength + 1) });
    expect(over.codes).toContain('string-too-long');
    expect(over.result.diagnostics.find((d) => d.code === 'string-too-long')).toMatchObject({ line: 2, column: 25 });
  });

  it('a CSV record longer than any row of cells within the limit is csv-syntax, not read whole', async () => {
    const limit = LIMITS.maxStringLength * 16 + 4096;
    const over = await check({ 'data.csv': `indicator,period,value,note,plan\ndossiers-online,2025,50,"${'a'.repeat(limit + 10)}",mini-plan\n` });
    expect(over.codes).toContain('csv-syntax');
  });

  it('maxCsvRows (narrowed to 1,000 here): 1,000 data rows are read, the 1,001st is csv-too-many-rows', async () => {
    const rows = (count: number) =>
      `indicator,period,org,value,plan\n${Array.from({ length: count }, (_, i) => `dossiers-online,2025,Xã ${i},50,mini-plan\n`).join('')}`;
    const dir = testdir({ 'at.csv': rows(1_000), 'over.csv': rows(1_001) });
    const limits = { maxCsvRows: 1_000 };
    const at = await loadFile('at.csv', { cwd: dir, limits });
    expect(at.diagnostics).toEqual([]);
    expect((at.data as { measurements: unknown[] }).measurements).toHaveLength(1_000);
    const over = await loadFile('over.csv', { cwd: dir, limits });
    expect(over.diagnostics.map((d) => d.code)).toEqual(['csv-too-many-rows']);
    expect(over.diagnostics[0]).toMatchObject({ line: 1_002, column: 1 });
  });

  it(`maxDiagnosticsPerCode: ${LIMITS.maxDiagnosticsPerCode} ragged rows are each reported, past that one diagnostic says more follow`, async () => {
    const rows = (count: number) => `indicator,period,value\n${'dossiers-online,2025\n'.repeat(count)}`;
    const dir = testdir({ 'at.csv': rows(LIMITS.maxDiagnosticsPerCode), 'over.csv': rows(LIMITS.maxDiagnosticsPerCode + 500) });
    const at = await loadFile('at.csv', { cwd: dir });
    expect(at.diagnostics).toHaveLength(LIMITS.maxDiagnosticsPerCode);
    const over = await loadFile('over.csv', { cwd: dir });
    expect(over.diagnostics).toHaveLength(LIMITS.maxDiagnosticsPerCode + 1);
    expect(new Set(over.diagnostics.map((d) => d.code))).toEqual(new Set(['csv-ragged-row']));
    expect(over.diagnostics.at(-1)!.line).toBe(LIMITS.maxDiagnosticsPerCode + 2);
  });
});

describe('SECURITY.md', () => {
  it('documents every limit with its value and its code', () => {
    const text = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
    const codes: Partial<Record<string, string>> = {
      maxYamlBytes: 'file-too-large',
      maxAliasCount: 'alias-limit',
      maxDepth: 'too-deep',
      maxStringLength: 'string-too-long',
      maxCsvRows: 'csv-too-many-rows',
    };
    for (const [key, value] of Object.entries(LIMITS)) {
      const line = text.split('\n').find((l) => l.includes(`\`${key}\``));
      expect(line, key).toBeDefined();
      expect(line!.replace(/[\s,_]/g, ''), key).toContain(String(value));
      const code = codes[key];
      if (code !== undefined) expect(line, key).toContain(`\`${code}\``);
    }
  });
});
