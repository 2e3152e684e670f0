import { loadDiagnosticsRenderer } from '../../report/diagnostics/load-renderer.js';
import { DIAGNOSTIC_FORMATS } from '../../report/diagnostics/types.js';
import { checkFiles } from '../../validate/index.js';
import type { CliContext } from '../context.js';
import { checkFormat, type CommonOptions } from '../options.js';
import { emit } from '../output.js';
import { shippedPlanPath } from '../../load/package-files.js';
import { InputError } from '../../model/errors.js';

/**
 * `ccp validate [paths...]`: checks plan and measurement files (the current folder when no
 * path is given) and prints the diagnostics. Returns 0 when clean (warnings allowed unless
 * --strict), 1 when problems were found; throws UsageError/InputError (exit 2) when it cannot run.
 */
export async function runValidate(ctx: CliContext, paths: string[], options: CommonOptions & { strict: boolean }): Promise<number> {
  const format = checkFormat(options.format, DIAGNOSTIC_FORMATS, 'text');
  const given = paths.length === 0 ? ['.'] : paths;
  // validate needs the diagnostics only: no entry is kept, nor made where no rule reports on it.
  const checkOptions = options.plan === undefined ? { cwd: ctx.cwd, diagnosticsOnly: true } : { cwd: ctx.cwd, plan: options.plan, diagnosticsOnly: true };
  const result = await checkFiles(given, checkOptions);
  if (result.files.length === 0) {
    // A gate that checked nothing must not pass quietly.
    throw new InputError(`no plan or measurement files (.yaml, .yml, .csv) found in ${given.join(', ')}`);
  }
  // Colour is for a terminal, never for a file written with --output.
  const toStdout = options.output === undefined || options.output === '-';
  const render = await loadDiagnosticsRenderer(format);
  await emit(ctx, render(result, { color: options.color && toStdout }), options.output, [
    ...result.files,
    options.plan ?? shippedPlanPath(),
  ]);
  const { errors, warnings } = result.summary;
  return errors > 0 || (options.strict && warnings > 0) ? 1 : 0;
}
