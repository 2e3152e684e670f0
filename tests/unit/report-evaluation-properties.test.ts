import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Result } from '../../src/model/evaluation.js';
import type { Plan } from '../../src/model/plan.js';
import { renderEvaluation } from '../../src/report/evaluation/index.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

/** Letters a title may hold: ASCII, Vietnamese, a wide CJK character, a combining mark, punctuation. */
const CHARS = [...'abcXYZ019 -@/.|<>#*_`[]\\&=+\t\n', 'ệ', 'Đ', 'ư', '中', 'e\u0301', '–', '≥'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 120 }).map((chars) => chars.join(''));

function planWith(titles: string[], areaTitle: string): Plan {
  return {
    ...samplePlan,
    title: areaTitle,
    areas: samplePlan.areas.map((area) => ({ ...area, title: `${areaTitle} ${area.id}` })),
    indicators: samplePlan.indicators.map((indicator, index) => ({ ...indicator, title: titles[index % titles.length] ?? '' })),
  };
}

const results = fc.array(
  fc.record({
    index: fc.nat({ max: sampleResults.length - 1 }),
    status: fc.constantFrom(...STATUSES),
    value: fc.option(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { nil: null }),
    gap: fc.option(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { nil: null }),
    ratio: fc.option(fc.double({ min: -50, max: 50, noNaN: true }), { nil: null }),
    provisional: fc.boolean(),
  }),
  { minLength: 0, maxLength: 12 },
).map((specs) =>
  specs.map(({ index, status, value, gap, ratio, provisional }, i): Result => {
    const base = sampleResults[index]!;
    return {
      ...base,
      target: `${base.indicator}@${2021 + i}`,
      status,
      gap,
      progressRatio: ratio,
      actual: value === null ? null : { value, period: '2025', provisional, sources: [] },
    };
  }),
);

describe('renderers on arbitrary data', () => {
  it('the table never exceeds its width', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, results, fc.integer({ min: 20, max: 160 }), fc.constantFrom('vi', 'en'), (titles, areaTitle, list, width, lang) => {
        const out = renderEvaluation('table', sampleEvaluation(list), { lang, color: false, plan: planWith(titles, areaTitle), width });
        for (const line of out.split('\n')) expect(visibleWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 150 },
    );
  });

  it('Markdown tables keep their columns whatever the titles hold', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, results, (titles, areaTitle, list) => {
        const out = renderEvaluation('md', sampleEvaluation(list), { lang: 'en', color: false, plan: planWith(titles, areaTitle) });
        const rows = out.split('\n').filter((line) => line.startsWith('|'));
        for (const row of rows) {
          const cells = row.slice(1, -1).split(/(?<!\\)\|/).length;
          expect([2, 6]).toContain(cells);
        }
        expect(out).not.toMatch(/<(?!br>)/);
      }),
      { numRuns: 150 },
    );
  });

  it('CSV keeps one record per result and every title readable', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), results, (titles, list) => {
        const plan = planWith(titles, 'A');
        const out = renderEvaluation('csv', sampleEvaluation(list), { lang: 'vi', color: false, plan });
        const rows = parse(out.slice(1)) as string[][];
        expect(rows).toHaveLength(list.length + 1);
        rows.slice(1).forEach((row, i) => {
          const indicator = plan.indicators.find((item) => item.id === list[i]?.indicator);
          const title = typeof indicator?.title === 'string' ? indicator.title.normalize('NFC') : '';
          const cell = row[2] ?? '';
          expect(cell === title || cell === `'${title}` || (title === '' && cell === list[i]?.indicator)).toBe(true);
          for (const value of row) if (/^[=+\-@\t\r]/.test(value)) expect(value).toMatch(/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/);
        });
      }),
      { numRuns: 150 },
    );
  });
});
