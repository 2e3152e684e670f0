import { Command, CommanderError, Option } from 'commander';
import { collect, COMMAND_SPECS, type ArgumentValue, type CommandSpec } from './command-table.js';
import type { CliContext } from './context.js';
import { VERSION } from './version.js';

/** What an action hands on: the command, its arguments and its options, as commander read them. */
export type Dispatch = (spec: CommandSpec, args: ArgumentValue[], raw: Record<string, unknown>) => Promise<void>;

function addCommand(program: Command, spec: CommandSpec, dispatch: Dispatch): void {
  const command = program.command(spec.name).description(spec.description);
  for (const argument of spec.arguments) command.argument(argument.text, argument.description);
  for (const option of spec.options) {
    const made = new Option(option.flags, option.description);
    if (option.kind === 'list') made.argParser(collect);
    if (option.required === true) made.makeOptionMandatory();
    command.addOption(made);
  }
  command.action(async (...given: unknown[]) => {
    const args = given.slice(0, spec.arguments.length) as ArgumentValue[];
    await dispatch(spec, args, (given[spec.arguments.length] as Record<string, unknown> | undefined) ?? {});
  });
}

/**
 * The program, built from the command table. With `only` (the command a run names first),
 * that command alone is added: a command's parsing, help and errors do not depend on its
 * siblings. Anything else (no command, `help`, an option first, a mistyped name) gets them
 * all, so that help lists them and a mistyped name gets its suggestion.
 */
export function buildProgram(ctx: CliContext, dispatch: Dispatch, only?: string): Command {
  const program = new Command('ccp')
    .description("Check a plan's targets against what was actually achieved")
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  const one = COMMAND_SPECS.find((spec) => spec.name === only);
  for (const spec of one === undefined ? COMMAND_SPECS : [one]) addCommand(program, spec, dispatch);
  return program;
}

/**
 * Runs `argv` through commander: help, the version, and every command line the quick reader
 * leaves to it. The exit code; a command's own errors are thrown on for `run` to turn into one.
 */
export async function runProgram(argv: string[], ctx: CliContext): Promise<number> {
  let code = 0;
  const program = buildProgram(
    ctx,
    async (spec, args, raw) => {
      code = await spec.run(ctx, args, raw);
    },
    argv[0],
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    if (error.code === 'commander.executeSubCommandAsync') return 0;
    // commander has already printed its message.
    return 2;
  }
}
