import type { Indicator } from '../../model/plan.js';
import type { EntryRule } from './types.js';

/** The property of an entry as written that does not fit its indicator's measure, or undefined. */
export function mismatchedKey(indicator: Indicator, raw: { readonly status?: unknown; readonly numerator?: unknown; readonly value?: unknown }): 'status' | 'numerator' | 'value' | undefined {
  switch (indicator.measure) {
    case 'percent':
      return raw.status !== undefined ? 'status' : undefined;
    case 'count':
      return raw.status !== undefined ? 'status' : raw.numerator !== undefined ? 'numerator' : undefined;
    case 'milestone':
      return raw.value !== undefined ? 'value' : raw.numerator !== undefined ? 'numerator' : undefined;
  }
  return undefined;
}

/** An entry reports what its indicator measures: a share for a percent, a number for a count, a status for a milestone. */
export const entryMeasureMismatch: EntryRule = ({ slot, indicator, report }) => {
  if (indicator === undefined) return;
  const key = mismatchedKey(indicator, slot.raw);
  if (key === undefined) return;
  const at = { pointer: `${slot.pointer}/${key}`, key: true };
  const id = indicator.id;
  switch (indicator.measure) {
    case 'percent':
      report('measure-mismatch', at, `'${id}' is a percent: report a value or numerator and denominator, not a status`);
      break;
    case 'count':
      report(
        'measure-mismatch',
        at,
        key === 'status' ? `'${id}' is a count: report a value, not a status` : `'${id}' is a count: report a value, not numerator and denominator`,
      );
      break;
    case 'milestone':
      report('measure-mismatch', at, `'${id}' is a milestone: report a status (done, in-progress or not-started), not a number`);
      break;
  }
};
