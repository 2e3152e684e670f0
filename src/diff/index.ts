/** Pure: two evaluations or two plans → changes; measurements → a trend table. */
export { diffEvaluations } from './diff-evaluations.js';
export { diffPlans } from './diff-plans.js';
export { buildTrend, poolSource, trendOf } from './trend.js';
export type { ActualSource, Trend, TrendOptions, TrendPoint, TrendRow, TrendTarget } from './trend.js';
export { sparkline, SPARK_BARS, SPARK_GAP } from './sparkline.js';
export type { SparklineOptions } from './sparkline.js';
export { CHANGE_KINDS, DIFF_NOTES, TARGET_FIELDS } from './types.js';
export type {
  Change,
  ChangeKind,
  Diff,
  DiffNote,
  DiffSide,
  EvaluationDiff,
  PlanDiff,
  ResultChange,
  ResultSide,
  TargetChange,
  TargetField,
  TargetSide,
} from './types.js';
