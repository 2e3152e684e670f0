import { didYouMean } from '../../validate/suggest.js';
import { expandTargets } from '../../evaluate/targets.js';
import { UsageError } from '../../model/errors.js';
import type { Plan, Target } from '../../model/plan.js';
import { renderDiagnostics } from '../../report/diagnostics/index.js';
import { renderTargets, TARGETS_FORMATS } from '../../report/targets/index.js';
import { loadPlan } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { emit } from '../output.js';
import { shippedPlanPath } from '../../load/package-files.js';

/** Options of `ccp targets`, after conversion from commander's strings. */
export interface TargetsOptions extends CommonOptions {
  /** Only these areas (ids). */
  area?: string[];
  /** Only targets for these years (`2025`). */
  horizon?: string[];
}

/**
 * Loads the --plan (or shipped) plan for a command that lists it. Its diagnostics go to
 * stderr; a plan with errors gives undefined, and the command exits 1. An unreadable file
 * throws InputError (exit 2) from `loadPlan`.
 */
export async function loadPlanOrReport(ctx: CliContext, file: string | undefined, color: boolean): Promise<Plan | undefined> {
  const { plan, diagnostics } = await loadPlan(file, { cwd: ctx.cwd });
  if (diagnostics.length > 0) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const files = [...new Set(diagnostics.map((d) => d.file))];
    const report = { files, diagnostics, summary: { errors, warnings: diagnostics.length - errors } };
    ctx.stderr.write(renderDiagnostics('text', report, { color: color && ctx.stderr.isTTY === true }));
  }
  return plan;
}

/** `--horizon 2025,2030` as years; anything but a four-digit year is a usage error. */
export function parseYears(values: readonly string[] | undefined): Set<number> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const years = new Set<number>();
  for (const value of values) {
    if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`--horizon takes years such as 2025, not '${value}'`);
    years.add(Number(value.trim()));
  }
  return years;
}

/** `--area a,b` checked against the plan's areas. */
function checkAreas(values: readonly string[] | undefined, plan: Plan): Set<string> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const known = plan.areas.map((area) => area.id);
  for (const value of values) {
    if (!known.includes(value)) {
      throw new UsageError(`unknown area '${value}'${didYouMean(value, known)} (the plan's areas: ${known.join(', ')})`);
    }
  }
  return new Set(values);
}

/** The plan's targets, one per indicator and year, narrowed to the areas and years asked for. */
export function selectTargets(plan: Plan, filters: { areas?: Set<string>; years?: Set<number> }): Target[] {
  return expandTargets(plan).filter(
    (target) => (filters.areas?.has(target.area) ?? true) && (filters.years?.has(target.year) ?? true),
  );
}

/** `ccp targets`: the plan's targets grouped by area, as a table, JSON or Markdown. */
export async function runTargets(ctx: CliContext, options: TargetsOptions): Promise<number> {
  const format = checkFormat(options.format, TARGETS_FORMATS, 'table');
  const years = parseYears(options.horizon);
  // commander's `--no-color` default (true) arrives over the resolved value; resolve it again.
  const color = options.color;
  const plan = await loadPlanOrReport(ctx, options.plan, color);
  if (plan === undefined) return 1;
  const areas = checkAreas(options.area, plan);
  const filters: { areas?: Set<string>; years?: Set<number> } = {};
  if (areas !== undefined) filters.areas = areas;
  if (years !== undefined) filters.years = years;
  const targets = selectTargets(plan, filters);
  const width = ctx.stdout.columns;
  const text = renderTargets(format, { plan, targets }, width === undefined ? { lang: options.lang, color } : { lang: options.lang, color, width });
  await emit(ctx, text, options.output, [options.plan ?? shippedPlanPath()]);
  return 0;
}
