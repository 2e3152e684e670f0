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
import { PlainRows } from './csv-plain-rows.js';
import { columnAt, Row } from './csv-row.js';
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
  readonly columns: Record<string, number>;
  /** The plan the file's `plan` column had named when this row was read (see `CsvStream.plan`). */
  readonly plan?: string;
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
  /**
   * The rows, as many at a time as are read: iterate either this or the stream itself, once.
   * Every diagnostic of a batch's rows is in `diagnostics` when the batch is handed over. A row's
   * `columns` are worked out when first read, so a caller that never needs them does not pay.
   */
  batches(): AsyncIterable<CsvRow[]>;
  /**
   * As `batches`, but plain rows come as they are read, in columns (`PlainRows`), never made
   * into row objects; other rows come as rows. Iterate either this, `batches` or the stream, once.
   */
  blocks(): AsyncIterable<CsvRow[] | PlainRows>;
}

/** Options of `streamCsv` and `loadFile`. */
export interface LoadOptions {
  /** Paths are resolved against it and shown relative to it. */
  cwd: string;
  /** Narrower limits than `LIMITS`, for tests and benchmarks. */
  limits?: Partial<Limits>;
  /** Told, after each chunk a CSV stream reads, how many of the file's bytes are read so far. */
  onBytes?: (read: number, total: number) => void;
}

type Event = { kind: 'header'; header: CsvHeader } | { kind: 'rows'; rows: CsvRow[] | PlainRows };

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

/** Lines longer than this go to csv-parse, which knows the record size limit. */
const FAST_LINE = 4096;

/**
 * The cells of a line without quotes, as csv-parse reads them with `trim`: spaces, tabs and
 * form feeds before a cell, and any white space after it, are not part of it.
 */
function splitLine(line: string, separator: string): string[] {
  const cells = line.split(separator);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const n = cell.length;
    if (n === 0) continue;
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(n - 1);
    // Only a cell that starts or ends with a space or a control character, or with a
    // character beyond ASCII (Unicode white space), can need trimming.
    if (first > 32 && first < 127 && last > 32 && last < 127) continue;
    let start = 0;
    while (start < n) {
      const c = cell.charCodeAt(start);
      if (c !== 32 && c !== 9 && c !== 12) break;
      start++;
    }
    cells[i] = cell.slice(start).trimEnd();
  }
  return cells;
}

/** True when every cell of a record is empty: a line of separators only. */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

const NOT_ASCII = /[^\u0000-\u007f]/;

/** NFC, skipped for ASCII text, which it cannot change. */
function nfc(text: string): string {
  return NOT_ASCII.test(text) ? text.normalize('NFC') : text;
}

/** Up to 15 digits and nothing else: read exactly by Number. */
function isPlainDigits(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Short text cells kept per column, so a million rows naming a few thousand orgs share their strings. */
const INTERN_LENGTH = 64;
const INTERN_COUNT = 16_384;

/**
 * Text cells in NFC, each distinct short text normalised once and shared by every row that
 * repeats it; the tables are bounded, so memory stays bounded on a file of distinct texts.
 */
class Interned {
  /** Per column: a hash of the cell's text → [text, NFC text, text, NFC text, ...]. */
  private readonly tables: Map<number, string[]>[] = [];
  private readonly counts: number[] = [];

  get(column: number, cell: string): string {
    return this.range(column, cell, 0, cell.length);
  }

  /**
   * The NFC text of `text.slice(start, end)`, found without cutting it out when it was seen
   * before: a million rows naming a few thousand orgs make a few thousand strings.
   */
  range(column: number, text: string, start: number, end: number): string {
    const length = end - start;
    if (length > INTERN_LENGTH) return nfc(text.slice(start, end));
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    let table = this.tables[column];
    if (table === undefined) {
      this.tables[column] = table = new Map();
      this.counts[column] = 0;
    }
    const bucket = table.get(hash);
    if (bucket !== undefined) {
      for (let j = 0; j < bucket.length; j += 2) {
        const seen = bucket[j]!;
        if (seen.length === length && text.startsWith(seen, start)) return bucket[j + 1]!;
      }
    }
    const cell = start === 0 && end === text.length ? text : text.slice(start, end);
    const value = nfc(cell);
    if (this.counts[column]! < INTERN_COUNT) {
      this.counts[column]!++;
      if (bucket === undefined) table.set(hash, [cell, value]);
      else bucket.push(cell, value);
    }
    return value;
  }
}

/**
 * The parser's records, as many at a time as it has ready: one await per batch of records
 * rather than per record.
 */
async function* recordBatches(stream: Readable): AsyncGenerator<unknown[]> {
  for (;;) {
    const batch: unknown[] = [];
    for (let record = stream.read() as unknown; record !== null; record = stream.read() as unknown) batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) {
      if (stream.errored) throw stream.errored;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off('readable', done);
        stream.off('end', done);
        stream.off('close', done);
        stream.off('error', failed);
        resolve();
      };
      const failed = (error: Error) => {
        done();
        reject(error);
      };
      stream.on('readable', done);
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', failed);
    });
  }
}

class CsvReader {
  readonly diagnostics: Diagnostic[] = [];
  plan: string | undefined;
  private readonly reportedPlans = new Set<string>();

  /** The file's size, once known. */
  private size = 0;

  constructor(
    readonly file: string,
    readonly path: string,
    private readonly limits: Limits,
    private readonly onBytes?: (read: number, total: number) => void,
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
      this.size = info.size;
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

      let header: CsvHeaderCell[] | undefined;
      let fields: (CsvColumn | undefined)[] = [];
      const interned = new Interned();
      let rows = 0;
      /** Index of the next row handed over: the row's place in `measurements`. */
      let index = 0;
      /** Lines wholly read so far. */
      let linesBefore = 0;
      /** What is ready to hand over, and whether reading is over (an unusable header, the row limit). */
      const pending: Event[] = [];
      let out: CsvRow[] = [];
      /** Plain rows read since the last row of `out`: one of the two is empty, so rows keep their order. */
      let plainOut: PlainRows | undefined;
      let stop = false;
      const flushPlain = (): void => {
        if (plainOut !== undefined && plainOut.length > 0) {
          for (const column of plainOut.cells) column.length = plainOut.length;
          pending.push({ kind: 'rows', rows: plainOut });
        }
        plainOut = undefined;
      };
      const flushRows = (): void => {
        flushPlain();
        if (out.length > 0) pending.push({ kind: 'rows', rows: out });
        out = [];
      };

      /** One record: its cells, its raw text, the line it starts on and the line breaks inside it. */
      const record = (cells: string[], raw: string, line: number, breaks: number): void => {
        // The "sep=" line of an Excel export, before the header.
        if (line < headerNumber) return;
        if (isBlank(cells)) return;
        if (header === undefined) {
          const scan = scanCells(raw, separator);
          const analysis = analyseHeader(
            this.file,
            line,
            cells,
            cells.map((_, index) => columnAt(raw, scan, line, index).column),
          );
          this.diagnostics.push(...analysis.diagnostics);
          header = analysis.cells;
          fields = header.map((cell) => cell.field);
          pending.push({ kind: 'header', header: { line, separator, cells: analysis.cells, usable: analysis.usable } });
          if (!analysis.usable) stop = true;
          return;
        }
        rows++;
        if (rows > this.limits.maxCsvRows) {
          this.report('csv-too-many-rows', `the file has more than ${this.limits.maxCsvRows} data rows; the rest is not read`, {
            line,
            column: 1,
          });
          stop = true;
          return;
        }
        if (cells.length !== header.length) {
          this.report('csv-ragged-row', `this row has ${cells.length} cells but the header has ${header.length}; the row is not read`, {
            line,
            column: 1,
          });
          return;
        }
        if (breaks > 0) {
          const width = header.length;
          const swallowing = cells.findIndex((cell) => swallowsRows(cell, separator, width));
          if (swallowing !== -1) {
            const at = columnAt(raw, scanCells(raw, separator), line, swallowing);
            const end = line + breaks;
            this.report(
              'csv-syntax',
              `the quote that opens this cell (line ${at.line}) closes only on line ${end}, swallowing the rows between; ` +
                'remove the stray quote or close it on its own line',
              at,
            );
            return;
          }
        }
        flushPlain();
        out.push(this.row(index, line, raw, cells, fields, separator, interned));
        index++;
      };

      const maxString = this.limits.maxStringLength;
      const numericAt = (): boolean[] => fields.map((field) => field !== undefined && NUMBER_COLUMNS.has(field));
      let numeric: boolean[] = [];
      /**
       * A data line read in place, its cells never cut out: every cell a plain run of
       * characters (no space, control or non-ASCII character at either end, so nothing to
       * trim), numbers plain digits, as many cells as the header. Anything else (false) is
       * split and read by `record`, which reads such a line the same way.
       */
      const plainRecord = (text: string, start: number, end: number, line: number): boolean => {
        const width = fields.length;
        if (rows + 1 > this.limits.maxCsvRows) return false;
        if (numeric.length !== width) numeric = numericAt();
        if (plainOut === undefined || plainOut.text !== text || plainOut.plan !== this.plan) {
          flushRows();
          plainOut = new PlainRows(text, separator, fields, this.plan);
        }
        const block = plainOut;
        const k = block.length;
        const columns = block.cells;
        let filled = false;
        let a = start;
        for (let i = 0; i < width; i++) {
          let b = text.indexOf(separator, a);
          if (i === width - 1) {
            if (b !== -1 && b < end) return false;
            b = end;
          } else if (b === -1 || b >= end) return false;
          let cell: string | number | undefined;
          if (b > a) {
            filled = true;
            const first = text.charCodeAt(a);
            const last = text.charCodeAt(b - 1);
            if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return false;
            const field = fields[i];
            if (field !== undefined) {
              if (numeric[i] === true) {
                if (b - a > 15) return false;
                let number = 0;
                for (let d = a; d < b; d++) {
                  const digit = text.charCodeAt(d) - 48;
                  if (digit < 0 || digit > 9) return false;
                  number = number * 10 + digit;
                }
                cell = number;
              } else {
                const value = interned.range(i, text, a, b);
                if (value.length > maxString) return false;
                if (field === 'plan') {
                  if (value !== this.plan) return false;
                } else if (field !== 'title') cell = value;
              }
            }
          }
          columns[i]![k] = cell;
          a = b + 1;
        }
        if (!filled) return false;
        rows++;
        block.lines[k] = line;
        block.starts[k] = start;
        block.ends[k] = end;
        block.length = k + 1;
        index++;
        return true;
      };

      // Lines without a quote are split here, as the parser would split them, many times faster;
      // from the first line with a quote (or a very long one) on, csv-parse reads the rest.
      let piece: string | undefined = buffered;
      let remainder: string | undefined;
      while (piece !== undefined && !stop) {
        let pos = 0;
        const quote = piece.indexOf('"');
        while (pos < piece.length) {
          let end = piece.indexOf('\n', pos);
          const whole = end !== -1;
          if (!whole) end = piece.length;
          if ((quote !== -1 && quote < end) || end - pos > FAST_LINE) {
            remainder = piece.slice(pos);
            break;
          }
          const line = linesBefore + 1;
          if (whole) linesBefore++;
          if (end > pos && (header === undefined || !plainRecord(piece, pos, end, line))) {
            const raw = piece.slice(pos, end);
            record(splitLine(raw, separator), raw, line, 0);
            if (stop) break;
            // The header goes out before any row is read: its problems come first.
            if (pending.length > 0) {
              yield* pending;
              pending.length = 0;
            }
          }
          pos = end + 1;
        }
        flushRows();
        for (const event of pending) yield event;
        pending.length = 0;
        if (stop || remainder !== undefined) break;
        const next = await decoded.next();
        piece = next.done ? undefined : next.value;
      }

      let failure: Diagnostic | undefined;
      if (remainder !== undefined && !stop) {
        // Parse errors are taken through on_skip rather than as stream errors: a stream that errors
        // drops the rows it has parsed but not yet handed over. The parser's `info` option would
        // cost more than the rest of the reading: lines are counted from each record's raw text.
        /** How many records the parser handed over before the one it failed on. */
        let failedAfter = Number.POSITIVE_INFINITY;
        parser = parse({
          delimiter: separator,
          record_delimiter: '\n',
          raw: true,
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: true,
          trim: true,
          max_record_size: this.maxRecordSize(),
          skip_records_with_error: true,
          on_skip: (error) => {
            if (failure === undefined && error !== undefined) {
              failure = this.syntaxError(error, separator);
              if (typeof error.records === 'number') failedAfter = error.records;
            }
            return undefined;
          },
        });
        // The lines already read go in again as blank lines, which the parser skips but counts,
        // so that its line numbers (in its messages too) are the file's. The first record's raw
        // text holds them, so the count starts again from 0.
        const first = '\n'.repeat(linesBefore) + remainder;
        linesBefore = 0;
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

        /** Records the parser has handed over. */
        let records = 0;
        for await (const batch of recordBatches(parser as Readable)) {
          for (const parsed of batch as { record: string[]; raw: string }[]) {
            // Rows parsed after a syntax error are not to be trusted.
            if (records >= failedAfter) break;
            records++;
            const full = parsed.raw;
            let total = 0;
            for (let i = full.indexOf('\n'); i !== -1; i = full.indexOf('\n', i + 1)) total++;
            let raw: string;
            let breaks: number;
            let line: number;
            const ending = full.endsWith('\n') ? 1 : 0;
            if (total === ending) {
              raw = ending === 1 ? full.slice(0, -1) : full;
              breaks = 0;
              line = linesBefore + 1;
            } else {
              ({ text: raw, breaks } = trimRaw(full));
              line = linesBefore + 1 + (total - ending - breaks);
            }
            linesBefore += total;
            record(parsed.record, raw, line, breaks);
            if (stop) break;
            if (pending.length > 0) {
              yield* pending;
              pending.length = 0;
            }
          }
          flushRows();
          for (const event of pending) yield event;
          pending.length = 0;
          if (stop || records >= failedAfter) break;
        }
      }
      if (stop) return;
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
    raw: string,
    cells: string[],
    fields: readonly (CsvColumn | undefined)[],
    separator: CsvSeparator,
    interned: Interned,
  ): CsvRow {
    const row = new Row(line, raw, separator, fields);
    const values = row.values;
    const max = this.limits.maxStringLength;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      if (field === undefined) continue;
      const cell = cells[i]!;
      if (cell === '') continue;
      const numeric = NUMBER_COLUMNS.has(field);
      // Plain digits, by far the most common number cell, need neither NFC nor the full reading.
      if (numeric && isPlainDigits(cell)) {
        values[field] = Number(cell);
        continue;
      }
      const value = numeric ? nfc(cell) : interned.get(i, cell);
      if (value.length > max) {
        this.report('string-too-long', `this cell is ${value.length} characters long; the limit is ${max}`, row.at(i), rowPointer(index, field));
        continue;
      }
      if (field === 'title') continue;
      if (field === 'plan') {
        this.notePlan(value, () => row.at(i), () => rowPointer(index, field));
        continue;
      }
      if (numeric) {
        const parsed = parseCsvNumber(value, separator);
        if (parsed.kind === 'number') {
          values[field] = parsed.value;
          continue;
        }
        if (parsed.kind === 'ambiguous') this.report('csv-ambiguous-decimal', parsed.message, row.at(i), rowPointer(index, field));
      }
      values[field] = value;
    }
    if (this.plan !== undefined) row.plan = this.plan;
    return row;
  }

  private notePlan(plan: string, at: () => Position, path: () => string): void {
    if (this.plan === undefined) {
      this.plan = plan;
      return;
    }
    if (plan === this.plan || this.reportedPlans.has(plan)) return;
    this.reportedPlans.add(plan);
    this.report(
      'csv-mixed-plans',
      `this row names plan '${plan}' but earlier rows name '${this.plan}'; one file reports against one plan`,
      at(),
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
    const reader = new Utf8Reader({ crBreaks: true });
    const breaks = lineBreaks();
    const stream = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES, autoClose: false });
    let carry = '';
    const stop = (invalid: InvalidUtf8): string => {
      this.report('wrong-encoding', invalidUtf8Message(invalid.invalid), invalid.invalid);
      const text = carry + breaks(invalid.text);
      return text.slice(0, text.lastIndexOf('\n') + 1);
    };
    let read = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        read += chunk.length;
        this.onBytes?.(read, Math.max(read, this.size));
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
  const reader = new CsvReader(displayPath(absolute, options.cwd), absolute, resolveLimits(options.limits), options.onBytes);
  let events: AsyncGenerator<Event> | undefined;
  let header: Promise<CsvHeader> | undefined;
  let iterated = false;
  const start = (): AsyncGenerator<Event> => (events ??= reader.events());
  const blocks = async function* (): AsyncGenerator<CsvRow[] | PlainRows> {
    if (iterated) throw new Error('a CSV stream can be iterated once');
    iterated = true;
    const generator = start();
    try {
      if (!(await readHeader()).usable) return;
      for (;;) {
        const next = await generator.next();
        if (next.done) return;
        if (next.value.kind === 'rows') yield next.value.rows;
      }
    } finally {
      await generator.return(undefined);
    }
  };
  const batches = async function* (): AsyncGenerator<CsvRow[]> {
    for await (const block of blocks()) {
      if (!(block instanceof PlainRows)) {
        yield block;
        continue;
      }
      const rows: CsvRow[] = [];
      for (let k = 0; k < block.length; k++) rows.push(block.row(k));
      yield rows;
    }
  };
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
    batches,
    blocks,
    async *[Symbol.asyncIterator]() {
      // Plain rows, their columns worked out: a caller taking rows one by one may keep them.
      for await (const rows of batches()) {
        for (const { line, values, columns, plan } of rows) yield plan === undefined ? { line, values, columns } : { line, values, columns, plan };
      }
    },
  };
}
