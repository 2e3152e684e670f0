import type { CsvColumn } from './csv-header.js';
import { offsetPosition, scanCells } from './csv-cells.js';
import type { CsvSeparator } from './csv-number.js';
import type { CsvRow } from './csv-stream.js';
import type { Position } from './document.js';

/** The 1-based position where cell `index` of a record starts, from the record's raw text. */
export function columnAt(raw: string, scan: { starts: number[] }, line: number, index: number): Position {
  const where = offsetPosition(raw, scan.starts[index] ?? 0);
  return { line: line + where.lineOffset, column: where.column };
}

/**
 * A data row. Where each cell starts is worked out from the raw text only when asked (for a
 * diagnostic, or by `columns`): most rows never need it.
 */
export class Row implements CsvRow {
  readonly values: Record<string, string | number> = {};
  plan: string | undefined;
  private scan: { starts: number[] } | undefined;
  private cachedColumns: Record<string, number> | undefined;

  constructor(
    readonly line: number,
    /** The record's text, for the cells' columns. */
    public raw: string,
    private readonly separator: CsvSeparator,
    private readonly fields: readonly (CsvColumn | undefined)[],
  ) {}

  /** Where cell `index` starts. */
  at(index: number): Position {
    this.scan ??= scanCells(this.raw, this.separator);
    return columnAt(this.raw, this.scan, this.line, index);
  }

  get columns(): Record<string, number> {
    if (this.cachedColumns === undefined) {
      const columns: Record<string, number> = {};
      this.fields.forEach((field, i) => {
        if (field !== undefined) columns[field] = this.at(i).column;
      });
      this.cachedColumns = columns;
    }
    return this.cachedColumns;
  }
}
