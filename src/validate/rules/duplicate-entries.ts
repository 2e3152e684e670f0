import type { DiagnosticCode, Severity } from '../../model/diagnostic.js';
import type { Place } from '../report.js';
import type { EntrySlot } from './types.js';

/** What a rule over every entry of every file sees. */
export interface EntrySetRuleContext {
  slots: readonly EntrySlot[];
  report: (slot: EntrySlot, code: DiagnosticCode, place: Place, message: string, severity?: Severity) => void;
}

const MEASURED = ['value', 'numerator', 'denominator', 'status'] as const;

/**
 * One indicator, period and org is reported once per plan, across all files. A second, different
 * report is an error naming the first; an identical repeat is only a warning.
 */
export function duplicateEntries({ slots, report }: EntrySetRuleContext): void {
  const first = new Map<string, EntrySlot>();
  for (const slot of slots) {
    const { indicator, period, org } = slot.entry;
    if (period === '') continue;
    // Two plans may share an indicator id: their reports are not duplicates of each other.
    const key = JSON.stringify([slot.plan ?? '', indicator, period, org ?? '']);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, slot);
      continue;
    }
    const where = `${earlier.entry.file}:${earlier.entry.line}`;
    const what = `'${indicator}' for ${period}${org === undefined ? '' : ` (${org})`}`;
    const identical = MEASURED.every((field) => earlier.entry[field] === slot.entry[field]);
    if (identical) {
      report(slot, 'identical-duplicate', { pointer: slot.pointer }, `${what} was already reported, identically, at ${where}`, 'warning');
    } else {
      report(slot, 'duplicate-entry', { pointer: slot.pointer }, `${what} is already reported at ${where} with other figures`);
    }
  }
}
