import { collect, type ArgumentValue, type CommandSpec } from './command-table.js';

/** A command line read: the command, its arguments and its options, as commander would hand them to its action. */
export interface QuickCommandLine {
  spec: CommandSpec;
  args: ArgumentValue[];
  raw: Record<string, unknown>;
}

/**
 * Reads a plain command line by the command table, without commander: a command name, then
 * known options (`--name value`, `--name=value`, `-o value`, flags) and arguments in any order.
 * Undefined for anything else: help, the version, `--`, an unknown or repeated option, a value
 * that starts with `-`, a missing or surplus argument, a missing required option. Commander
 * reads those, and says what is wrong, as it always has. Whatever this reads, it reads as
 * commander does (a generated test holds the two to that).
 */
export function readQuickly(argv: readonly string[], specs: readonly CommandSpec[]): QuickCommandLine | undefined {
  const spec = specs.find((candidate) => candidate.name === argv[0]);
  if (spec === undefined) return undefined;
  const raw: Record<string, unknown> = {};
  for (const option of spec.options) if (option.kind === 'negate') raw[option.key] = true;
  const seen = new Set<string>();
  const positionals: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) {
      positionals.push(token);
      continue;
    }
    const equals = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = equals === -1 ? token : token.slice(0, equals);
    const option = spec.options.find((candidate) => candidate.long === name || candidate.short === name);
    if (option === undefined) return undefined;
    if (option.kind === 'flag' || option.kind === 'negate') {
      if (equals !== -1 || seen.has(option.key)) return undefined;
      seen.add(option.key);
      raw[option.key] = option.kind === 'flag';
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) value = token.slice(equals + 1);
    else value = argv[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    if (option.kind === 'list') {
      raw[option.key] = collect(value, raw[option.key] as string[] | undefined);
    } else {
      if (seen.has(option.key)) return undefined;
      raw[option.key] = value;
    }
    seen.add(option.key);
  }
  if (spec.options.some((option) => option.required === true && !seen.has(option.key))) return undefined;
  const args: ArgumentValue[] = [];
  let next = 0;
  for (const argument of spec.arguments) {
    if (argument.text.endsWith('...]') || argument.text.endsWith('...>')) {
      args.push(positionals.slice(next));
      next = positionals.length;
    } else if (next < positionals.length) {
      args.push(positionals[next++]);
    } else if (argument.text.startsWith('<')) {
      return undefined;
    } else {
      args.push(undefined);
    }
  }
  return next === positionals.length ? { spec, args, raw } : undefined;
}
