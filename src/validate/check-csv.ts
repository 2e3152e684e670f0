// Straight from the reader, not the load/ index, whose other exports (the general file loader,
// the full YAML parser) a CSV run never uses: a bundle cannot leave out what an index re-exports.
import { streamCsv, type CsvRow } from '../load/csv-stream.js';
import type { CsvColumn } from '../load/csv-header.js';
import { type PlainCell, PlainRows } from '../load/csv-plain-rows.js';
import type { Position, SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../model/measurement.js';
import { findNonFinite } from './non-finite.js';
import { lastSegment } from './pointer.js';
import type { EntrySlot } from './rules/types.js';
import { SchemaErrorMapper } from './schema-diagnostics.js';
import { entryValidator } from './schemas.js';
import { entrySlot } from './to-entries.js';

// With a broken header every row is read wrongly: the header's own errors are the whole story.
const HEADER_CODES: ReadonlySet<string> = new Set(['csv-header', 'csv-unknown-column', 'csv-duplicate-header']);

/** What the caller does with a CSV file's plan and rows. */
export interface CsvSink {
  /**
   * Called once, before the first row is handed over (never for a file without rows), with
   * the first row's document and the plan the file's `plan` column names, if any.
   */
  start(first: { doc: SourceDocument; planId?: string; planPointer: string }): Promise<void>;
  /** A schema-valid row, as an entry slot. */
  row(slot: EntrySlot): void;
  /**
   * A row plainly within the entry schema, as its cells (the object is refilled for the next
   * row: keep nothing of it but its strings and numbers). Returns true when it took the row,
   * false to have it handed to `row` as a slot instead (anything a rule would report).
   */
  plain?(row: PlainEntry): boolean;
  /** A problem found in the file. */
  report(diagnostic: Diagnostic): void;
  /** Told how many of the file's bytes are read so far, as reading goes on. */
  progress?: (read: number, total: number) => void;
}

const NONE = { diagnostics: [], pointers: new Set<string>() };
const NUMBER_CELLS = ['value', 'numerator', 'denominator'] as const;
const MILESTONE_STATES: ReadonlySet<unknown> = new Set(MILESTONE_STATUSES);
/** The entry schema's period pattern (schemas/measurements.schema.json, `$defs/period`). */
const PERIOD = /^(19|20|21)[0-9]{2}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function textWithin(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= max);
}

/**
 * True only for a row the entry schema certainly accepts, judged in a few comparisons: the
 * reader's rows hold only the entry's own properties, and a string is never longer in code
 * points than in code units. Anything this does not recognise goes through the schema
 * validator, which finds and words the problems; a row passing here passes it too.
 */
export function plainlyValid(values: EntryCells): boolean {
  const { indicator, period, value, numerator, denominator, status } = values;
  if (typeof indicator !== 'string' || indicator.length === 0 || indicator.length > 100) return false;
  if (period !== undefined && (typeof period !== 'string' || !PERIOD.test(period))) return false;
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) return false;
  if ((numerator === undefined) !== (denominator === undefined)) return false;
  if (numerator !== undefined && (!isCount(numerator) || !isCount(denominator))) return false;
  if (status !== undefined && !MILESTONE_STATES.has(status)) return false;
  if (value === undefined && numerator === undefined && status === undefined) return false;
  return textWithin(values.org, 1000) && textWithin(values.source, 1000) && textWithin(values.note, 10_000) && textWithin(values.evidence, 10_000);
}

/** A row's cells by entry property, as `plainlyValid` reads them. */
export interface EntryCells {
  readonly indicator?: PlainCell;
  readonly period?: PlainCell;
  readonly value?: PlainCell;
  readonly numerator?: PlainCell;
  readonly denominator?: PlainCell;
  readonly status?: PlainCell;
  readonly org?: PlainCell;
  readonly source?: PlainCell;
  readonly note?: PlainCell;
  readonly evidence?: PlainCell;
}

/** A plain row's entry as written, typed: what `CsvSink.plain` is given. */
export interface PlainEntry {
  readonly indicator: string;
  /** Undefined when the row has none (then the file has no default either: a rule reports it). */
  readonly period: string | undefined;
  readonly value: number | undefined;
  readonly numerator: number | undefined;
  readonly denominator: number | undefined;
  readonly status: MilestoneStatus | undefined;
  readonly org: string | undefined;
  readonly source: string | undefined;
  readonly note: string | undefined;
  readonly evidence: string | undefined;
  readonly line: number;
  /** The row as an entry slot (its document, pointer and Entry), made when asked: for a diagnostic. */
  slot(): EntrySlot;
}

const PLAIN_FIELDS = ['indicator', 'period', 'value', 'numerator', 'denominator', 'status', 'org', 'source', 'note', 'evidence'] as const;

/**
 * One plain row after another of a block, read from its columns into one object: no row,
 * document, pointer or slot is made unless a caller asks for `slot()`.
 */
class PlainCursor implements EntryCells {
  indicator: PlainCell;
  period: PlainCell;
  value: PlainCell;
  numerator: PlainCell;
  denominator: PlainCell;
  status: PlainCell;
  org: PlainCell;
  source: PlainCell;
  note: PlainCell;
  evidence: PlainCell;
  line = 0;
  private block: PlainRows | undefined;
  private k = 0;
  private index = 0;
  /** The block's column for each of PLAIN_FIELDS (-1 when absent). */
  private readonly columns: (PlainCell[] | undefined)[] = [];

  constructor(
    private readonly file: string,
    private readonly path: string,
  ) {}

  /** Reads row `k` of `block`, the file's row number `index`. */
  read(block: PlainRows, k: number, index: number): void {
    if (block !== this.block) {
      this.block = block;
      for (let f = 0; f < PLAIN_FIELDS.length; f++) {
        const column = block.column(PLAIN_FIELDS[f] as CsvColumn);
        this.columns[f] = column === -1 ? undefined : block.cells[column];
      }
    }
    const c = this.columns;
    this.k = k;
    this.index = index;
    this.line = block.lines[k]!;
    this.indicator = c[0]?.[k];
    this.period = c[1]?.[k];
    this.value = c[2]?.[k];
    this.numerator = c[3]?.[k];
    this.denominator = c[4]?.[k];
    this.status = c[5]?.[k];
    this.org = c[6]?.[k];
    this.source = c[7]?.[k];
    this.note = c[8]?.[k];
    this.evidence = c[9]?.[k];
  }

  /** The current row made whole, with its document, as the general path reads it. */
  whole(): { row: CsvRow; doc: SourceDocument; pointer: string } {
    const row = this.block!.row(this.k);
    const pointer = `/measurements/${this.index}`;
    return { row, doc: new RowDocument(this.file, this.path, row, pointer), pointer };
  }

  slot(): EntrySlot {
    const { row, doc, pointer } = this.whole();
    return entrySlot(doc, row.values, pointer, row.line, {})!;
  }
}

/** A quick look, row by row, before the full walk that finds and reports the culprit. */
function hasNonFinite(values: Record<string, string | number>): boolean {
  return NUMBER_CELLS.some((cell) => {
    const v = values[cell];
    return typeof v === 'string' || (typeof v === 'number' && !Number.isFinite(v));
  });
}

/** A document for one row: positions come from the row's line and its cells' columns. */
class RowDocument implements SourceDocument {
  readonly format = 'csv';
  readonly data = undefined;
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly path: string,
    private readonly row: CsvRow,
    private readonly pointer: string,
  ) {}

  locate(at: string): Position {
    const column = at.startsWith(`${this.pointer}/`) ? this.row.columns[lastSegment(at)] : undefined;
    return { line: this.row.line, column: column ?? 1 };
  }
}

/**
 * Checks a measurements CSV as a stream: the header first, then each row against the entry
 * schema, batch by batch, so a file of millions of rows is never held whole. A row the reader
 * already found wrong (ragged, an ambiguous number) is reported once and left out.
 */
export async function checkCsv(path: string, cwd: string, sink: CsvSink): Promise<void> {
  const stream = streamCsv(path, sink.progress === undefined ? { cwd } : { cwd, onBytes: sink.progress });
  let seen = 0;
  /** Lines on which the reader reported an error: rows starting there are left out. */
  const errorLines = new Set<number>();
  /** Hands on the reader's new diagnostics. */
  const flush = (): void => {
    for (; seen < stream.diagnostics.length; seen++) {
      const d = stream.diagnostics[seen]!;
      sink.report(d);
      if (d.severity === 'error') errorLines.add(d.line);
    }
  };
  const header = await stream.header();
  flush();
  if (!header.usable || stream.diagnostics.some((d) => d.severity === 'error' && HEADER_CODES.has(d.code))) {
    await stream.close();
    return;
  }
  let started = false;
  let index = -1;
  /** Checks one row the long way: the schema, numbers that are not finite, then the entry rules. */
  const general = (row: CsvRow, doc: SourceDocument, pointer: string): void => {
    const values = row.values;
    if (plainlyValid(values)) {
      const slot = entrySlot(doc, values, pointer, row.line, {});
      if (slot !== undefined) sink.row(slot);
      return;
    }
    const nonFinite = hasNonFinite(values) ? findNonFinite(doc, values, pointer) : NONE;
    for (const d of nonFinite.diagnostics) sink.report(d);
    // The schema validator is asked for only here, by the first row not plainly valid: a clean
    // file never loads it.
    const validate = entryValidator();
    if (!validate(values)) {
      const errors = (validate.errors ?? [])
        .map((e) => ({ ...e, instancePath: `${pointer}${e.instancePath}` }))
        .filter((e) => ![...nonFinite.pointers].some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)));
      // The mapper reads values by pointer from the document's root: a sparse list holds the one row.
      const holder: unknown[] = [];
      holder[index] = values;
      for (const d of new SchemaErrorMapper(doc, { measurements: holder }, 'Measurements').map(errors)) sink.report(d);
      return;
    }
    if (nonFinite.pointers.size > 0) return;
    const slot = entrySlot(doc, values, pointer, row.line, {});
    if (slot !== undefined) sink.row(slot);
  };
  /** Hands the plan to the sink before the first row, with that row's document. */
  const begin = async (row: CsvRow, doc: SourceDocument, pointer: string): Promise<void> => {
    started = true;
    // The plan as named when this first row was read, as a row-by-row reader would see it.
    const planId = row.plan;
    await sink.start(planId === undefined ? { doc, planPointer: `${pointer}/plan` } : { doc, planId, planPointer: `${pointer}/plan` });
    flush();
  };
  const cursor = new PlainCursor(stream.file, stream.path);
  const plain = sink.plain;
  for await (const rows of stream.blocks()) {
    flush();
    if (rows instanceof PlainRows) {
      for (let k = 0; k < rows.length; k++) {
        index++;
        cursor.read(rows, k, index);
        if (!started) {
          const { row, doc, pointer } = cursor.whole();
          await begin(row, doc, pointer);
        }
        if (errorLines.size > 0 && errorLines.has(cursor.line)) continue;
        // plainlyValid holds every cell to the type PlainEntry gives it (a string indicator and
        // period, finite numbers, a milestone state, strings of text).
        if (plain !== undefined && plainlyValid(cursor) && plain(cursor as PlainCursor & PlainEntry)) continue;
        const { row, doc, pointer } = cursor.whole();
        general(row, doc, pointer);
      }
      continue;
    }
    for (const row of rows) {
      index++;
      const pointer = `/measurements/${index}`;
      const doc = new RowDocument(stream.file, stream.path, row, pointer);
      if (!started) await begin(row, doc, pointer);
      if (errorLines.size > 0 && errorLines.has(row.line)) continue;
      general(row, doc, pointer);
    }
  }
  flush();
}
