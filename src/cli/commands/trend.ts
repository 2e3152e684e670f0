import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { trendOf } from '../../diff/index.js';
import { UsageError } from '../../model/errors.js';
import { renderDiagnostics } from '../../report/diagnostics/index.js';
import { renderTrend, TREND_FORMATS } from '../../report/trend/index.js';
import { DEFAULT_TREND_WIDTH } from '../../report/trend/table.js';
import { checkFiles } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, commonOptions, type CommonOptions, type RawCommonOptions } from '../options.js';
import { emit } from '../output.js';
import { shippedPlanPath } from '../../load/package-files.js';

/** Options of `ccp trend`. */
export interface TrendCommandOptions extends CommonOptions {
  /** Only indicators of these areas. */
  area?: string[];
}

/** The folder read when no path is given, as `ccp evaluate` does. */
const DEFAULT_DATA_FOLDER = 'data';

function pathsToRead(paths: readonly string[], cwd: string): string[] {
  if (paths.length > 0) return [...paths];
  let folder = false;
  try {
    folder = statSync(resolve(cwd, DEFAULT_DATA_FOLDER)).isDirectory();
  } catch {
    folder = false;
  }
  if (folder) return [DEFAULT_DATA_FOLDER];
  throw new UsageError(
    `trend needs measurement files: name files, folders or globs (e.g. ccp trend data/), or run it where a ${DEFAULT_DATA_FOLDER}/ folder holds them`,
  );
}

/**
 * `ccp trend [paths...]`: one row per indicator, one column per year of data (the pooled
 * actual, exactly as `evaluate` pools it, up to the --as-of date's reporting year), the
 * targets beside them and a sparkline. Reads the `data/` folder when no path is given. Data
 * with errors → diagnostics on stderr, exit 1, no report; warnings are printed and the report
 * follows. Bad options throw UsageError (exit 2).
 */
export async function runTrend(ctx: CliContext, paths: string[], options: TrendCommandOptions): Promise<number> {
  // Resolved again: the options arrive with commander's raw values spread over the resolved ones.
  const common = commonOptions(options as RawCommonOptions, ctx);
  const format = checkFormat(options.format, TREND_FORMATS, 'table');
  const areas = (options.area ?? []).flatMap((area) => area.split(',')).filter((area) => area !== '');

  const given = pathsToRead(paths, ctx.cwd);
  const check = await checkFiles(given, common.plan === undefined ? { cwd: ctx.cwd } : { cwd: ctx.cwd, plan: common.plan });
  if (check.summary.errors > 0 || check.summary.warnings > 0) {
    ctx.stderr.write(renderDiagnostics('text', check, { color: common.color }));
  }
  if (check.summary.errors > 0) {
    ctx.stderr.write('ccp: no trend: fix the errors above first (ccp validate shows them too)\n');
    return 1;
  }
  if (check.measurementFiles.length === 0) {
    throw new UsageError(`no measurement files (.yaml, .yml, .csv of kind Measurements) found in ${given.join(', ')}`);
  }
  const plan = check.plan;
  if (plan === undefined) {
    const named = [...new Set(check.measurementFiles.map((file) => file.plan).filter((id) => id !== undefined))];
    throw new UsageError(`the measurement files name more than one plan (${named.join(', ')}); show each plan's files separately`);
  }
  const known = plan.areas.map((area) => area.id);
  const unknown = areas.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`--area ${unknown.map((id) => `'${id}'`).join(', ')} is not an area of the plan; its areas are ${known.join(', ')}`);
  }

  const trend = trendOf(plan, check.entries, { areas, asOf: common.asOf });
  const toStdout = common.output === undefined || common.output === '-';
  const columns = ctx.stdout.columns;
  const width = toStdout && ctx.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : DEFAULT_TREND_WIDTH;
  await emit(ctx, renderTrend(format, trend, { lang: common.lang, color: common.color && toStdout, plan, width }), common.output, [
    ...check.files,
    common.plan ?? shippedPlanPath(),
  ]);
  return 0;
}
