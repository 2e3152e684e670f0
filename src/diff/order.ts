import { PRECISION, roundTo } from '../evaluate/index.js';
import { CHANGE_KINDS, type Change, type ChangeKind } from './types.js';

/**
 * The targets of both sides in one order: the after side's order, with each target found only
 * before slotted in just after the target that preceded it there. Both sides list targets in
 * plan order, so the merge is plan order too, even when the plans differ.
 */
export function mergeOrder(before: readonly string[], after: readonly string[]): string[] {
  const merged = [...after];
  const present = new Set(after);
  let anchor = 0;
  for (const id of before) {
    if (present.has(id)) {
      anchor = merged.indexOf(id) + 1;
      continue;
    }
    merged.splice(anchor, 0, id);
    present.add(id);
    anchor++;
  }
  return merged;
}

/** Sorts changes by kind (regressions first, see CHANGE_KINDS), keeping their given order within a kind. */
export function sortChanges<C extends Change<unknown>>(changes: readonly C[]): C[] {
  const rank = (kind: ChangeKind) => CHANGE_KINDS.indexOf(kind);
  return [...changes].sort((a, b) => rank(a.change) - rank(b.change));
}

/** How many changes of each kind, every kind present. */
export function summarizeChanges(changes: readonly Change<unknown>[]): Record<ChangeKind, number> {
  const summary = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const change of changes) summary[change.change]++;
  return summary;
}

/**
 * Rounds a difference as evaluations round values (two decimals, half away from zero, never
 * -0), so that floating noise (4.500000000001) never shows.
 */
export function roundDelta(value: number): number {
  return roundTo(value, PRECISION.value);
}
