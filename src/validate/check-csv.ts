import { streamCsv, type CsvRow } from '../load/index.js';
import type { Position, SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { MILESTONE_STATUSES } from '../model/measurement.js';
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
export function plainlyValid(values: Record<string, string | number>): boolean {
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
  const validate = entryValidator();
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
  for await (const rows of stream.batches()) {
    flush();
    for (const row of rows) {
      index++;
      const pointer = `/measurements/${index}`;
      const doc = new RowDocument(stream.file, stream.path, row, pointer);
      if (!started) {
        started = true;
        // The plan as named when this first row was read, as a row-by-row reader would see it.
        const planId = row.plan;
        await sink.start(planId === undefined ? { doc, planPointer: `${pointer}/plan` } : { doc, planId, planPointer: `${pointer}/plan` });
        flush();
      }
      if (errorLines.size > 0 && errorLines.has(row.line)) continue;
      const values = row.values;
      if (plainlyValid(values)) {
        const slot = entrySlot(doc, values, pointer, row.line, {});
        if (slot !== undefined) sink.row(slot);
        continue;
      }
      const nonFinite = hasNonFinite(values) ? findNonFinite(doc, values, pointer) : NONE;
      for (const d of nonFinite.diagnostics) sink.report(d);
      if (!validate(values)) {
        const errors = (validate.errors ?? [])
          .map((e) => ({ ...e, instancePath: `${pointer}${e.instancePath}` }))
          .filter((e) => ![...nonFinite.pointers].some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)));
        // The mapper reads values by pointer from the document's root: a sparse list holds the one row.
        const holder: unknown[] = [];
        holder[index] = values;
        for (const d of new SchemaErrorMapper(doc, { measurements: holder }, 'Measurements').map(errors)) sink.report(d);
        continue;
      }
      if (nonFinite.pointers.size > 0) continue;
      const slot = entrySlot(doc, values, pointer, row.line, {});
      if (slot !== undefined) sink.row(slot);
    }
  }
  flush();
}
