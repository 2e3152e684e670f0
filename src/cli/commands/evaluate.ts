import { STATUSES, type Status } from '../../model/evaluation.js';
import { UsageError } from '../../model/errors.js';
import type { Plan } from '../../model/plan.js';
import { createPool, evaluatePool, expandTargets, filterEvaluation, tripsFailOn } from '../../evaluate/index.js';
import { loadEvaluationRenderer } from '../../report/evaluation/load-renderer.js';
import { DEFAULT_TABLE_WIDTH, EVALUATION_FORMATS, type EvaluationFormat } from '../../report/evaluation/types.js';
import type { CheckOptions } from '../../validate/index.js';
import { didYouMean } from '../../validate/suggest.js';
import { checkAreas, checkMeasurementSet, pathsToRead } from '../measurement-set.js';
export { DEFAULT_DATA_FOLDER } from '../measurement-set.js';
import type { CliContext } from '../context.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { emit } from '../output.js';
import { createProgress } from '../progress.js';
import { shippedPlanPath } from '../../load/package-files.js';

/** The statuses `--fail-on` takes: each trips on itself and on what is worse (no-data only on itself). */
export const FAIL_ON = ['missed', 'off-track', 'at-risk', 'no-data'] as const satisfies readonly Status[];
export type FailOn = (typeof FAIL_ON)[number];

/** Options of `ccp evaluate`, as the CLI hands them over. */
export interface EvaluateCommandOptions extends CommonOptions {
  area?: string[];
  horizon?: string[];
  status?: string[];
  failOn?: string;
}

function split(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

function parseStatuses(values: readonly string[] | undefined): Status[] {
  return split(values).map((value) => {
    if ((STATUSES as readonly string[]).includes(value)) return value as Status;
    throw new UsageError(`--status must be among ${STATUSES.join(', ')}, not '${value}'${didYouMean(value, STATUSES)}`);
  });
}

function parseFailOn(value: string | undefined): FailOn | undefined {
  if (value === undefined) return undefined;
  if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not '${value}'${didYouMean(value, FAIL_ON)}`);
}

function parseYears(values: readonly string[] | undefined): number[] {
  return split(values).map((value) => {
    if (/^\d{4}$/.test(value)) return Number(value);
    throw new UsageError(`--horizon takes years such as 2025, not '${value}'`);
  });
}

/** Years must be horizons of the plan: a typo would otherwise print an empty report. */
function checkYears(years: readonly number[], plan: Plan): void {
  if (years.length === 0) return;
  const known = [...new Set(expandTargets(plan).map((target) => target.year))].sort((a, b) => a - b);
  for (const year of years) {
    if (!known.includes(year)) throw new UsageError(`--horizon ${year}: the plan has no target for that year; its target years are ${known.join(', ')}`);
  }
}

/**
 * `ccp evaluate [paths...]`: checks the measurement files (the `data/` folder of the
 * working directory when no path is given) exactly as `validate` does, judges every target
 * of the plan as of `--as-of`, and writes the report. On any error in the data it prints the
 * diagnostics and returns 1 without a report; warnings are printed and the report is built.
 * Returns 1 when `--fail-on` trips (after writing the report), else 0. Bad options throw
 * UsageError (exit 2).
 */
export async function runEvaluate(ctx: CliContext, paths: string[], options: EvaluateCommandOptions): Promise<number> {
  const format = checkFormat(options.format, EVALUATION_FORMATS, 'table');
  const statuses = parseStatuses(options.status);
  const years = parseYears(options.horizon);
  const areas = split(options.area);
  const failOn = parseFailOn(options.failOn);

  const given = pathsToRead(paths, ctx.cwd, 'evaluate', 'ccp evaluate data/2025.yaml');
  // Built in a function of its own, so that the pool and the evaluation can be collected
  // before the text is written: a report of a million rows' sources is large.
  const report = await buildReport(ctx, given, options, { format, filter: { areas, years, statuses }, failOn });
  if (typeof report === 'number') return report;
  await emit(ctx, report.text, options.output, report.inputs);

  if (failOn !== undefined && report.tripped.length > 0) {
    const { tripped } = report;
    const shown = tripped.slice(0, 5);
    const more = tripped.length > shown.length ? `, and ${tripped.length - shown.length} more` : '';
    ctx.stderr.write(`ccp: --fail-on ${failOn}: ${tripped.length} result(s) tripped it: ${shown.join(', ')}${more}\n`);
    return 1;
  }
  return 0;
}

/** A report ready to write: its text, the files read, and the results `--fail-on` trips, as `target (status)`. */
interface Report {
  text: string;
  inputs: string[];
  tripped: string[];
}

/** Checks the files, evaluates and renders; 1 when the data has errors (printed). */
async function buildReport(
  ctx: CliContext,
  given: string[],
  options: EvaluateCommandOptions,
  how: { format: EvaluationFormat; filter: { areas: string[]; years: number[]; statuses: Status[] }; failOn: FailOn | undefined },
): Promise<Report | number> {
  // Entries go straight into the pool, which keeps per (indicator, period, org) only what
  // pooling needs: a CSV of millions of rows is never held whole.
  const pool = createPool();
  const progress = createProgress(ctx);
  const checking: CheckOptions = { cwd: ctx.cwd, onEntry: (entry) => pool.add(entry), onProgress: (file, read, total) => progress.update(file, read, total) };
  if (options.plan !== undefined) checking.plan = options.plan;
  let checked: Awaited<ReturnType<typeof checkMeasurementSet>>;
  try {
    checked = await checkMeasurementSet(ctx, given, checking, options.color, { noun: 'report', verb: 'evaluate' });
  } finally {
    progress.done();
  }
  if (typeof checked === 'number') return checked;
  const { check, plan } = checked;
  checkAreas(how.filter.areas, plan);
  checkYears(how.filter.years, plan);

  const evaluation = filterEvaluation(evaluatePool(plan, pool, { asOf: options.asOf }), how.filter);
  const toStdout = options.output === undefined || options.output === '-';
  const columns = ctx.stdout.columns;
  const width = toStdout && ctx.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : DEFAULT_TABLE_WIDTH;
  const render = await loadEvaluationRenderer(how.format);
  const text = render(evaluation, { lang: options.lang, color: options.color && toStdout, plan, width });
  const { failOn } = how;
  const tripped =
    failOn === undefined
      ? []
      : evaluation.results.filter((result) => tripsFailOn(result.status, failOn)).map((result) => `${result.target} (${result.status})`);
  return { text, inputs: [...check.files, options.plan ?? shippedPlanPath()], tripped };
}
