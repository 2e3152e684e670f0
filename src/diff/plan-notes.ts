import type { DiffNote } from './types.js';

/** What a diff must say about the two sides' plans: different plans, or versions of one plan. */
export function planNotes(before: { id: string; version: number }, after: { id: string; version: number }): DiffNote[] {
  if (before.id !== after.id) return ['different-plans'];
  if (before.version !== after.version) return ['different-plan-versions'];
  return [];
}
