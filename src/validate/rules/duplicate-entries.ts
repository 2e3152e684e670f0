import type { DiagnosticCode, Severity } from '../../model/diagnostic.js';
import type { Place } from '../report.js';
import type { EntrySlot } from './types.js';

/** What a rule over every entry of every file sees. */
export interface EntrySetRuleContext {
  slots: readonly EntrySlot[];
  report: (slot: EntrySlot, code: DiagnosticCode, place: Place, message: string, severity?: Severity) => void;
  /** Leaves an entry out of the checked entries without a diagnostic of its own. */
  discard: (slot: EntrySlot) => void;
}

const MEASURED = ['value', 'numerator', 'denominator', 'status'] as const;

function sameFigures(a: EntrySlot, b: EntrySlot): boolean {
  return MEASURED.every((field) => a.entry[field] === b.entry[field]);
}

/**
 * One indicator, period and org is reported once per plan, across all files. A repeat with
 * the figures of an earlier report is a warning (one copy is kept); a repeat with other
 * figures is an error naming the first report, and none of the clashing reports is kept.
 * The counts of warnings and errors do not depend on the order of files or rows.
 */
export function duplicateEntries({ slots, report, discard }: EntrySetRuleContext): void {
  const groups = new Map<string, EntrySlot[]>();
  for (const slot of slots) {
    if (slot.entry.period === '') continue;
    const { indicator, period, org } = slot.entry;
    // Two plans may share an indicator id: their reports are not duplicates of each other.
    const key = JSON.stringify([slot.plan ?? '', indicator, period, org ?? '']);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [slot]);
    else group.push(slot);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first] = group as [EntrySlot, ...EntrySlot[]];
    const variants: EntrySlot[] = [first];
    const { indicator, period, org } = first.entry;
    const what = `'${indicator}' for ${period}${org === undefined ? '' : ` (${org})`}`;
    for (const slot of group.slice(1)) {
      const same = variants.find((v) => sameFigures(v, slot));
      if (same !== undefined) {
        report(slot, 'identical-duplicate', { pointer: slot.pointer }, `${what} was already reported, identically, at ${same.entry.file}:${same.entry.line}`, 'warning');
        discard(slot);
      } else {
        report(slot, 'duplicate-entry', { pointer: slot.pointer }, `${what} is already reported at ${first.entry.file}:${first.entry.line} with other figures`);
        variants.push(slot);
      }
    }
    if (variants.length > 1) for (const slot of group) discard(slot);
  }
}
