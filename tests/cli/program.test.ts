/**
 * A run that names its command first gets a program with that command alone (src/cli/main.ts).
 * It must be the very command the full program has, and answer every mistake as the full one does.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { processContext } from '../../src/cli/context.js';
import { runCli } from '../helpers/run-cli.js';

/** Everything commander knows of a command: its help text shows all of it. */
function shape(command: Command) {
  return {
    help: command.helpInformation(),
    options: command.options.map((option) => ({ flags: option.flags, description: option.description, required: option.required, mandatory: option.mandatory, parser: option.parseArg?.toString() })),
    arguments: command.registeredArguments.map((argument) => ({ name: argument.name(), required: argument.required, variadic: argument.variadic })),
  };
}

const full = buildProgram(processContext(), () => {});

/** What the program with every command writes to stderr for `argv`, which it must refuse. */
async function fullProgramError(argv: string[]): Promise<string> {
  let stderr = '';
  const write = (text: string) => (stderr += text);
  const program = buildProgram({ stdout: { write }, stderr: { write }, env: {}, cwd: '/' }, () => {});
  await expect(program.parseAsync(argv, { from: 'user' })).rejects.toThrow();
  return stderr;
}
const NAMES = full.commands.map((command) => command.name());

describe('a program built for one command', () => {
  it('knows every command', () => {
    expect(NAMES).toEqual(['validate', 'evaluate', 'diff', 'trend', 'targets', 'template', 'schema']);
  });

  it.each(NAMES)('has %s exactly as the full program has it, and nothing else', (name) => {
    const one = buildProgram(processContext(), () => {}, name);
    expect(one.commands.map((command) => command.name())).toEqual([name]);
    expect(shape(one.commands[0]!)).toEqual(shape(full.commands.find((command) => command.name() === name)!));
    expect(one.options.map((option) => option.flags)).toEqual(full.options.map((option) => option.flags));
  });

  it.each(['help', '--help', '-V', 'evalute', '--lang', 'constructor', '__proto__', ''])('is the full program for a first word %j', (first) => {
    const program = buildProgram(processContext(), () => {}, first);
    expect(program.commands.map((command) => command.name())).toEqual(NAMES);
  });

  it.each([
    ['evaluate', '--formt', 'json'],
    ['evaluate', '--format'],
    ['diff', 'a.yaml'],
    ['template'],
    ['schema'],
    ['validate', '--strict=yes'],
    ['trend', '--area'],
  ])('answers the mistake in %j as the full program does', async (...argv) => {
    const result = await runCli(argv, { cwd: '/' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(await fullProgramError(argv));
  });

  it.each(NAMES)('prints the help of %s as the full program does', async (name) => {
    const result = await runCli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(full.commands.find((command) => command.name() === name)!.helpInformation());
  });
});
