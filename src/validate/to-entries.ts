import type { SourceDocument } from '../load/document.js';
import { PlainYamlDocument } from '../load/yaml-plain.js';
import type { Entry, MilestoneStatus } from '../model/measurement.js';
import { isRejected, type DocumentCheck } from './check-document.js';
import type { EntrySlot } from './rules/types.js';

type Raw = Record<string, unknown>;

const TEXT_FIELDS = ['evidence', 'org', 'source', 'note'] as const;

/** What a measurements file gives every entry that does not say otherwise. */
export interface EntryDefaults {
  /** The file's valid default period (YAML may write it as an integer). */
  period?: unknown;
  /** True when the file has a default period that is itself invalid (and already reported). */
  periodRejected?: boolean;
  org?: string;
}

/**
 * One schema-valid entry as an Entry: the file's defaults applied, an integer period turned
 * into a string, a percent's value derived from its counts. Undefined when the entry's period
 * hangs on an invalid default (already reported).
 */
export function toEntry(file: string, raw: Raw, line: number, defaults: EntryDefaults): Entry | undefined {
  const entry: Entry = { indicator: String(raw.indicator), period: '', file, line };
  if (raw.period !== undefined) entry.period = String(raw.period);
  else if (defaults.period !== undefined) entry.period = String(defaults.period);
  else if (defaults.periodRejected === true) return undefined;
  if (typeof raw.value === 'number') entry.value = raw.value;
  if (typeof raw.numerator === 'number') entry.numerator = raw.numerator;
  if (typeof raw.denominator === 'number') entry.denominator = raw.denominator;
  if (entry.value === undefined && entry.numerator !== undefined && entry.denominator !== undefined && entry.denominator > 0) {
    entry.value = (entry.numerator / entry.denominator) * 100;
  }
  if (typeof raw.status === 'string') entry.status = raw.status as MilestoneStatus;
  for (let i = 0; i < TEXT_FIELDS.length; i++) {
    const field = TEXT_FIELDS[i]!;
    if (typeof raw[field] === 'string') entry[field] = raw[field];
  }
  if (entry.org === undefined && defaults.org !== undefined) entry.org = defaults.org;
  return entry;
}

/** An entry's key for the duplicate check with every field written (undefined where an Entry has none). */
export interface EntryKeyScratch {
  indicator: string;
  period: string;
  org: string | undefined;
  value: number | undefined;
  numerator: number | undefined;
  denominator: number | undefined;
  status: string | undefined;
  file: string;
  line: number;
}

/** A key for `entryKeyInto` to write over, entry after entry. */
export function newEntryKey(): EntryKeyScratch {
  return { indicator: '', period: '', org: undefined, value: undefined, numerator: undefined, denominator: undefined, status: undefined, file: '', line: 0 };
}

/**
 * What `toEntry` gives the duplicate check (its indicator, period, org, figures and place),
 * written into `key` with no Entry made; false where `toEntry` gives undefined. For a caller
 * that needs the diagnostics only.
 */
export function entryKeyInto(key: EntryKeyScratch, file: string, raw: Raw, line: number, defaults: EntryDefaults): boolean {
  let period = '';
  if (raw.period !== undefined) period = String(raw.period);
  else if (defaults.period !== undefined) period = String(defaults.period);
  else if (defaults.periodRejected === true) return false;
  const value = typeof raw.value === 'number' ? raw.value : undefined;
  const numerator = typeof raw.numerator === 'number' ? raw.numerator : undefined;
  const denominator = typeof raw.denominator === 'number' ? raw.denominator : undefined;
  key.indicator = String(raw.indicator);
  key.period = period;
  key.file = file;
  key.line = line;
  key.numerator = numerator;
  key.denominator = denominator;
  key.value = value === undefined && numerator !== undefined && denominator !== undefined && denominator > 0 ? (numerator / denominator) * 100 : value;
  key.status = typeof raw.status === 'string' ? raw.status : undefined;
  key.org = typeof raw.org === 'string' ? raw.org : defaults.org;
  return true;
}

/** The slot of an Entry made by `toEntry` from `raw`, the entry written at `pointer`. */
export function slotOf(doc: SourceDocument, entry: Entry, raw: Raw, pointer: string, defaults: EntryDefaults): EntrySlot {
  const slot: EntrySlot = { entry, raw, pointer, doc, diagnostics: [] };
  if (raw.period !== undefined) slot.periodPointer = `${pointer}/period`;
  else if (defaults.period !== undefined) slot.periodPointer = '/period';
  return slot;
}

/** `toEntry` and `slotOf` in one: the slot of one schema-valid entry, or undefined as `toEntry` says. */
export function entrySlot(doc: SourceDocument, raw: Raw, pointer: string, line: number, defaults: EntryDefaults): EntrySlot | undefined {
  const entry = toEntry(doc.file, raw, line, defaults);
  return entry === undefined ? undefined : slotOf(doc, entry, raw, pointer, defaults);
}

/**
 * The 1-based line of entry `index` of a document's `measurements` (`items`): asked of the
 * quick reader's document directly, with no pointer made or walked, when it read the file.
 */
export function entryLine(doc: SourceDocument, items: readonly unknown[], index: number): number {
  return (doc instanceof PlainYamlDocument ? doc.itemLine(items, index) : undefined) ?? doc.locate(`/measurements/${index}`).line;
}

/** The defaults a measurements document gives its entries. */
export function defaultsOf(check: DocumentCheck): EntryDefaults {
  const data = check.data ?? {};
  const defaults: EntryDefaults = {};
  if (data.period !== undefined) {
    if (isRejected(check, '/period')) defaults.periodRejected = true;
    else defaults.period = data.period;
  }
  if (typeof data.org === 'string' && !isRejected(check, '/org')) defaults.org = data.org;
  return defaults;
}

/**
 * The schema-valid entries of a measurements document held whole (YAML), with the file's
 * defaults applied. Entries the schema or the reader rejected are left out.
 */
export function toEntrySlots(check: DocumentCheck): EntrySlot[] {
  const data = check.data;
  if (check.kind !== 'Measurements' || data === undefined || !Array.isArray(data.measurements)) return [];
  const doc = check.doc;
  const defaults = defaultsOf(check);
  const slots: EntrySlot[] = [];
  const items: unknown[] = data.measurements;
  const anyRejected = check.rejected.length > 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const pointer = `/measurements/${i}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item) || (anyRejected && isRejected(check, pointer))) continue;
    const slot = entrySlot(doc, item as Raw, pointer, entryLine(doc, items, i), defaults);
    if (slot !== undefined) slots.push(slot);
  }
  return slots;
}
