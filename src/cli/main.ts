import { Command, CommanderError, Option } from 'commander';
import { CheckFailed, InputError, UsageError } from '../model/errors.js';
import { processContext, type CliContext } from './context.js';
import { commonOptions, type RawCommonOptions } from './options.js';

const VERSION = '0.1.0';

function withCommon(command: Command, formats: readonly string[]): Command {
  return command
    .option('--plan <file>', 'plan file (default: the shipped plan)')
    .addOption(new Option('--format <format>', `output format: ${formats.join(', ')}`))
    .option('-o, --output <file>', 'write to FILE (whole or not at all) instead of stdout')
    .option('--lang <lang>', 'vi or en (default: CCP_LANG, then LANG)')
    .option('--as-of <date>', 'judge as of YYYY-MM-DD (default: today)')
    .option('--no-color', 'no colour (NO_COLOR is honoured too)');
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((part) => part !== '')];
}

type Define = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

/** The commands, each added to the program by its own function, in the order help lists them. */
const COMMANDS: Record<string, Define> = {
  validate: (program, ctx, setExit) => {
    withCommon(program.command('validate'), ['text', 'json', 'github'])
      .description('check plan and measurement files (files, folders, globs)')
      .argument('[paths...]', 'files, folders or globs (default: the current folder)')
      .option('--strict', 'warnings fail too')
      .action(async (paths: string[], raw: RawCommonOptions & { strict?: boolean }) => {
        const { runValidate } = await import('./commands/validate.js');
        setExit(await runValidate(ctx, paths, { ...commonOptions(raw, ctx), strict: raw.strict === true }));
      });
  },
  evaluate: (program, ctx, setExit) => {
    withCommon(program.command('evaluate'), ['table', 'json', 'csv', 'md', 'html'])
      .description('judge every target against the measurements (YAML or CSV)')
      .argument('[paths...]', 'measurement files, folders or globs (default: ./data)')
      .option('--area <ids>', 'only these areas (comma-separated, repeatable)', collect)
      .option('--horizon <years>', 'only targets for these years (comma-separated, repeatable)', collect)
      .option('--status <statuses>', 'only results with these statuses (comma-separated, repeatable)', collect)
      .option('--fail-on <status>', 'exit 1 when a result has this status or a worse one')
      .action(async (paths: string[], raw: RawCommonOptions & { area?: string[]; horizon?: string[]; status?: string[]; failOn?: string }) => {
        const { runEvaluate } = await import('./commands/evaluate.js');
        setExit(await runEvaluate(ctx, paths, { ...raw, ...commonOptions(raw, ctx) }));
      });
  },
  diff: (program, ctx, setExit) => {
    withCommon(program.command('diff'), ['table', 'json', 'md'])
      .description('what changed between two measurement sets, two evaluations or two plans')
      .argument('<before>', 'measurement files (comma-separated), a folder, an evaluation JSON or a plan')
      .argument('<after>', 'the same kind of thing, later')
      .option('--fail-on <change>', 'exit 1 when any target regressed (regressed)')
      .action(async (before: string, after: string, raw: RawCommonOptions & { failOn?: string }) => {
        const { runDiff } = await import('./commands/diff.js');
        setExit(await runDiff(ctx, before, after, { ...raw, ...commonOptions(raw, ctx) }));
      });
  },
  trend: (program, ctx, setExit) => {
    withCommon(program.command('trend'), ['table', 'json', 'csv', 'md'])
      .description('one row per indicator, one column per year of data')
      .argument('[paths...]', 'measurement files, folders or globs (default: ./data)')
      .option('--area <ids>', 'only these areas', collect)
      .action(async (paths: string[], raw: RawCommonOptions & { area?: string[] }) => {
        const { runTrend } = await import('./commands/trend.js');
        setExit(await runTrend(ctx, paths, { ...raw, ...commonOptions(raw, ctx) }));
      });
  },
  targets: (program, ctx, setExit) => {
    withCommon(program.command('targets'), ['table', 'json', 'md'])
      .description("the plan's targets")
      .option('--area <ids>', 'only these areas', collect)
      .option('--horizon <years>', 'only targets for these years', collect)
      .action(async (raw: RawCommonOptions & { area?: string[]; horizon?: string[] }) => {
        const { runTargets } = await import('./commands/targets.js');
        setExit(await runTargets(ctx, { ...raw, ...commonOptions(raw, ctx) }));
      });
  },
  template: (program, ctx, setExit) => {
    withCommon(program.command('template'), ['yaml', 'csv'])
      .description('a data-entry file listing every indicator, to fill in')
      .requiredOption('--period <period>', 'the period to report, e.g. 2026 or 2026-H1')
      .option('--org <name>', 'the reporting org, for a breakdown')
      .action(async (raw: RawCommonOptions & { period: string; org?: string }) => {
        const { runTemplate } = await import('./commands/template.js');
        setExit(await runTemplate(ctx, { ...raw, ...commonOptions(raw, ctx) }));
      });
  },
  schema: (program, ctx, setExit) => {
    program
      .command('schema')
      .description('print a JSON Schema')
      .argument('<name>', 'plan, measurements, evaluation or validation-report')
      .option('-o, --output <file>', 'write to FILE instead of stdout')
      .action(async (name: string, raw: { output?: string }) => {
        const { runSchema } = await import('./commands/schema.js');
        setExit(await runSchema(ctx, name, raw));
      });
  },
};

/**
 * Builds the program. Each action loads its command's code only when it runs. With `only`
 * (the command a run names first), that command alone is added: a command's parsing, help and
 * errors do not depend on its siblings, and a start need not build six commands it will not
 * run. Anything else (no command, `help`, an option first, a mistyped name) gets them all, so
 * that help lists them and a mistyped name gets its suggestion.
 */
export function buildProgram(ctx: CliContext, setExit: (code: number) => void, only?: string): Command {
  const program = new Command('ccp')
    .description("Check a plan's targets against what was actually achieved")
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  const define = only === undefined || !Object.hasOwn(COMMANDS, only) ? undefined : COMMANDS[only];
  if (define !== undefined) define(program, ctx, setExit);
  else for (const add of Object.values(COMMANDS)) add(program, ctx, setExit);
  return program;
}

/**
 * Runs ccp with `argv` (without node and the script) and returns the exit code:
 * 0 all good, 1 the check found problems, 2 the tool could not do its job.
 * The only place where errors become exit codes.
 */
export async function run(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  let code = 0;
  const program = buildProgram(
    ctx,
    (c) => {
      code = c;
    },
    argv[0],
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'commander.executeSubCommandAsync') return 0;
      // commander has already printed its message.
      return 2;
    }
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
