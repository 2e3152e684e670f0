import { didYouMean } from '../suggest.js';
import type { EntryRule } from './types.js';

/** Every entry names an indicator of its plan. */
export const entryUnknownIndicator: EntryRule = ({ plan, slot, indicator, report }) => {
  if (plan === undefined || indicator !== undefined) return;
  const id = slot.entry.indicator;
  const ids = plan.indicators.map((i) => i.id);
  report('unknown-indicator', { pointer: `${slot.pointer}/indicator` }, `unknown indicator '${id}'${didYouMean(id, ids)}`);
};
