/**
 * ccp's library API: the same pipeline the CLI runs — load, validate, evaluate, diff,
 * render — without a terminal. Every function here returns data or a string; none writes
 * to stdout or exits.
 */
export * from './model/index.js';
export { SHIPPED_PLAN_ID, shippedPlanPath, schemaPath, SCHEMA_NAMES, type SchemaName } from './load/package-files.js';

// load
export { discover, displayPath, loadFile, streamCsv, LIMITS } from './load/index.js';
export type { SourceDocument, Position, CsvRow } from './load/index.js';

// validate
export { checkFiles, loadPlan, toPlan, type CheckOptions, type CheckResult } from './validate/index.js';

// evaluate (pure)
export {
  evaluate,
  evaluatePool,
  createPool,
  expandTargets,
  filterEvaluation,
  isDue,
  reportingYearOf,
  summarize,
  tripsFailOn,
  yearCloses,
  type EvaluateOptions,
  type EvaluationFilter,
  type Pool,
} from './evaluate/index.js';

// diff and trend (pure)
export { diffEvaluations, diffPlans, trendOf, sparkline, type Trend } from './diff/index.js';

// report
export { renderEvaluation, evaluationRenderers, EVALUATION_FORMATS, type EvaluationFormat, type RenderOptions } from './report/evaluation/index.js';
export { renderDiagnostics, DIAGNOSTIC_FORMATS, type DiagnosticFormat } from './report/diagnostics/index.js';
export { renderDiff, DIFF_FORMATS } from './report/diff/index.js';
export { renderTrend, TREND_FORMATS } from './report/trend/index.js';
