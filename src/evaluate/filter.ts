import type { Evaluation, Status } from '../model/evaluation.js';
import { summarize } from './status.js';

/** What to keep; an absent or empty list keeps everything on that axis. */
export interface EvaluationFilter {
  areas?: string[];
  years?: number[];
  statuses?: Status[];
}

/** Keeps the results that match every given axis; the summary counts only what is kept. */
export function filterEvaluation(evaluation: Evaluation, filter: EvaluationFilter): Evaluation {
  const keep = <T>(list: T[] | undefined, value: T): boolean => list === undefined || list.length === 0 || list.includes(value);
  const results = evaluation.results.filter(
    (r) => keep(filter.areas, r.area) && keep(filter.years, r.year) && keep(filter.statuses, r.status),
  );
  return { ...evaluation, summary: summarize(results), results };
}
