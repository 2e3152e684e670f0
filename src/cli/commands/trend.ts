import { trendOf } from '../../diff/index.js';
import { InputError, UsageError } from '../../model/errors.js';
import { renderDiagnostics } from '../../report/diagnostics/index.js';
import { renderTrend, TREND_FORMATS } from '../../report/trend/index.js';
import { checkFiles, loadPlan } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, resolveColor, type CommonOptions } from '../options.js';
import { emit } from '../output.js';

/** Options of `ccp trend`. */
export interface TrendCommandOptions extends CommonOptions {
  /** Only indicators of these areas. */
  area?: string[];
}

/**
 * `ccp trend [paths...]`: one row per indicator, one column per year of data (the pooled
 * actual, as `evaluate` pools it), the targets beside them and a sparkline. Reads the current
 * folder when no path is given. Data files with errors → diagnostics on stderr, exit 1, no
 * report; warnings are printed and the report follows.
 */
export async function runTrend(ctx: CliContext, paths: string[], given: TrendCommandOptions): Promise<number> {
  // The program spreads commander's raw options over the resolved ones, and the raw `color`
  // is commander's default `true`: resolving again keeps NO_COLOR and a pipe colourless.
  const options: TrendCommandOptions = { ...given, color: resolveColor(given.color, ctx) };
  const format = checkFormat(options.format, TREND_FORMATS, 'table');
  const named = paths.length === 0 ? ['.'] : paths;
  const result = await checkFiles(named, options.plan === undefined ? { cwd: ctx.cwd } : { cwd: ctx.cwd, plan: options.plan });
  if (result.files.length === 0) throw new InputError(`no measurement files (.yaml, .yml, .csv) found in ${named.join(', ')}`);
  const diagnostics = [...result.diagnostics];
  let plan = result.plan;
  if (plan === undefined && result.summary.errors === 0) {
    const loaded = await loadPlan(options.plan, { cwd: ctx.cwd });
    diagnostics.push(...loaded.diagnostics);
    plan = loaded.plan;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (diagnostics.length > 0) {
    const summary = { errors, warnings: diagnostics.length - errors };
    ctx.stderr.write(renderDiagnostics('text', { files: result.files, diagnostics, summary }, { color: options.color }));
  }
  if (errors > 0 || plan === undefined) return 1;

  const areas = options.area ?? [];
  const unknown = areas.filter((id) => !plan.areas.some((area) => area.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown area ${unknown.map((id) => `'${id}'`).join(', ')}; the plan's areas are ${plan.areas.map((a) => a.id).join(', ')}`);
  }
  const trend = trendOf(plan, result.entries, { areas, asOf: options.asOf });
  await emit(ctx, renderTrend(format, trend, { lang: options.lang, color: options.color, plan }), options.output);
  return 0;
}
