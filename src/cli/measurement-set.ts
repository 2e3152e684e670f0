import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { Plan } from '../model/plan.js';
import { loadDiagnosticsRenderer } from '../report/diagnostics/load-renderer.js';
import { didYouMean } from '../validate/suggest.js';
import { checkFiles, type CheckOptions, type CheckResult } from '../validate/index.js';
import type { CliContext } from './context.js';

/** The folder `evaluate` and `trend` read when no path is given. */
export const DEFAULT_DATA_FOLDER = 'data';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The paths a command reads: those given, else `./data` when it is a folder; else a usage error naming `example`. */
export function pathsToRead(paths: readonly string[], cwd: string, command: string, example: string): string[] {
  if (paths.length > 0) return [...paths];
  if (isFolder(resolve(cwd, DEFAULT_DATA_FOLDER))) return [DEFAULT_DATA_FOLDER];
  throw new UsageError(
    `${command} needs measurement files: name files, folders or globs (e.g. ${example}), or run it where a ${DEFAULT_DATA_FOLDER}/ folder holds them`,
  );
}

/** What a command builds from a checked set: its report's noun and the verb for "each plan separately". */
export interface SetWording {
  /** "report", "trend": printed as "no report: fix the errors above first". */
  noun: string;
  /** "evaluate", "show": printed as "evaluate each plan's files separately". */
  verb: string;
}

/**
 * Checks a measurement set for a command that builds something from it: diagnostics (errors
 * and warnings) go to stderr; with any error, 1 and nothing is built. A set with no measurement
 * files, or files naming more than one plan, is a usage error (exit 2).
 */
export async function checkMeasurementSet(
  ctx: CliContext,
  given: string[],
  checking: CheckOptions,
  color: boolean,
  wording: SetWording,
): Promise<{ check: CheckResult; plan: Plan } | number> {
  const check = await checkFiles(given, checking);
  if (check.summary.errors > 0 || check.summary.warnings > 0) {
    const render = await loadDiagnosticsRenderer('text');
    ctx.stderr.write(render(check, { color }));
  }
  if (check.summary.errors > 0) {
    ctx.stderr.write(`ccp: no ${wording.noun}: fix the errors above first (ccp validate shows them too)\n`);
    return 1;
  }
  if (check.measurementFiles.length === 0) {
    throw new UsageError(`no measurement files (.yaml, .yml, .csv of kind Measurements) found in ${given.join(', ')}`);
  }
  const plan = check.plan;
  if (plan === undefined) {
    const named = [...new Set(check.measurementFiles.map((file) => file.plan).filter((id) => id !== undefined))];
    throw new UsageError(`the measurement files name more than one plan (${named.join(', ')}); ${wording.verb} each plan's files separately`);
  }
  return { check, plan };
}

/** `--area` ids must be areas of the plan (with a "did you mean" for a near miss). */
export function checkAreas(areas: readonly string[], plan: Plan): void {
  const known = plan.areas.map((area) => area.id);
  for (const area of areas) {
    if (!known.includes(area)) {
      throw new UsageError(`--area '${area}' is not an area of the plan${didYouMean(area, known)}; its areas are ${known.join(', ')}`);
    }
  }
}
