import { CheckFailed, InputError, UsageError } from '../model/errors.js';
import { COMMAND_SPECS } from './command-table.js';
import { processContext, type CliContext } from './context.js';
import { readQuickly } from './quick-argv.js';
import { VERSION } from './version.js';

/**
 * Runs ccp with `argv` (without node and the script) and returns the exit code:
 * 0 all good, 1 the check found problems, 2 the tool could not do its job.
 * The only place where errors become exit codes.
 *
 * A plain command line is read by the command table itself (./quick-argv.ts); commander
 * (./program.ts) is loaded for everything else: help, and every mistake it explains. Loading
 * and building it was a fifth of a short run.
 */
export async function run(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  try {
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      ctx.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const quick = readQuickly(argv, COMMAND_SPECS);
    if (quick !== undefined) return await quick.spec.run(ctx, quick.args, quick.raw);
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, ctx);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      ctx.stderr.write(`ccp: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CheckFailed) {
      if (error.message !== '') ctx.stderr.write(`ccp: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
