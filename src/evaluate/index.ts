/** The pure evaluation core: targets from a plan, due dates, pooling, statuses. */
export { expandTargets } from './targets.js';
export { yearCloses, isDue, reportingYearOf } from './reporting-year.js';
export { evaluate, evaluatePool, type EvaluateOptions } from './evaluate.js';
export { createPool, type Pool, type Pooled } from './pool.js';
export { filterEvaluation, type EvaluationFilter } from './filter.js';
export { tripsFailOn, summarize, RATIO_ON_TRACK, RATIO_AT_RISK } from './status.js';
export { REMARKS, type Remark } from './remarks.js';
export { parsePeriod, type Period, type Granularity } from './period.js';
export { TOLERANCE } from './requirement.js';
export { PRECISION, roundTo } from './round.js';
