import { STATUSES, type Result, type Status } from '../model/evaluation.js';

/** The order of judgements from best to worst; `no-data` stands apart. */
const SEVERITY: Record<Exclude<Status, 'no-data'>, number> = { met: 0, 'on-track': 1, 'at-risk': 2, 'off-track': 3, missed: 4 };

/** The progress ratio from which a target not yet due is on-track. */
export const RATIO_ON_TRACK = 0.95;
/** The progress ratio from which it is at-risk rather than off-track. */
export const RATIO_AT_RISK = 0.6;

/**
 * `--fail-on`: true when `status` is `threshold` or worse, in the order met, on-track,
 * at-risk, off-track, missed. `no-data` stands apart: it trips only `--fail-on no-data`, and
 * `--fail-on no-data` trips on nothing else.
 */
export function tripsFailOn(status: Status, threshold: Status): boolean {
  if (status === 'no-data' || threshold === 'no-data') return status === threshold;
  return SEVERITY[status] >= SEVERITY[threshold];
}

/** Counts results per status; every status is a key, zeros included, in the order of STATUSES. */
export function summarize(results: Iterable<Pick<Result, 'status'>>): Record<Status, number> {
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const result of results) summary[result.status] += 1;
  return summary;
}

/** The status a progress ratio gives a target that is not due and not yet satisfied. */
export function statusOfRatio(ratio: number): Status {
  if (ratio >= RATIO_ON_TRACK) return 'on-track';
  if (ratio >= RATIO_AT_RISK) return 'at-risk';
  return 'off-track';
}
