/**
 * The box table that replaces the table library for wrapped cells draws exactly what the
 * library drew for the same cells, in time linear in the table (the library's grows with the
 * square of a cell's length).
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBoxTable, type BoxRow } from '../../src/report/box-table.js';

const chalk = new Chalk({ level: 1 });
const LETTERS = 'abcxyz ăâđêôơưệữ→·…-ABC0123';

const line = (width: number) =>
  fc
    .string({ unit: fc.constantFrom(...LETTERS), maxLength: width })
    .chain((text) => fc.constantFrom(text, chalk.dim(text), chalk.bold(text), chalk.red(text)));
const cell = (width: number) => fc.array(line(width), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

const grid = fc.integer({ min: 1, max: 6 }).chain((count) =>
  fc.array(fc.integer({ min: 1, max: 12 }), { minLength: count, maxLength: count }).chain((widths) => {
    const span = widths.reduce((sum, w) => sum + w + 2, 0) + widths.length - 1 - 2;
    const row: fc.Arbitrary<BoxRow> = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(...widths.map((w) => cell(w))) },
      { weight: 1, arbitrary: cell(span).map((text) => ({ span: text })) },
    );
    return fc.record({
      widths: fc.constant(widths),
      aligns: fc.array(fc.constantFrom('left' as const, 'right' as const), { minLength: count, maxLength: count }),
      head: fc.tuple(...widths.map((w) => cell(w))),
      rows: fc.array(row, { maxLength: 6 }),
    });
  }),
);

function library(head: readonly string[], rows: readonly BoxRow[], widths: readonly number[], aligns: readonly ('left' | 'right')[]): string {
  const table = new Table({
    head: [...head],
    colWidths: widths.map((w) => w + 2),
    colAligns: [...aligns],
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const row of rows) {
    if (Array.isArray(row)) table.push([...row]);
    else table.push([{ colSpan: widths.length, content: (row as { span: string }).span }]);
  }
  return table.toString();
}

describe('drawBoxTable', () => {
  it('draws what the table library draws for wrapped cells, span rows and alignments', () => {
    fc.assert(
      fc.property(grid, ({ widths, aligns, head, rows }) => {
        expect(drawBoxTable(head, rows, { widths, aligns })).toBe(library(head, rows, widths, aligns));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a line wider than its column with an ellipsis', () => {
    const out = drawBoxTable(['a'], [['abcdefghij']], { widths: [5] });
    expect(out.split('\n')[3]).toBe('│ abcd… │');
  });

  it('stays linear on a cell of ten thousand lines', () => {
    const tall = Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n');
    const started = performance.now();
    const out = drawBoxTable(['h'], [[tall], { span: tall }], { widths: [12] });
    expect(out.split('\n')).toHaveLength(3 + 10_000 + 1 + 10_000 + 1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
