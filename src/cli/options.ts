import type { Lang } from '../model/text.js';
import { UsageError } from '../model/errors.js';
import type { CliContext } from './context.js';

/** Options every command understands, after conversion from commander's raw strings. */
export interface CommonOptions {
  /** Absolute path of the plan file, or undefined for the shipped plan. */
  plan?: string;
  format?: string;
  output?: string;
  lang: Lang;
  asOf: string;
  color: boolean;
}

/** Raw options as commander hands them over. */
export interface RawCommonOptions {
  plan?: string;
  format?: string;
  output?: string;
  lang?: string;
  asOf?: string;
  color?: boolean;
}

/** `--lang`, else `CCP_LANG`, else `LANG` (vi_VN.UTF-8 → vi); English otherwise. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag !== undefined) {
    if (flag === 'vi' || flag === 'en') return flag;
    throw new UsageError(`--lang must be vi or en, not '${flag}'`);
  }
  for (const value of [env.CCP_LANG, env.LANG]) {
    const code = (value ?? '').slice(0, 2).toLowerCase();
    if (code === 'vi' || code === 'en') return code;
  }
  return 'en';
}

/** Today's date in the machine's own time zone, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a YYYY-MM-DD date is a real calendar day. */
export function parseIsoDate(value: string, option: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  throw new UsageError(`${option} must be a date as YYYY-MM-DD, not '${value}'`);
}

/** Colour only on a terminal, never with --no-color, NO_COLOR or FORCE_COLOR=0. */
export function resolveColor(flag: boolean | undefined, ctx: CliContext): boolean {
  if (flag === false) return false;
  const noColor = ctx.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (ctx.env.FORCE_COLOR === '0') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '') return true;
  return ctx.stdout.isTTY === true;
}

export function checkFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, not '${value}'`);
}

export function commonOptions(raw: RawCommonOptions, ctx: CliContext): CommonOptions {
  return {
    plan: raw.plan,
    format: raw.format,
    output: raw.output,
    lang: resolveLang(raw.lang, ctx.env),
    asOf: raw.asOf === undefined ? today() : parseIsoDate(raw.asOf, '--as-of'),
    color: resolveColor(raw.color, ctx),
  };
}
