import type { Entry, MilestoneStatus } from '../model/measurement.js';
import { isRejected, type DocumentCheck } from './check-document.js';
import type { EntrySlot } from './rules/types.js';

type Raw = Record<string, unknown>;

const TEXT_FIELDS = ['evidence', 'org', 'source', 'note'] as const;

function periodText(value: unknown): string {
  return value === undefined ? '' : String(value);
}

/**
 * The schema-valid entries of a measurements document, with the file's defaults applied
 * (`period`, `org`), YAML integer periods turned into strings, and a percent's value
 * derived from its counts. Entries the schema or the reader rejected are left out.
 */
export function toEntrySlots(check: DocumentCheck): EntrySlot[] {
  const data = check.data;
  if (check.kind !== 'Measurements' || data === undefined || !Array.isArray(data.measurements)) return [];
  const doc = check.doc;
  const defaultPeriodOk = data.period !== undefined && !isRejected(check, '/period');
  const defaultOrg = typeof data.org === 'string' && !isRejected(check, '/org') ? data.org : undefined;
  // A reader's error on a CSV row (ragged, ambiguous number) leaves that row out, whatever its path.
  const badLines = new Set(doc.format === 'csv' ? doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line) : []);
  const slots: EntrySlot[] = [];
  data.measurements.forEach((item: unknown, i: number) => {
    const pointer = `/measurements/${i}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item) || isRejected(check, pointer)) return;
    const line = doc.locate(pointer).line;
    if (badLines.has(line)) return;
    const raw = item as Raw;
    const entry: Entry = { indicator: String(raw.indicator), period: '', file: doc.file, line };
    let periodPointer: string | undefined;
    if (raw.period !== undefined) {
      entry.period = periodText(raw.period);
      periodPointer = `${pointer}/period`;
    } else if (defaultPeriodOk) {
      entry.period = periodText(data.period);
      periodPointer = '/period';
    } else if (data.period !== undefined) {
      // The file's default period is itself invalid and already reported.
      return;
    }
    if (typeof raw.value === 'number') entry.value = raw.value;
    if (typeof raw.numerator === 'number') entry.numerator = raw.numerator;
    if (typeof raw.denominator === 'number') entry.denominator = raw.denominator;
    if (entry.value === undefined && entry.numerator !== undefined && entry.denominator !== undefined && entry.denominator > 0) {
      entry.value = (entry.numerator / entry.denominator) * 100;
    }
    if (typeof raw.status === 'string') entry.status = raw.status as MilestoneStatus;
    for (const field of TEXT_FIELDS) {
      if (typeof raw[field] === 'string') entry[field] = raw[field];
    }
    if (entry.org === undefined && defaultOrg !== undefined) entry.org = defaultOrg;
    const slot: EntrySlot = { entry, raw, pointer, doc, diagnostics: [] };
    if (periodPointer !== undefined) slot.periodPointer = periodPointer;
    slots.push(slot);
  });
  return slots;
}
