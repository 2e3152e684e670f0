import { START } from './diagnostic.js';
import type { Position, SourceDocument } from './document.js';
import { type CsvRow, type LoadOptions, streamCsv } from './csv-stream.js';
import { parsePointer } from './json-pointer.js';

/**
 * Reads a whole measurements CSV into a SourceDocument shaped like a Measurements YAML:
 * `{ apiVersion: 'ccp/v1', kind: 'Measurements', plan?, measurements: [row values] }`.
 * `locate('/measurements/<i>/<column>')` is the row's line and the cell's column;
 * `locate('/measurements/<i>')` the row's line, column 1; anything else the header's start.
 */
export async function loadCsv(path: string, options: LoadOptions): Promise<SourceDocument> {
  const stream = streamCsv(path, options);
  const header = await stream.header();
  const rows: CsvRow[] = [];
  for await (const row of stream) rows.push(row);

  let data: unknown;
  if (header.usable) {
    const document: Record<string, unknown> = { apiVersion: 'ccp/v1', kind: 'Measurements' };
    if (stream.plan !== undefined) document.plan = stream.plan;
    document.measurements = rows.map((row) => row.values);
    data = document;
  }
  const headerStart: Position = { line: header.line, column: 1 };

  const locate = (pointer: string): Position => {
    const [top, index, field] = parsePointer(pointer);
    if (top === 'plan') {
      const named = rows.find((row) => row.values.plan !== undefined || row.columns.plan !== undefined);
      if (named?.columns.plan !== undefined) return { line: named.line, column: named.columns.plan };
    }
    if (top !== 'measurements' || index === undefined || !/^(0|[1-9]\d*)$/.test(index)) return header.usable ? headerStart : START;
    const row = rows[Number(index)];
    if (row === undefined) return headerStart;
    const column = field === undefined ? undefined : row.columns[field];
    return { line: row.line, column: column ?? 1 };
  };

  return { file: stream.file, path: stream.path, format: 'csv', data, locate, diagnostics: stream.diagnostics };
}
