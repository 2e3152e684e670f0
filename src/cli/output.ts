import { rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../model/errors.js';
import type { CliContext } from './context.js';

const pendingTemps = new Set<string>();
let tempCount = 0;

/**
 * A name for a temporary file no other run picks: the process id, a counter and a random
 * part. It needs no secrecy (the file is opened with O_EXCL, so a name taken meanwhile fails
 * the write instead of following it), so no cryptographic randomness and its start-up cost.
 */
function tempSuffix(): string {
  tempCount += 1;
  return `${process.pid.toString(36)}-${tempCount.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
let signalsHooked = false;

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Synchronous on purpose: the process is about to end.
      for (const temp of pendingTemps) rmSync(temp, { force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Characters written at a time from a large text. */
const SLICE = 1 << 20;

/**
 * A large text in slices of about a million characters, never cutting a surrogate pair: each
 * is encoded and written in turn, so a report of a hundred megabytes is never copied whole
 * into one buffer beside the string.
 */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Writes `text` to `file` whole or not at all: a temporary file beside it, then a rename.
 * An existing file keeps its permissions. The temporary file is removed on every failure.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  // Loaded here, not at start: most runs write to stdout.
  const { chmod, rename, rm, stat, writeFile } = await import('node:fs/promises');
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.ccp-tmp-${tempSuffix()}`);
  let mode: number | undefined;
  try {
    const info = await stat(target);
    if (info.isDirectory()) throw new InputError(`cannot write ${file}: it is a directory`, file);
    mode = info.mode & 0o7777;
  } catch (error) {
    if (error instanceof InputError) throw error;
  }
  hookSignals();
  pendingTemps.add(temp);
  try {
    await writeFile(temp, text.length > SLICE ? slices(text) : text, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof InputError) throw error;
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new InputError(`cannot write ${file}: ${reason}`, file);
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Whether two paths name one file, however spelt: through `..`, symbolic or hard links. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an `--output` that names one of the files the command read (paths as shown or
 * absolute, against the cwd): a report written over its own data would lose the data.
 */
export function refuseOverInput(ctx: CliContext, output: string | undefined, inputs: readonly string[]): void {
  if (output === undefined || output === '-') return;
  const target = resolve(ctx.cwd, output);
  for (const input of inputs) {
    if (sameFile(target, resolve(ctx.cwd, input))) {
      throw new UsageError(`--output ${output} is ${input}, which this command reads; ccp never writes over its input: choose another file`);
    }
  }
}

/**
 * Sends a command's output to `--output FILE` (atomically) or to stdout. `inputs` are the
 * files the command read: an `--output` naming one of them is refused (UsageError).
 */
export async function emit(ctx: CliContext, text: string, output?: string, inputs: readonly string[] = []): Promise<void> {
  if (output !== undefined && output !== '-') {
    refuseOverInput(ctx, output, inputs);
    await writeFileAtomic(resolve(ctx.cwd, output), text);
    return;
  }
  ctx.stdout.write(text);
}
