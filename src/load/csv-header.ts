import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnostic } from './diagnostic.js';
import type { CsvSeparator } from './csv-number.js';

/** The columns a measurements CSV may have, in the order a template writes them. */
export const CSV_COLUMNS = [
  'indicator',
  'period',
  'value',
  'numerator',
  'denominator',
  'status',
  'evidence',
  'org',
  'source',
  'note',
  'plan',
  'title',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns whose cells become numbers. */
export const NUMBER_COLUMNS: ReadonlySet<CsvColumn> = new Set(['value', 'numerator', 'denominator']);
/** Columns a CSV must have. */
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['indicator', 'period'];

/** One header cell: its text, its 1-based column in the header line, and the column it names. */
export interface CsvHeaderCell {
  name: string;
  column: number;
  /** Undefined for a blank, unknown or repeated header cell: its cells are ignored. */
  field?: CsvColumn;
}

/** The separator a header line uses, or why it cannot be told. */
export type SeparatorGuess = { separator: CsvSeparator } | { problem: string };

/**
 * Tells the separator from the header line by counting ',' and ';' outside quotes. Says so
 * rather than guess when there is neither, or as many of each; tabs are not supported.
 */
export function detectSeparator(headerLine: string): SeparatorGuess {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === '\t') tabs++;
  }
  if (tabs > commas && tabs > semicolons) {
    return { problem: 'the header is separated by tabs; ccp reads CSV separated by "," or ";" (save as "CSV UTF-8")' };
  }
  if (commas === 0 && semicolons === 0) {
    return { problem: 'the header has a single column (no "," or ";"): cannot tell the separator; a CSV needs at least indicator and period' };
  }
  if (commas === semicolons) {
    return { problem: `the header has as many "," as ";" (${commas} each): cannot tell which one separates the columns` };
  }
  return { separator: commas > semicolons ? ',' : ';' };
}

function suggestion(name: string): string {
  const candidate = closest(name, [...CSV_COLUMNS]);
  const limit = Math.max(2, Math.floor(name.length / 3));
  return distance(name, candidate) <= limit ? `; did you mean '${candidate}'?` : '';
}

/** The header as read: one entry per cell, and whether rows can be read under it. */
export interface HeaderAnalysis {
  cells: CsvHeaderCell[];
  usable: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Matches header cells to the known columns (any order, case and surrounding spaces ignored).
 * Blank, repeated and unknown cells are reported at their place; a missing `indicator` or
 * `period` makes the file unusable.
 */
export function analyseHeader(file: string, line: number, names: string[], columns: number[]): HeaderAnalysis {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<CsvColumn>();
  const cells: CsvHeaderCell[] = names.map((raw, index) => {
    const name = raw.normalize('NFC').trim();
    const column = columns[index] ?? 1;
    const at = { line, column };
    const key = name.toLowerCase();
    if (name === '') {
      diagnostics.push(diagnostic(file, 'csv-header', `header cell ${index + 1} is blank; name the column or remove it`, at));
      return { name, column };
    }
    if (!(CSV_COLUMNS as readonly string[]).includes(key)) {
      diagnostics.push(
        diagnostic(
          file,
          'csv-unknown-column',
          `unknown column '${name}'${suggestion(key)} (columns: ${CSV_COLUMNS.join(', ')})`,
          at,
        ),
      );
      return { name, column };
    }
    const field = key as CsvColumn;
    if (seen.has(field)) {
      diagnostics.push(diagnostic(file, 'csv-duplicate-header', `column '${field}' appears twice in the header; only the first is read`, at));
      return { name, column };
    }
    seen.add(field);
    return { name, column, field };
  });
  const missing = REQUIRED_COLUMNS.filter((field) => !seen.has(field));
  for (const field of missing) {
    diagnostics.push(diagnostic(file, 'csv-header', `the header has no '${field}' column; it is required`, { line, column: 1 }));
  }
  return { cells, usable: missing.length === 0, diagnostics };
}
