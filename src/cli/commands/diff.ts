import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { diffEvaluations, diffPlans, type Diff } from '../../diff/index.js';
import { evaluate } from '../../evaluate/index.js';
import { displayPath, loadFile, LIMITS } from '../../load/index.js';
import { shippedPlanPath } from '../../load/package-files.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { InputError, UsageError } from '../../model/errors.js';
import { STATUSES, type Evaluation } from '../../model/evaluation.js';
import { MILESTONE_STATUSES } from '../../model/measurement.js';
import type { Plan } from '../../model/plan.js';
import { renderDiagnostics } from '../../report/diagnostics/index.js';
import { DIFF_FORMATS, renderDiff } from '../../report/diff/index.js';
import { DEFAULT_DIFF_WIDTH } from '../../report/diff/table.js';
import { checkFiles, loadPlan } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, commonOptions, type CommonOptions, type RawCommonOptions } from '../options.js';
import { emit } from '../output.js';

/** Options of `ccp diff`. */
export interface DiffOptions extends CommonOptions {
  /** `regressed`: exit 1 when any target regressed. */
  failOn?: string;
}

/** What one side of `ccp diff` names, told apart by looking at it. */
type SideSpec =
  | { kind: 'evaluation'; file: string; evaluation: Evaluation }
  | { kind: 'plan'; file: string }
  | { kind: 'measurements'; paths: string[] };

/** One side after loading: what the diff compares, and the plan that explains it (titles, units). */
type LoadedSide = { evaluation: Evaluation; plan?: Plan } | { plan: Plan; evaluation?: undefined };

function fail(file: string, message: string): never {
  throw new InputError(`${file}: ${message}`, file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks that parsed JSON has the parts of an evaluation a diff reads (DESIGN's `evaluate
 * --format json` shape); a file that is not one is an input the tool cannot use (exit 2).
 */
function asEvaluation(data: unknown, file: string): Evaluation {
  if (!isRecord(data)) fail(file, 'expected a JSON object written by `ccp evaluate --format json`');
  if (data.kind !== 'Evaluation') {
    fail(file, `expected kind 'Evaluation' (from \`ccp evaluate --format json\`), found ${JSON.stringify(data.kind ?? null)}`);
  }
  if (data.apiVersion !== 'ccp/v1') fail(file, `unknown apiVersion ${JSON.stringify(data.apiVersion ?? null)}; ccp reads 'ccp/v1'`);
  const plan = data.plan;
  if (!isRecord(plan) || typeof plan.id !== 'string' || typeof plan.version !== 'number') {
    fail(file, "expected 'plan' with an 'id' and a 'version'");
  }
  if (typeof data.asOf !== 'string') fail(file, "expected 'asOf', a date");
  if (!Array.isArray(data.results)) fail(file, "expected 'results', a list");
  data.results.forEach((result: unknown, i: number) => {
    const at = `/results/${i}`;
    if (!isRecord(result) || typeof result.target !== 'string') fail(file, `${at}: expected a result with a 'target'`);
    if (!(STATUSES as readonly unknown[]).includes(result.status)) fail(file, `${at}/status: expected one of ${STATUSES.join(', ')}`);
    const actual = result.actual;
    if (actual === null || actual === undefined) return;
    if (!isRecord(actual)) fail(file, `${at}/actual: expected an object or null`);
    if (actual.value !== null && actual.value !== undefined && (typeof actual.value !== 'number' || !Number.isFinite(actual.value))) {
      fail(file, `${at}/actual/value: expected a number or null`);
    }
    if (actual.status !== undefined && !(MILESTONE_STATUSES as readonly unknown[]).includes(actual.status)) {
      fail(file, `${at}/actual/status: expected one of ${MILESTONE_STATUSES.join(', ')}`);
    }
  });
  return data as unknown as Evaluation;
}

async function readEvaluation(absolute: string, file: string): Promise<Evaluation> {
  const info = await stat(absolute);
  if (info.size > LIMITS.maxYamlBytes) fail(file, `larger than ${LIMITS.maxYamlBytes} bytes`);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    fail(file, `cannot read it (${error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return asEvaluation(data, file);
}

/**
 * Tells what a side names: an evaluation JSON (a `.json` file), a plan (a YAML file of
 * `kind: Plan`), or else a measurement set: a file, folder or glob, or a comma-separated
 * list of them. A path that exists as written is never split at its commas.
 */
async function resolveSide(spec: string, cwd: string): Promise<SideSpec> {
  const absolute = resolve(cwd, spec);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isFile() === true) {
    const file = displayPath(absolute, cwd);
    const extension = extname(absolute).toLowerCase();
    if (extension === '.json') return { kind: 'evaluation', file, evaluation: await readEvaluation(absolute, file) };
    if (extension === '.yaml' || extension === '.yml') {
      const doc = await loadFile(absolute, { cwd });
      if (isRecord(doc.data) && doc.data.kind === 'Plan') return { kind: 'plan', file: spec };
    }
    return { kind: 'measurements', paths: [spec] };
  }
  if (info !== undefined) return { kind: 'measurements', paths: [spec] };
  const paths = spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (paths.length === 0) throw new UsageError(`'${spec}' names no files`);
  return { kind: 'measurements', paths };
}

function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** Collects what the two sides printed to stderr and whether either failed its checks. */
class Problems {
  text = '';
  failed = false;

  add(files: readonly string[], diagnostics: readonly Diagnostic[], color: boolean): void {
    if (diagnostics.length === 0) return;
    const summary = summarize(diagnostics);
    if (summary.errors > 0) this.failed = true;
    this.text += renderDiagnostics('text', { files, diagnostics, summary }, { color });
  }
}

async function planOrProblems(file: string | undefined, ctx: CliContext, problems: Problems, color: boolean): Promise<Plan | undefined> {
  const loaded = await loadPlan(file, { cwd: ctx.cwd });
  problems.add([file ?? 'plan'], loaded.diagnostics, color);
  return loaded.plan;
}

/** Loads one side; the files it read are added to `inputs`. */
async function loadSide(side: SideSpec, ctx: CliContext, options: DiffOptions, problems: Problems, inputs: string[]): Promise<LoadedSide | undefined> {
  switch (side.kind) {
    case 'evaluation':
      inputs.push(side.file);
      return { evaluation: side.evaluation };
    case 'plan': {
      inputs.push(side.file);
      const plan = await planOrProblems(side.file, ctx, problems, options.color);
      return plan === undefined ? undefined : { plan };
    }
    case 'measurements': {
      const result = await checkFiles(side.paths, options.plan === undefined ? { cwd: ctx.cwd } : { cwd: ctx.cwd, plan: options.plan });
      inputs.push(...result.files);
      problems.add(result.files, result.diagnostics, options.color);
      if (result.summary.errors > 0) return undefined;
      if (result.measurementFiles.length === 0) {
        throw new UsageError(`no measurement files (.yaml, .yml, .csv of kind Measurements) found in ${side.paths.join(', ')}`);
      }
      const plan = result.plan;
      if (plan === undefined) {
        const named = [...new Set(result.measurementFiles.map((file) => file.plan).filter((id) => id !== undefined))];
        throw new UsageError(`the measurement files of ${side.paths.join(', ')} name more than one plan (${named.join(', ')}); compare each plan's files separately`);
      }
      return { evaluation: evaluate(plan, result.entries, { asOf: options.asOf }), plan };
    }
  }
}

/**
 * `ccp diff <before> <after>`: what changed between two measurement sets (evaluated with
 * the same plan and --as-of), two evaluation JSON files, one of each, or two plans. Prints
 * the changes, regressions first. Returns 1 when a side fails its checks (diagnostics on
 * stderr, no report) or when `--fail-on regressed` trips (after the report), else 0.
 */
export async function runDiff(ctx: CliContext, before: string, after: string, given: DiffOptions): Promise<number> {
  // Resolved again: the options arrive with commander's raw values spread over the resolved ones.
  const options: DiffOptions = { ...commonOptions(given as RawCommonOptions, ctx), failOn: given.failOn };
  const format = checkFormat(options.format, DIFF_FORMATS, 'table');
  if (options.failOn !== undefined && options.failOn !== 'regressed') {
    throw new UsageError(`--fail-on must be 'regressed', not '${options.failOn}'`);
  }
  const sides = [await resolveSide(before, ctx.cwd), await resolveSide(after, ctx.cwd)] as const;
  const plans = sides.filter((side) => side.kind === 'plan').length;
  if (plans === 1) {
    const [plan, other] = sides[0].kind === 'plan' ? [before, after] : [after, before];
    throw new UsageError(`'${plan}' is a plan, so '${other}' must be one too: ccp diff compares two plans, or two sets of results`);
  }

  const problems = new Problems();
  const inputs: string[] = [options.plan ?? shippedPlanPath()];
  const loaded = [await loadSide(sides[0], ctx, options, problems, inputs), await loadSide(sides[1], ctx, options, problems, inputs)];
  const [was, now] = loaded;
  if (problems.failed || was === undefined || now === undefined) {
    ctx.stderr.write(`${problems.text}ccp: no diff: fix the errors above first (ccp validate shows them too)\n`);
    return 1;
  }

  let diff: Diff;
  const known: Plan[] = [];
  if (was.evaluation !== undefined && now.evaluation !== undefined) {
    diff = diffEvaluations(was.evaluation, now.evaluation);
    for (const side of [now, was]) if (side.plan !== undefined) known.push(side.plan);
    if (known.length < 2) {
      // An evaluation file carries no titles or units: take them from the --plan plan.
      const plan = await planOrProblems(options.plan, ctx, problems, options.color);
      if (plan === undefined) {
        ctx.stderr.write(problems.text);
        return 1;
      }
      known.push(plan);
    }
  } else if (was.plan !== undefined && now.plan !== undefined) {
    diff = diffPlans(was.plan, now.plan);
    known.push(now.plan, was.plan);
  } else {
    throw new UsageError('ccp diff compares two plans, or two sets of results, not one of each');
  }
  ctx.stderr.write(problems.text);
  const toStdout = options.output === undefined || options.output === '-';
  const columns = ctx.stdout.columns;
  const width = toStdout && ctx.stdout.isTTY === true && columns !== undefined && columns > 0 ? columns : DEFAULT_DIFF_WIDTH;
  const text = renderDiff(format, diff, { lang: options.lang, color: options.color && toStdout, plans: known, width });
  await emit(ctx, text, options.output, inputs);
  if (options.failOn === 'regressed' && diff.summary.regressed > 0) {
    const regressed = diff.changes.filter((change) => change.change === 'regressed');
    const shown = regressed.slice(0, 5).map((change) => change.target);
    const more = regressed.length > shown.length ? `, and ${regressed.length - shown.length} more` : '';
    ctx.stderr.write(`ccp: --fail-on regressed: ${regressed.length} target(s) regressed: ${shown.join(', ')}${more}\n`);
    return 1;
  }
  return 0;
}
