/**
 * The command line is read two ways from one table (src/cli/command-table.ts): commander's
 * program (src/cli/program.ts), and the quick reader of plain command lines
 * (src/cli/quick-argv.ts) that spares a run loading commander. These tests hold the two to
 * the same reading, and a program built for one command to the full program's.
 */
import type { Command } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, type ArgumentValue, type CommandSpec } from '../../src/cli/command-table.js';
import type { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { readQuickly } from '../../src/cli/quick-argv.js';
import { runCli } from '../helpers/run-cli.js';

/** A context that keeps what is written; nothing here runs a command. */
function quietContext(): CliContext & { written: () => string } {
  let text = '';
  const write = (chunk: string) => (text += chunk);
  return { stdout: { write }, stderr: { write }, env: {}, cwd: '/', written: () => text };
}

/** Everything commander knows of a command: its help text shows all of it. */
function shape(command: Command) {
  return {
    help: command.helpInformation(),
    options: command.options.map((option) => ({ flags: option.flags, description: option.description, mandatory: option.mandatory, parser: option.parseArg?.toString() })),
    arguments: command.registeredArguments.map((argument) => ({ name: argument.name(), required: argument.required, variadic: argument.variadic })),
  };
}

const noDispatch = async () => {};
const full = buildProgram(quietContext(), noDispatch);
const NAMES = full.commands.map((command) => command.name());

/** How commander reads `argv`: what its action would be handed, or undefined when it refuses (and says why). */
async function commanderReads(argv: string[]): Promise<{ spec: CommandSpec; args: ArgumentValue[]; raw: Record<string, unknown> } | undefined> {
  let read: { spec: CommandSpec; args: ArgumentValue[]; raw: Record<string, unknown> } | undefined;
  const program = buildProgram(quietContext(), async (spec, args, raw) => {
    read = { spec, args, raw: { ...raw } };
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return undefined;
  }
  return read;
}

describe('a program built for one command', () => {
  it('knows every command of the table', () => {
    expect(NAMES).toEqual(COMMAND_SPECS.map((spec) => spec.name));
    expect(NAMES).toEqual(['validate', 'evaluate', 'diff', 'trend', 'targets', 'template', 'schema']);
  });

  it.each(NAMES)('has %s exactly as the full program has it, and nothing else', (name) => {
    const one = buildProgram(quietContext(), noDispatch, name);
    expect(one.commands.map((command) => command.name())).toEqual([name]);
    expect(shape(one.commands[0]!)).toEqual(shape(full.commands.find((command) => command.name() === name)!));
    expect(one.options.map((option) => option.flags)).toEqual(full.options.map((option) => option.flags));
  });

  it.each(['help', '--help', '-V', 'evalute', '--lang', 'constructor', '__proto__', ''])('is the full program for a first word %j', (first) => {
    const program = buildProgram(quietContext(), noDispatch, first);
    expect(program.commands.map((command) => command.name())).toEqual(NAMES);
  });
});

describe('the quick reader', () => {
  it.each([
    [['evaluate', 'a.yaml', '--as-of', '2026-11-27', '--format', 'json']],
    [['evaluate', '--area=institutions,services', 'a.yaml', '--area', 'staff', 'b.csv', '--no-color', '-o', 'out.md']],
    [['evaluate']],
    [['validate', '--strict', 'data', '--format=github']],
    [['diff', 'a.yaml', 'b.yaml', '--fail-on', 'regressed']],
    [['template', '--period', '2026', '--org', 'Xã 1', '--lang', 'vi']],
    [['schema', 'plan', '--output', 'x.json']],
    [['targets', '--horizon', '2025,2030', '--format', 'md']],
    [['trend', 'data', '--area', 'a']],
  ])('reads %j as commander does', async (argv) => {
    const quick = readQuickly(argv, COMMAND_SPECS);
    expect(quick).toBeDefined();
    const commander = await commanderReads(argv);
    expect(commander).toBeDefined();
    expect(quick!.spec.name).toBe(commander!.spec.name);
    expect(quick!.args).toEqual(commander!.args);
    expect(quick!.raw).toEqual(commander!.raw);
  });

  it.each([
    [['evaluate', '--help']],
    [['evaluate', '-h']],
    [['--version']],
    [['evaluate', '--formt', 'json']],
    [['evaluate', '--format']],
    [['evaluate', '--format', '--lang', 'vi']],
    [['evaluate', '--format', 'json', '--format', 'md']],
    [['evaluate', '--', '-x.yaml']],
    [['evaluate', '-']],
    [['validate', '--strict=yes']],
    [['diff', 'a.yaml']],
    [['diff', 'a', 'b', 'c']],
    [['template']],
    [['schema']],
    [['targets', 'extra']],
    [['help', 'evaluate']],
    [['--lang', 'vi', 'evaluate']],
    [[]],
  ])('leaves %j to commander', (argv) => {
    expect(readQuickly(argv, COMMAND_SPECS)).toBeUndefined();
  });

  it('reads every generated command line as commander does, or leaves it to commander', async () => {
    const values = ['a.yaml', 'data', 'Xã 1', '2026', '2026-11-27', 'json', 'vi', '', 'x,y', 'regressed', '-x', '--no-color', '=', 'plan'];
    const optionTokens = [...new Set(COMMAND_SPECS.flatMap((spec) => spec.options.flatMap((option) => [option.long, option.short ?? option.long])))];
    const token = fc.oneof(
      fc.constantFrom(...values),
      fc.constantFrom(...optionTokens, '--help', '-h', '-V', '--', '-', '--unknown', '-ox'),
      fc.tuple(fc.constantFrom(...optionTokens.filter((t) => t.startsWith('--'))), fc.constantFrom(...values)).map(([name, value]) => `${name}=${value}`),
    );
    const argv = fc.tuple(fc.constantFrom(...NAMES, 'help', '--lang'), fc.array(token, { maxLength: 7 })).map(([first, rest]) => [first, ...rest]);
    let read = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (line) => {
        const quick = readQuickly(line, COMMAND_SPECS);
        if (quick === undefined) return;
        read += 1;
        const commander = await commanderReads(line);
        expect(commander, `commander refuses ${JSON.stringify(line)}`).toBeDefined();
        expect(quick.spec.name).toBe(commander!.spec.name);
        expect(quick.args).toEqual(commander!.args);
        expect(quick.raw).toEqual(commander!.raw);
      }),
      { numRuns: 3000 },
    );
    // The generator must give the quick reader lines to read, or the property says nothing.
    expect(read).toBeGreaterThan(300);
  });
});

describe('the command line, end to end in the process', () => {
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
    const ctx = quietContext();
    await expect(buildProgram(ctx, noDispatch).parseAsync(argv, { from: 'user' })).rejects.toThrow();
    expect(result.stderr).toBe(ctx.written());
  });

  it.each(NAMES)('prints the help of %s as the full program does', async (name) => {
    const result = await runCli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(full.commands.find((command) => command.name() === name)!.helpInformation());
  });

  it.each([['--version'], ['-V']])('prints the version for %s as commander does', async (flag) => {
    const result = await runCli([flag]);
    const ctx = quietContext();
    await expect(buildProgram(ctx, noDispatch).parseAsync([flag], { from: 'user' })).rejects.toThrow();
    expect(result).toEqual({ code: 0, stdout: ctx.written(), stderr: '' });
  });
});
