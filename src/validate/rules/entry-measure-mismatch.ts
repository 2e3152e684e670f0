import type { EntryRule } from './types.js';

/** An entry reports what its indicator measures: a share for a percent, a number for a count, a status for a milestone. */
export const entryMeasureMismatch: EntryRule = ({ slot, indicator, report }) => {
  if (indicator === undefined) return;
  const raw = slot.raw;
  const at = (key: string) => ({ pointer: `${slot.pointer}/${key}`, key: true });
  const id = indicator.id;
  switch (indicator.measure) {
    case 'percent':
      if (raw.status !== undefined) report('measure-mismatch', at('status'), `'${id}' is a percent: report a value or numerator and denominator, not a status`);
      break;
    case 'count':
      if (raw.status !== undefined) report('measure-mismatch', at('status'), `'${id}' is a count: report a value, not a status`);
      else if (raw.numerator !== undefined) report('measure-mismatch', at('numerator'), `'${id}' is a count: report a value, not numerator and denominator`);
      break;
    case 'milestone':
      for (const key of ['value', 'numerator']) {
        if (raw[key] !== undefined) {
          report('measure-mismatch', at(key), `'${id}' is a milestone: report a status (done, in-progress or not-started), not a number`);
          return;
        }
      }
      break;
  }
};
