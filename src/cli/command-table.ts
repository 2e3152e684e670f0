import type { CliContext } from './context.js';
import { commonOptions, type RawCommonOptions } from './options.js';

/**
 * Every command, its arguments and options, as data: commander builds the program from it
 * (./program.ts, for help and every mistake), and the quick reader of plain command lines
 * reads by it (./quick-argv.ts). One table, so that the two cannot disagree on what exists.
 */

/** How an option takes its value: one value, a comma-separated repeatable list, none, or `--no-x`. */
export type OptionKind = 'value' | 'list' | 'flag' | 'negate';

export interface OptionSpec {
  /** As commander writes them: `-o, --output <file>`, `--strict`, `--no-color`. */
  flags: string;
  description: string;
  kind: OptionKind;
  /** The key in the options object: `--as-of` → `asOf`, `--no-color` → `color`. */
  key: string;
  /** `--output` */
  long: string;
  /** `-o`, when there is one. */
  short?: string;
  /** Must be given (commander's requiredOption). */
  required?: boolean;
}

export interface ArgumentSpec {
  /** As commander writes it: `<before>`, `[paths...]`. */
  text: string;
  description: string;
}

/** What commander hands an action for its arguments: a string, a list (variadic), or nothing. */
export type ArgumentValue = string | string[] | undefined;

export interface CommandSpec {
  name: string;
  description: string;
  arguments: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Runs the command; the code is loaded only now. */
  run(ctx: CliContext, args: ArgumentValue[], raw: Record<string, unknown>): Promise<number>;
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** An option from commander's flags text, which says all there is to say of it. */
function option(flags: string, description: string, kind: OptionKind, required = false): OptionSpec {
  const match = /^(?:(-[a-zA-Z]), )?--([a-z][a-z-]*)(?: <[a-z]+>)?$/.exec(flags);
  if (match === null) throw new Error(`ccp: option flags ${flags} are not of the kinds the table knows`);
  const long = `--${match[2]!}`;
  const key = kind === 'negate' ? camel(match[2]!.replace(/^no-/, '')) : camel(match[2]!);
  return { flags, description, kind, key, long, ...(match[1] === undefined ? {} : { short: match[1] }), ...(required ? { required } : {}) };
}

/** The options every command but `schema` takes. */
function common(formats: readonly string[]): OptionSpec[] {
  return [
    option('--plan <file>', 'plan file (default: the shipped plan)', 'value'),
    option('--format <format>', `output format: ${formats.join(', ')}`, 'value'),
    option('-o, --output <file>', 'write to FILE (whole or not at all) instead of stdout', 'value'),
    option('--lang <lang>', 'vi or en (default: CCP_LANG, then LANG)', 'value'),
    option('--as-of <date>', 'judge as of YYYY-MM-DD (default: today)', 'value'),
    option('--no-color', 'no colour (NO_COLOR is honoured too)', 'negate'),
  ];
}

const paths = (description: string): ArgumentSpec => ({ text: '[paths...]', description });
const list = (args: ArgumentValue[], i: number): string[] => (Array.isArray(args[i]) ? args[i] : []);
const text = (args: ArgumentValue[], i: number): string => (typeof args[i] === 'string' ? args[i] : '');

/** The commands, in the order help lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'validate',
    description: 'check plan and measurement files (files, folders, globs)',
    arguments: [paths('files, folders or globs (default: the current folder)')],
    options: [...common(['text', 'json', 'github']), option('--strict', 'warnings fail too', 'flag')],
    run: async (ctx, args, raw) => {
      const { runValidate } = await import('./commands/validate.js');
      return runValidate(ctx, list(args, 0), { ...commonOptions(raw as RawCommonOptions, ctx), strict: raw.strict === true });
    },
  },
  {
    name: 'evaluate',
    description: 'judge every target against the measurements (YAML or CSV)',
    arguments: [paths('measurement files, folders or globs (default: ./data)')],
    options: [
      ...common(['table', 'json', 'csv', 'md', 'html']),
      option('--area <ids>', 'only these areas (comma-separated, repeatable)', 'list'),
      option('--horizon <years>', 'only targets for these years (comma-separated, repeatable)', 'list'),
      option('--status <statuses>', 'only results with these statuses (comma-separated, repeatable)', 'list'),
      option('--fail-on <status>', 'exit 1 when a result has this status or a worse one', 'value'),
    ],
    run: async (ctx, args, raw) => {
      const { runEvaluate } = await import('./commands/evaluate.js');
      return runEvaluate(ctx, list(args, 0), { ...raw, ...commonOptions(raw as RawCommonOptions, ctx) });
    },
  },
  {
    name: 'diff',
    description: 'what changed between two measurement sets, two evaluations or two plans',
    arguments: [
      { text: '<before>', description: 'measurement files (comma-separated), a folder, an evaluation JSON or a plan' },
      { text: '<after>', description: 'the same kind of thing, later' },
    ],
    options: [...common(['table', 'json', 'md']), option('--fail-on <change>', 'exit 1 when any target regressed (regressed)', 'value')],
    run: async (ctx, args, raw) => {
      const { runDiff } = await import('./commands/diff.js');
      return runDiff(ctx, text(args, 0), text(args, 1), { ...raw, ...commonOptions(raw as RawCommonOptions, ctx) });
    },
  },
  {
    name: 'trend',
    description: 'one row per indicator, one column per year of data',
    arguments: [paths('measurement files, folders or globs (default: ./data)')],
    options: [...common(['table', 'json', 'csv', 'md']), option('--area <ids>', 'only these areas', 'list')],
    run: async (ctx, args, raw) => {
      const { runTrend } = await import('./commands/trend.js');
      return runTrend(ctx, list(args, 0), { ...raw, ...commonOptions(raw as RawCommonOptions, ctx) });
    },
  },
  {
    name: 'targets',
    description: "the plan's targets",
    arguments: [],
    options: [...common(['table', 'json', 'md']), option('--area <ids>', 'only these areas', 'list'), option('--horizon <years>', 'only targets for these years', 'list')],
    run: async (ctx, _args, raw) => {
      const { runTargets } = await import('./commands/targets.js');
      return runTargets(ctx, { ...raw, ...commonOptions(raw as RawCommonOptions, ctx) });
    },
  },
  {
    name: 'template',
    description: 'a data-entry file listing every indicator, to fill in',
    arguments: [],
    options: [
      ...common(['yaml', 'csv']),
      option('--period <period>', 'the period to report, e.g. 2026 or 2026-H1', 'value', true),
      option('--org <name>', 'the reporting org, for a breakdown', 'value'),
    ],
    run: async (ctx, _args, raw) => {
      const { runTemplate } = await import('./commands/template.js');
      return runTemplate(ctx, { ...(raw as { period: string }), ...commonOptions(raw as RawCommonOptions, ctx) });
    },
  },
  {
    name: 'schema',
    description: 'print a JSON Schema',
    arguments: [{ text: '<name>', description: 'plan, measurements, evaluation or validation-report' }],
    options: [option('-o, --output <file>', 'write to FILE instead of stdout', 'value')],
    run: async (ctx, args, raw) => {
      const { runSchema } = await import('./commands/schema.js');
      return runSchema(ctx, text(args, 0), raw as { output?: string });
    },
  },
];

/** A list option's value: every comma-separated part, added to what earlier uses gave. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').filter((part) => part !== '')];
}
