import type { CsvColumn } from './csv-header.js';
import type { CsvSeparator } from './csv-number.js';
import { Row } from './csv-row.js';
import type { CsvRow } from './csv-stream.js';

/** A cell of a plain row as read: a number (number columns), an NFC string, or undefined when empty. */
export type PlainCell = string | number | undefined;

/**
 * Plain rows (see `plainRecord` in csv-stream.ts) of one piece of a file, kept in columns: no
 * object is made per row. A row is made whole (`row(k)`) only for a caller that needs one: a
 * diagnostic's position, or a row the quick checks do not recognise. Every row of a block
 * names the same plan (`plan`), and the rows' texts are all in `text`.
 */
export class PlainRows {
  /** How many rows the block holds. */
  length = 0;
  /** Each row's 1-based line. */
  readonly lines: number[] = [];
  /** Where each row's text starts and ends in `text`. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** The cells by header column (`cells[column][k]`); `title` and `plan` columns are left empty. */
  readonly cells: PlainCell[][];

  constructor(
    /** The text the rows were read from. */
    readonly text: string,
    readonly separator: CsvSeparator,
    /** The field of each header column. */
    readonly fields: readonly (CsvColumn | undefined)[],
    /** The plan the file's `plan` column had named when these rows were read. */
    readonly plan: string | undefined,
  ) {
    this.cells = fields.map(() => []);
  }

  /** The column of `field` in the header, or -1. */
  column(field: CsvColumn): number {
    return this.fields.indexOf(field);
  }

  /** Row `k` made whole, as the reader makes any other row. */
  row(k: number): CsvRow {
    const row = new Row(this.lines[k]!, this.text.slice(this.starts[k]!, this.ends[k]!), this.separator, this.fields);
    const values = row.values;
    for (let i = 0; i < this.fields.length; i++) {
      const field = this.fields[i];
      const cell = this.cells[i]![k];
      if (field !== undefined && field !== 'plan' && field !== 'title' && cell !== undefined) values[field] = cell;
    }
    if (this.plan !== undefined) row.plan = this.plan;
    return row;
  }
}
