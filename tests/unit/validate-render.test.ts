import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { DIAGNOSTIC_FORMATS, DIAGNOSTIC_RENDERERS, escapeData, escapeProperty, renderDiagnostics } from '../../src/report/diagnostics/index.js';

const diagnostics: Diagnostic[] = [
  { file: 'data/2025.yaml', line: 8, column: 18, severity: 'error', code: 'unknown-indicator', path: '/measurements/1/indicator', message: "unknown indicator 'x'" },
  { file: 'data/2025.yaml', line: 12, column: 3, severity: 'warning', code: 'period-outside-plan', message: 'period 2031 is outside' },
  { file: 'data/b,c.csv', line: 2, column: 1, severity: 'error', code: 'csv-ragged-row', message: '50% done\r\nnext: line' },
];
const report = { files: ['data/2025.yaml', 'data/b,c.csv', 'plan.yaml'], diagnostics, summary: { errors: 2, warnings: 1 } };

describe('diagnostics renderers', () => {
  it('has one renderer per format', () => {
    expect(Object.keys(DIAGNOSTIC_RENDERERS).sort()).toEqual([...DIAGNOSTIC_FORMATS].sort());
  });

  it('text groups by file, aligns columns and ends with a summary', () => {
    const text = renderDiagnostics('text', report, { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('data/2025.yaml');
    expect(lines[1]).toMatch(/^\s+8:18 {2}error {4}unknown indicator 'x'\s+unknown-indicator$/);
    expect(lines[2]).toMatch(/^\s+12:3 {2}warning {2}period 2031 is outside\s+period-outside-plan$/);
    // Columns line up: the code starts at the same place on every line.
    expect(lines[1]!.indexOf('unknown-indicator')).toBe(lines[2]!.indexOf('period-outside-plan'));
    expect(lines[1]!.indexOf('8:18') + 4).toBe(lines[2]!.indexOf('12:3') + 4);
    expect(text).toContain('data/b,c.csv\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems (2 errors, 1 warning) in 3 files');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('text says so when there is nothing wrong', () => {
    const text = renderDiagnostics('text', { files: ['a.yaml'], diagnostics: [], summary: { errors: 0, warnings: 0 } }, { color: false });
    expect(text).toBe('✔ 1 file checked, no problems\n');
  });

  it('text colours only when asked', () => {
    expect(renderDiagnostics('text', report, { color: true })).toMatch(/\u001b\[31m/);
  });

  it('json is a ValidationReport valid against its schema', () => {
    const json = JSON.parse(renderDiagnostics('json', report, { color: false })) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync(new URL('../../schemas/validation-report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(schema.$id).toBe('urn:ccp:schema:validation-report:v1');
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json).toMatchObject({ apiVersion: 'ccp/v1', kind: 'ValidationReport', files: 3, summary: { errors: 2, warnings: 1 } });
    expect((json.diagnostics as Diagnostic[]).map((d) => d.code)).toEqual(diagnostics.map((d) => d.code));
    expect(Object.keys((json.diagnostics as object[])[0]!)).toEqual(['file', 'line', 'column', 'severity', 'code', 'path', 'message']);
    // The schema refuses what is not a report.
    expect(validate({ ...json, files: -1 })).toBe(false);
    expect(validate({ ...json, diagnostics: [{ ...diagnostics[0], line: 0 }] })).toBe(false);
  });

  it('github prints one escaped workflow command per diagnostic', () => {
    const lines = renderDiagnostics('github', report, { color: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("::error file=data/2025.yaml,line=8,col=18,title=unknown-indicator::unknown indicator 'x'");
    expect(lines[1]).toBe('::warning file=data/2025.yaml,line=12,col=3,title=period-outside-plan::period 2031 is outside');
    expect(lines[2]).toBe('::error file=data/b%2Cc.csv,line=2,col=1,title=csv-ragged-row::50%25 done%0D%0Anext: line');
  });

  it('escapes workflow command data and properties', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f');
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });
});
