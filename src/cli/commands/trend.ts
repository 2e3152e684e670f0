import { trendOf } from '../../diff/index.js';
import { renderTrend, TREND_FORMATS } from '../../report/trend/index.js';
import { DEFAULT_TREND_WIDTH } from '../../report/trend/table.js';
import type { CliContext } from '../context.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { checkAreas, checkMeasurementSet, pathsToRead } from '../measurement-set.js';
import { emit } from '../output.js';
import { shippedPlanPath } from '../../load/package-files.js';

/** Options of `ccp trend`. */
export interface TrendCommandOptions extends CommonOptions {
  /** Only indicators of these areas. */
  area?: string[];
}

/**
 * `ccp trend [paths...]`: one row per indicator, one column per year of data (the pooled
 * actual, exactly as `evaluate` pools it, up to the --as-of date's reporting year), the
 * targets beside them and a sparkline. Reads the `data/` folder when no path is given. Data
 * with errors → diagnostics on stderr, exit 1, no report; warnings are printed and the report
 * follows. Bad options throw UsageError (exit 2).
 */
export async function runTrend(ctx: CliContext, paths: string[], options: TrendCommandOptions): Promise<number> {
  const format = checkFormat(options.format, TREND_FORMATS, 'table');
  const areas = (options.area ?? []).flatMap((area) => area.split(',')).filter((area) => area !== '');

  const given = pathsToRead(paths, ctx.cwd, 'trend', 'ccp trend data/');
  const checked = await checkMeasurementSet(ctx, given, options.plan === undefined ? { cwd: ctx.cwd } : { cwd: ctx.cwd, plan: options.plan }, options.color, {
    noun: 'trend',
    verb: 'show',
  });
  if (typeof checked === 'number') return checked;
  const { check, plan } = checked;
  checkAreas(areas, plan);

  const trend = trendOf(plan, check.entries, { areas, asOf: options.asOf });
  const toStdout = options.output === undefined || options.output === '-';
  const columns = ctx.stdout.columns;
  const width = toStdout && ctx.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : DEFAULT_TREND_WIDTH;
  await emit(ctx, renderTrend(format, trend, { lang: options.lang, color: options.color && toStdout, plan, width }), options.output, [
    ...check.files,
    options.plan ?? shippedPlanPath(),
  ]);
  return 0;
}
