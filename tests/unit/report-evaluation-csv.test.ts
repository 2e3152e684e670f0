import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inertCell, machineNumber, renderEvaluation } from '../../src/report/evaluation/index.js';
import { statusLabel, t } from '../../src/report/i18n.js';
import { HOSTILE_TEXT, hostileSample, sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

const BOM = '\uFEFF';

function rows(text: string): string[][] {
  return parse(text.slice(BOM.length), { relax_column_count: false }) as string[][];
}

describe('inertCell', () => {
  it.each(['=1+1', '+cmd', '-cmd', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")', '-', '+', '-3,5', '--3'])('makes %j inert', (text) => {
    expect(inertCell(text)).toBe(`'${text}`);
  });

  it.each(['-3.5', '+3.5', '-12', '3.5', '1e-7', '-0.25', 'plain', '≥ 80%', "'quoted", ''])('leaves %j alone', (text) => {
    expect(inertCell(text)).toBe(text);
  });
});

describe('machineNumber', () => {
  it('writes dot decimals without grouping and rounds float noise', () => {
    expect(machineNumber(1200.5)).toBe('1200.5');
    expect(machineNumber(0.1 + 0.2)).toBe('0.3');
    expect(machineNumber(-7.5)).toBe('-7.5');
    expect(machineNumber(-0.0000001)).toBe('0');
    expect(machineNumber(null)).toBe('');
    expect(machineNumber(Number.NaN)).toBe('');
  });
});

describe('csv renderer', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`starts with a BOM, ends lines in CRLF, translates headers (${lang})`, () => {
      const text = renderEvaluation('csv', sampleEvaluation(), { lang, color: false, plan: samplePlan });
      expect(text.startsWith(BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const [header, ...body] = rows(text);
      expect(header).toContain(t(lang, 'col.target'));
      expect(header).toContain(t(lang, 'col.progressRatio'));
      expect(body).toHaveLength(sampleResults.length);
    });
  }

  it('writes one row per result with machine-readable numbers in any language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const [header = [], ...body] = rows(renderEvaluation('csv', sampleEvaluation(), { lang, color: false, plan: samplePlan }));
      const column = (key: Parameters<typeof t>[1]) => header.indexOf(t(lang, key));
      sampleResults.forEach((result, index) => {
        const row = body[index] ?? [];
        expect(row[column('col.target')]).toBe(result.target);
        expect(row[column('col.year')]).toBe(String(result.year));
        expect(row[column('col.status')]).toBe(statusLabel(result.status, lang));
        expect(row[column('col.ref')]).toBe(result.ref.join(', '));
        if (result.actual?.value != null) expect(Number(row[column('col.actual')])).toBeCloseTo(result.actual.value, 6);
        if (result.gap !== null) expect(Number(row[column('col.gap')])).toBeCloseTo(result.gap, 6);
        if (result.required !== null) expect(Number(row[column('col.required')])).toBe(result.required);
        if (result.progressRatio !== null) expect(Number(row[column('col.progressRatio')])).toBeCloseTo(result.progressRatio, 6);
        if (result.actual?.numerator !== undefined) expect(Number(row[column('col.numerator')])).toBe(result.actual.numerator);
        const sources = (result.actual?.sources ?? []).map((source) => `${source.file}:${source.line}`).join('; ');
        expect(row[column('col.sources')]).toBe(sources);
      });
    }
  });

  it('makes every formula-like cell inert but keeps negative numbers numbers', () => {
    const { plan, evaluation } = hostileSample();
    const text = renderEvaluation('csv', evaluation, { lang: 'en', color: false, plan });
    const [header = [], ...body] = rows(text);
    expect(body).toHaveLength(evaluation.results.length);
    for (const row of body) {
      for (const cell of row) {
        if (/^[=+\-@\t\r]/.test(cell)) expect(cell, JSON.stringify(cell)).toMatch(/^[+-]?\d+(\.\d+)?$/);
      }
    }
    const gap = header.indexOf(t('en', 'col.gap'));
    expect(body.map((row) => row[gap])).toContain('-7.5');
    const title = header.indexOf(t('en', 'col.indicator'));
    expect(body.map((row) => row[title])).toContain(`'${HOSTILE_TEXT}`);
    const notes = header.indexOf(t('en', 'col.notes'));
    expect(body[0]?.[notes]).toContain(`'${HOSTILE_TEXT}`);
    const sources = header.indexOf(t('en', 'col.sources'));
    expect(body[0]?.[sources]).toBe("'=evil.csv:2");
  });

  it('keeps a lone minus-number note as it is', () => {
    const base = sampleResults[0]!;
    const result = { ...base, actual: { ...base.actual!, notes: ['-3.5'] } };
    const [header = [], row = []] = rows(renderEvaluation('csv', sampleEvaluation([result]), { lang: 'en', color: false, plan: samplePlan }));
    expect(row[header.indexOf(t('en', 'col.notes'))]).toBe('-3.5');
  });
});
