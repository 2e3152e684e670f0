import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActualSource, Evaluation, Result } from '../../src/model/evaluation.js';
import { renderEvaluation } from '../../src/report/evaluation/index.js';
import { prettyJson } from '../../src/report/evaluation/json.js';
import { SHOWN_FILES, SHOWN_LINES, formatSource, formatSources } from '../../src/report/evaluation/sources.js';
import { t } from '../../src/report/i18n.js';
import { renderHtml } from '../../src/report/html/index.js';
import { sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

/** A spreadsheet cell holds at most this many characters. */
const CELL_LIMIT = 32_767;

/** One file that gave `count` entries, every 21st line from line 2 (as the benchmark's CSV lays them out). */
function manyLines(file: string, count: number): ActualSource {
  const lines = Array.from({ length: count }, (_, i) => 2 + i * 21);
  return count === 1 ? { file, line: 2 } : { file, line: 2, lines };
}

/** The sample evaluation with its first result's actual given `sources`. */
function withSources(sources: ActualSource[]): Evaluation {
  const [first, ...rest] = sampleResults;
  const result: Result = { ...first!, actual: { ...first!.actual!, sources } };
  return sampleEvaluation([result, ...rest]);
}

/** The line numbers a text shows after `file:`, up to the first `…`. */
function shownLines(text: string, file: string): number[] {
  const start = text.indexOf(`${file}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + file.length + 1);
  const numbers: number[] = [];
  for (const match of rest.matchAll(/(\d+)(, |$|;)|…/g)) {
    if (match[0] === '…') break;
    numbers.push(Number(match[1]));
    if (match[2] !== ', ') break;
  }
  return numbers;
}

describe('formatSource', () => {
  it('one entry: file:line, as before', () => {
    expect(formatSource({ file: 'data/2025.yaml', line: 9 }, 'en')).toBe('data/2025.yaml:9');
  });

  it('a few entries: every line', () => {
    expect(formatSource({ file: 'a.csv', line: 3, lines: [3, 5, 8] }, 'vi')).toBe('a.csv:3, 5, 8');
  });

  it('exactly the cap: every line, no count', () => {
    const source = manyLines('a.csv', SHOWN_LINES);
    expect(formatSource(source, 'en')).toBe(`a.csv:${source.lines!.join(', ')}`);
  });

  it('many entries: the first lines, then how many rows in all, in each language', () => {
    const source = manyLines('big.csv', 48_000);
    for (const [lang, count] of [['en', '48,000'], ['vi', '48.000']] as const) {
      const text = formatSource(source, lang);
      expect(shownLines(text, 'big.csv')).toEqual(source.lines!.slice(0, SHOWN_LINES));
      expect(text).toContain('…');
      expect(text).toContain(count);
      expect(text).not.toContain(String(source.lines![SHOWN_LINES]));
      expect(text.length).toBeLessThan(200);
    }
  });
});

describe('formatSources', () => {
  it('files in order, separated as asked', () => {
    const sources = [{ file: 'a.yaml', line: 9 }, { file: 'b.csv', line: 2, lines: [2, 4] }];
    expect(formatSources(sources, 'en')).toBe('a.yaml:9; b.csv:2, 4');
    expect(formatSources(sources, 'en', { separator: ', ' })).toBe('a.yaml:9, b.csv:2, 4');
    expect(formatSources([], 'en')).toBe('');
  });

  it('past the file cap, the rest are counted with their rows', () => {
    const sources = Array.from({ length: 4_000 }, (_, i) => manyLines(`communes/c${String(i).padStart(4, '0')}.csv`, 12));
    const text = formatSources(sources, 'en');
    expect(text.length).toBeLessThan(5_000);
    for (const source of sources.slice(0, SHOWN_FILES)) expect(text).toContain(`${source.file}:`);
    expect(text).not.toContain(sources[SHOWN_FILES]!.file);
    expect(text).toContain((4_000 - SHOWN_FILES).toLocaleString('en-US'));
    expect(text).toContain(((4_000 - SHOWN_FILES) * 12).toLocaleString('en-US'));
  });

  it('stays small whatever the file names: long names are cut, not listed whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ file: fc.string({ maxLength: 3_000 }), count: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('vi' as const, 'en' as const),
        (files, lang) => {
          const text = formatSources(files.map((f) => manyLines(f.file, f.count)), lang);
          expect(text.length).toBeLessThan(5_000);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the CSV report caps its sources cell', () => {
  const column = (header: string[], lang: 'vi' | 'en') => header.indexOf(t(lang, 'col.sources'));

  it.each(['vi', 'en'] as const)('a million pooled rows make a cell far below a spreadsheet’s limit (%s)', (lang) => {
    const sources = [manyLines('big.csv', 48_000), ...Array.from({ length: 4_000 }, (_, i) => manyLines(`c/${i}.csv`, 240))];
    const text = renderEvaluation('csv', withSources(sources), { lang, color: false, plan: samplePlan });
    const [header = [], first = []] = parse(text.slice(1)) as string[][];
    const cell = first[column(header, lang)]!;
    expect(cell.length).toBeLessThan(CELL_LIMIT / 4);
    expect(shownLines(cell, 'big.csv')).toEqual(sources[0]!.lines!.slice(0, SHOWN_LINES));
    expect(cell).toContain(lang === 'en' ? '48,000' : '48.000');
  });

  it('a file with a few entries lists them all in one item', () => {
    const text = renderEvaluation('csv', withSources([{ file: 'data/2025-h1.csv', line: 2, lines: [2, 3] }, { file: 'data/2025.yaml', line: 9 }]), {
      lang: 'en',
      color: false,
      plan: samplePlan,
    });
    const [header = [], first = []] = parse(text.slice(1)) as string[][];
    expect(first[column(header, 'en')]).toBe('data/2025-h1.csv:2, 3; data/2025.yaml:9');
  });
});

describe('the HTML report caps its source footnotes', () => {
  it.each(['vi', 'en'] as const)('shows ten lines of a 48,000-row file and the count (%s)', (lang) => {
    const sources = [manyLines('big.csv', 48_000)];
    const page = renderHtml(withSources(sources), { lang, color: false, plan: samplePlan });
    const plain = renderHtml(withSources([{ file: 'big.csv', line: 2 }]), { lang, color: false, plan: samplePlan });
    // The footnote and the tooltip of the value both name the file: each capped.
    expect(page.length - plain.length).toBeLessThan(2_000);
    const footnote = page.slice(page.indexOf('<li id="fn-1"'));
    expect(shownLines(footnote, 'big.csv')).toEqual(sources[0]!.lines!.slice(0, SHOWN_LINES));
    expect(footnote.slice(0, footnote.indexOf('</li>'))).toContain(lang === 'en' ? '48,000' : '48.000');
    expect(page).not.toContain(String(sources[0]!.lines![SHOWN_LINES]));
  });
});

describe('the JSON report', () => {
  it('prints what JSON.stringify prints, for any JSON without a `lines` key', () => {
    const json = fc.jsonValue().filter((value) => !JSON.stringify(value).includes('"lines"'));
    fc.assert(
      fc.property(json, (value) => {
        expect(prettyJson(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every line, a source’s `lines` on one line of the file', () => {
    const sources = [manyLines('big.csv', 48_000), { file: 'extra.csv', line: 5 }];
    const evaluation = withSources(sources);
    const text = renderEvaluation('json', evaluation, { lang: 'en', color: false, plan: samplePlan });
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(evaluation)));
    expect(text).toContain(`"lines": [${sources[0]!.lines!.join(',')}]`);
    // As many lines of text as JSON.stringify writes when `lines` is empty (on one line too).
    const emptied = withSources([{ ...sources[0]!, lines: [] }, sources[1]!]);
    expect(text.split('\n').length).toBe(`${JSON.stringify(emptied, null, 2)}\n`.split('\n').length);
  });

  it('prints an evaluation of single-entry sources exactly as JSON.stringify does', () => {
    const evaluation = sampleEvaluation();
    expect(renderEvaluation('json', evaluation, { lang: 'vi', color: false, plan: samplePlan })).toBe(`${JSON.stringify(evaluation, null, 2)}\n`);
  });
});
