import { dirname, relative, resolve, sep } from 'node:path';
import { schemaPath, shippedPlanPath } from '../../load/package-files.js';
import { UsageError } from '../../model/errors.js';
import { periodYear, renderTemplate, TEMPLATE_FORMATS, templateIndicators, type TemplateSpec } from '../../report/template/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { emit } from '../output.js';
import { loadPlanOrReport } from './targets.js';

/** Options of `ccp template`, after conversion from commander's strings. */
export interface TemplateOptions extends CommonOptions {
  /** The period to report: `2026`, `2026-H1`, `2026-Q3` or `2026-05`. */
  period: string;
  /** The reporting org, for a breakdown. */
  org?: string;
}

const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/** The schema as the written file should name it: relative to where the file goes, with `/`. */
function schemaRef(ctx: CliContext, output: string | undefined): string {
  const folder = output === undefined || output === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, output));
  const path = relative(folder, schemaPath('measurements')).split(sep).join('/');
  return path.startsWith('.') || path.startsWith('/') ? path : `./${path}`;
}

/**
 * `ccp template --period 2026`: a measurements file to fill in, one entry per indicator
 * that is due or still tracked in that period, in YAML (default) or CSV.
 */
export async function runTemplate(ctx: CliContext, options: TemplateOptions): Promise<number> {
  const format = checkFormat(options.format, TEMPLATE_FORMATS, 'yaml');
  const period = String(options.period ?? '').trim();
  if (!PERIOD.test(period)) {
    throw new UsageError(`--period must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM, not '${options.period}'`);
  }
  const org = options.org?.normalize('NFC').trim();
  if (org === '') throw new UsageError('--org needs a name');
  const color = options.color;
  const plan = await loadPlanOrReport(ctx, options.plan, color);
  if (plan === undefined) return 1;
  const year = periodYear(period);
  const [start, end] = plan.period;
  if (year < start || year > end) {
    throw new UsageError(`--period ${period} is outside the plan's period ${start}–${end}`);
  }
  const spec: TemplateSpec = { plan, period, indicators: templateIndicators(plan, year) };
  if (org !== undefined) spec.org = org;
  if (format === 'yaml') spec.schemaRef = schemaRef(ctx, options.output);
  if (options.output !== undefined && options.output !== '-') spec.fileName = options.output;
  await emit(ctx, renderTemplate(format, spec, { lang: options.lang }), options.output, [options.plan ?? shippedPlanPath()]);
  return 0;
}
