import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';
import {
  analyseHeader,
  type CsvColumn,
  type CsvHeaderCell,
  detectSeparator,
  NUMBER_COLUMNS,
  type SeparatorGuess,
} from './csv-header.js';
import { offsetPosition, scanCells, trimRaw } from './csv-cells.js';
import { type CsvSeparator, parseCsvNumber } from './csv-number.js';
import { diagnostic, START } from './diagnostic.js';
import { displayPath } from './discover.js';
import type { Position } from './document.js';
import { type InvalidUtf8, invalidUtf8Message, SNIFF_BYTES, sniffBytes, Utf8Reader } from './encoding.js';
import { toPointer } from './json-pointer.js';
import { type Limits, resolveLimits } from './limits.js';
import { notAFile, readError } from './read-error.js';

/** One data row of a measurements CSV. */
export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  /**
   * The row's cells by column name: numbers parsed in `value`, `numerator` and `denominator`
   * where the cell is a number, everything else a string in NFC. Empty cells are left out, and
   * so are `plan` (see `CsvStream.plan`) and `title` (informative only).
   */
  values: Record<string, string | number>;
  /** 1-based column in the line where each known column's cell starts, empty cells included. */
  columns: Record<string, number>;
}

/** The header of a CSV file as read. */
export interface CsvHeader {
  /** 1-based line of the header (the first line that is not blank). */
  line: number;
  /** Undefined when it could not be told (then `usable` is false). */
  separator?: CsvSeparator;
  cells: CsvHeaderCell[];
  /**
   * False when no row can be read: the file is empty, binary or not UTF-8, the separator
   * cannot be told, or `indicator` or `period` is missing. The reasons are in `diagnostics`.
   */
  usable: boolean;
}

/**
 * A measurements CSV read as a stream. Iterate it (once) for the rows; `header()` gives the
 * header before any row. `diagnostics` fills as the file is read: the header's problems are in
 * it once `header()` has resolved, every problem once iteration has finished.
 */
export interface CsvStream extends AsyncIterable<CsvRow> {
  /** The path as shown to the user. */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
  readonly diagnostics: Diagnostic[];
  /** Reads as far as the header (the rows stay unread) and returns it. */
  header(): Promise<CsvHeader>;
  /** The plan the `plan` column names: the first one seen so far; see `csv-mixed-plans`. */
  readonly plan: string | undefined;
  /** Stops reading and closes the file; for a caller that read the header and wants no rows. */
  close(): Promise<void>;
}

/** Options of `streamCsv` and `loadFile`. */
export interface LoadOptions {
  /** Paths are resolved against it and shown relative to it. */
  cwd: string;
  /** Narrower limits than `LIMITS`, for tests and benchmarks. */
  limits?: Partial<Limits>;
}

type Event = { kind: 'header'; header: CsvHeader } | { kind: 'row'; row: CsvRow };

const CHUNK_BYTES = 64 * 1024;

/** '\r\n' and a lone '\r' become '\n', also when a chunk ends between the two. */
function lineBreaks(): (text: string) => string {
  let pendingCr = false;
  return (text) => {
    let out = text;
    if (pendingCr && out.startsWith('\n')) out = out.slice(1);
    pendingCr = out.endsWith('\r');
    return out.replace(/\r\n?/g, '\n');
  };
}

/** The header line: its text, its 1-based number, and the separator a "sep=" line before it named. */
interface HeaderLine {
  text: string;
  number: number;
  hint?: string;
}

/**
 * The first line that is not blank, once it is whole (or the text has `ended`). An Excel
 * "sep=;" line before it names the separator.
 */
function findHeaderLine(buffered: string, ended: boolean): HeaderLine | undefined {
  let hint: string | undefined;
  let start = 0;
  for (let number = 1; ; number++) {
    const end = buffered.indexOf('\n', start);
    if (end === -1 && !ended) return undefined;
    const text = end === -1 ? buffered.slice(start) : buffered.slice(start, end);
    if (text.trim() !== '') {
      const sep = hint === undefined ? /^\s*"?sep=(.)"?\s*$/i.exec(text) : null;
      if (sep) hint = sep[1];
      else return hint === undefined ? { text, number } : { text, number, hint };
    }
    if (end === -1) return undefined;
    start = end + 1;
  }
}

function rowPointer(index: number, field?: string): string {
  return toPointer(field === undefined ? ['measurements', index] : ['measurements', index, field]);
}

/** A quoted cell spanning lines whose later lines look like rows: a stray quote swallowing them. */
function swallowsRows(cell: string, separator: string, columns: number): boolean {
  if (!cell.includes('\n')) return false;
  const needed = Math.max(1, columns - 1);
  return cell
    .split('\n')
    .slice(1)
    .some((line) => line.split(separator).length - 1 >= needed);
}

class CsvReader {
  readonly diagnostics: Diagnostic[] = [];
  plan: string | undefined;
  private readonly reportedPlans = new Set<string>();

  constructor(
    readonly file: string,
    readonly path: string,
    private readonly limits: Limits,
  ) {}

  private readonly counts = new Map<DiagnosticCode, number>();

  private report(code: DiagnosticCode, message: string, at: Position = START, path?: string): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    const cap = this.limits.maxDiagnosticsPerCode;
    if (count > cap + 1) return;
    if (count === cap + 1) {
      this.diagnostics.push(
        diagnostic(this.file, code, `more problems of this kind follow from here; only the first ${cap} are listed`, at),
      );
      return;
    }
    this.diagnostics.push(diagnostic(this.file, code, message, at, path === undefined ? {} : { path }));
  }

  async *events(): AsyncGenerator<Event> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      throw readError(error, this.file);
    }
    let parser: ReturnType<typeof parse> | undefined;
    let source: Readable | undefined;
    let text: AsyncGenerator<string> | undefined;
    try {
      const info = await handle.stat().catch((error: unknown) => {
        throw readError(error, this.file);
      });
      if (!info.isFile()) throw notAFile(this.file, info.isDirectory());
      const unusable = (line = 1): Event => ({ kind: 'header', header: { line, cells: [], usable: false } });

      const head = new Uint8Array(SNIFF_BYTES + 3);
      const { bytesRead } = await handle.read(head, 0, head.length, 0).catch((error: unknown) => {
        throw readError(error, this.file);
      });
      const problem = sniffBytes(head.subarray(0, bytesRead));
      if (problem) {
        this.report(problem.code, problem.message);
        yield unusable();
        return;
      }

      const decoded = this.decode(handle);
      text = decoded;
      // Read up to the end of the first line that is not blank: the header, which tells the separator.
      let buffered = '';
      let found: HeaderLine | undefined;
      let ended = false;
      for (;;) {
        found = findHeaderLine(buffered, ended);
        if (found !== undefined || ended) break;
        if (buffered.length > this.maxRecordSize()) {
          this.report('csv-header', `the first ${this.maxRecordSize()} characters hold no whole header line: this is not a measurements CSV`);
          yield unusable();
          return;
        }
        const next = await decoded.next();
        if (next.done) ended = true;
        else buffered += next.value;
      }
      if (found === undefined) {
        if (!this.diagnostics.some((d) => d.code === 'wrong-encoding')) this.report('file-empty', 'the file is empty');
        yield unusable();
        return;
      }
      const headerNumber = found.number;
      const guess: SeparatorGuess =
        found.hint === undefined
          ? detectSeparator(found.text)
          : found.hint === ',' || found.hint === ';'
            ? { separator: found.hint }
            : { problem: `the "sep=" line names '${found.hint}' as separator; ccp reads CSV separated by "," or ";"` };
      if ('problem' in guess) {
        this.report('csv-header', guess.problem, { line: headerNumber, column: 1 });
        yield unusable(headerNumber);
        return;
      }
      const { separator } = guess;

      // Parse errors are taken through on_skip rather than as stream errors: a stream that errors
      // drops the rows it has parsed but not yet handed over.
      let failure: Diagnostic | undefined;
      parser = parse({
        delimiter: separator,
        record_delimiter: '\n',
        info: true,
        raw: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
        max_record_size: this.maxRecordSize(),
        skip_records_with_error: true,
        on_skip: (error) => {
          if (failure === undefined && error !== undefined) failure = this.syntaxError(error, separator);
          return undefined;
        },
      });
      const first = buffered;
      const stopped = () => failure !== undefined;
      source = Readable.from(
        (async function* () {
          yield first;
          while (!stopped()) {
            const next = await decoded.next();
            if (next.done) return;
            yield next.value;
          }
        })(),
        { objectMode: false },
      );
      source.pipe(parser);

      let header: CsvHeaderCell[] | undefined;
      let rows = 0;
      /** Index of the next row handed over: the row's place in `measurements`. */
      let index = 0;
      for await (const record of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
        const { text: raw, breaks } = trimRaw(record.raw);
        const line = record.info.lines - breaks;
        // Rows parsed after a syntax error are not to be trusted.
        if (failure !== undefined && line >= failure.line) break;
        // The "sep=" line of an Excel export, before the header.
        if (line < headerNumber) continue;
        const cells = record.record;
        if (cells.every((cell) => cell === '')) continue;
        const scan = scanCells(raw, separator);
        const columnOf = (index: number): Position => {
          const offset = scan.starts[index] ?? 0;
          const where = offsetPosition(raw, offset);
          return { line: line + where.lineOffset, column: where.column };
        };

        if (header === undefined) {
          const analysis = analyseHeader(
            this.file,
            line,
            cells,
            cells.map((_, index) => columnOf(index).column),
          );
          this.diagnostics.push(...analysis.diagnostics);
          header = analysis.cells;
          yield { kind: 'header', header: { line, separator, cells: analysis.cells, usable: analysis.usable } };
          if (!analysis.usable) return;
          continue;
        }

        rows++;
        if (rows > this.limits.maxCsvRows) {
          this.report('csv-too-many-rows', `the file has more than ${this.limits.maxCsvRows} data rows; the rest is not read`, {
            line,
            column: 1,
          });
          return;
        }
        if (cells.length !== header.length) {
          this.report('csv-ragged-row', `this row has ${cells.length} cells but the header has ${header.length}; the row is not read`, {
            line,
            column: 1,
          });
          continue;
        }
        const swallowing = cells.findIndex((cell) => swallowsRows(cell, separator, header!.length));
        if (swallowing !== -1) {
          const at = columnOf(swallowing);
          const end = line + breaks;
          this.report(
            'csv-syntax',
            `the quote that opens this cell (line ${at.line}) closes only on line ${end}, swallowing the rows between; ` +
              'remove the stray quote or close it on its own line',
            at,
          );
          continue;
        }
        yield { kind: 'row', row: this.row(index, line, cells, header, columnOf, separator) };
        index++;
      }
      if (failure !== undefined) {
        this.diagnostics.push(failure);
        if (header === undefined) yield unusable(failure.line);
      }
    } finally {
      source?.destroy();
      parser?.destroy();
      await text?.return(undefined).catch(() => undefined);
      await handle.close().catch(() => undefined);
    }
  }

  private row(
    index: number,
    line: number,
    cells: string[],
    header: CsvHeaderCell[],
    columnOf: (index: number) => Position,
    separator: CsvSeparator,
  ): CsvRow {
    const values: Record<string, string | number> = {};
    const columns: Record<string, number> = {};
    header.forEach((cell, i) => {
      const field: CsvColumn | undefined = cell.field;
      if (field === undefined) return;
      const at = columnOf(i);
      columns[field] = at.column;
      const value = cells[i]!.normalize('NFC');
      if (value === '') return;
      if (value.length > this.limits.maxStringLength) {
        this.report(
          'string-too-long',
          `this cell is ${value.length} characters long; the limit is ${this.limits.maxStringLength}`,
          at,
          rowPointer(index, field),
        );
        return;
      }
      if (field === 'title') return;
      if (field === 'plan') {
        this.notePlan(value, at, () => rowPointer(index, field));
        return;
      }
      if (NUMBER_COLUMNS.has(field)) {
        const parsed = parseCsvNumber(value, separator);
        if (parsed.kind === 'number') {
          values[field] = parsed.value;
          return;
        }
        if (parsed.kind === 'ambiguous') this.report('csv-ambiguous-decimal', parsed.message, at, rowPointer(index, field));
      }
      values[field] = value;
    });
    return { line, values, columns };
  }

  private notePlan(plan: string, at: Position, path: () => string): void {
    if (this.plan === undefined) {
      this.plan = plan;
      return;
    }
    if (plan === this.plan || this.reportedPlans.has(plan)) return;
    this.reportedPlans.add(plan);
    this.report(
      'csv-mixed-plans',
      `this row names plan '${plan}' but earlier rows name '${this.plan}'; one file reports against one plan`,
      at,
      path(),
    );
  }

  private maxRecordSize(): number {
    return this.limits.maxStringLength * 16 + 4096;
  }

  /** The diagnostic for the parser's first error, at the line where the broken row starts. */
  private syntaxError(error: CsvError, separator: string): Diagnostic {
    const lines = typeof error.lines === 'number' ? error.lines : 1;
    const raw = typeof error.raw === 'string' ? error.raw : undefined;
    if (raw !== undefined && (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE')) {
      const { text, breaks } = trimRaw(raw);
      const line = lines - breaks;
      const scan = scanCells(text, separator);
      if (scan.unclosedQuote !== undefined) {
        const where = offsetPosition(text, scan.unclosedQuote);
        return diagnostic(
          this.file,
          'csv-syntax',
          'a quote opened here is never closed: it would swallow every line after it; remove it or close it',
          { line: line + where.lineOffset, column: where.column },
        );
      }
      return diagnostic(this.file, 'csv-syntax', `the row starting here is longer than ${this.maxRecordSize()} characters`, {
        line,
        column: 1,
      });
    }
    return diagnostic(this.file, 'csv-syntax', error.message, { line: lines, column: 1 });
  }

  /**
   * The file's text, chunk by chunk, with line breaks made '\n'. Stops at the first byte that
   * is not UTF-8, handing over only the whole lines before it.
   */
  private async *decode(handle: FileHandle): AsyncGenerator<string> {
    const reader = new Utf8Reader();
    const breaks = lineBreaks();
    const stream = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES, autoClose: false });
    let carry = '';
    const stop = (invalid: InvalidUtf8): string => {
      this.report('wrong-encoding', invalidUtf8Message(invalid.invalid), invalid.invalid);
      const text = carry + breaks(invalid.text);
      return text.slice(0, text.lastIndexOf('\n') + 1);
    };
    try {
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        const text = reader.push(chunk);
        if (typeof text !== 'string') {
          const whole = stop(text);
          if (whole !== '') yield whole;
          return;
        }
        const joined = carry + breaks(text);
        const cut = joined.lastIndexOf('\n') + 1;
        carry = joined.slice(cut);
        if (cut > 0) yield joined.slice(0, cut);
      }
      const rest = reader.push(new Uint8Array(0), true);
      if (typeof rest !== 'string') {
        const whole = stop(rest);
        if (whole !== '') yield whole;
        return;
      }
      const last = carry + breaks(rest);
      if (last !== '') yield last;
    } finally {
      stream.destroy();
    }
  }
}

/**
 * Streams a measurements CSV row by row, for files too large to hold: the header is checked
 * first (see `CsvStream.header()`), then each row is read, checked and handed over with its line.
 * Throws InputError (when iterated) only when the file cannot be read at all.
 */
export function streamCsv(path: string, options: LoadOptions): CsvStream {
  const absolute = resolve(options.cwd, path);
  const reader = new CsvReader(displayPath(absolute, options.cwd), absolute, resolveLimits(options.limits));
  let events: AsyncGenerator<Event> | undefined;
  let header: Promise<CsvHeader> | undefined;
  let iterated = false;
  const start = (): AsyncGenerator<Event> => (events ??= reader.events());
  const readHeader = (): Promise<CsvHeader> =>
    (header ??= (async () => {
      const first = await start().next();
      if (first.done || first.value.kind !== 'header') return { line: 1, cells: [], usable: false };
      return first.value.header;
    })());
  return {
    file: reader.file,
    path: absolute,
    diagnostics: reader.diagnostics,
    get plan() {
      return reader.plan;
    },
    header: readHeader,
    async close() {
      await events?.return(undefined);
    },
    async *[Symbol.asyncIterator]() {
      if (iterated) throw new Error('a CSV stream can be iterated once');
      iterated = true;
      const generator = start();
      try {
        if (!(await readHeader()).usable) return;
        for (;;) {
          const next = await generator.next();
          if (next.done) return;
          if (next.value.kind === 'row') yield next.value.row;
        }
      } finally {
        await generator.return(undefined);
      }
    },
  };
}
