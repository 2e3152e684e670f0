/**
 * Typed errors. Only the CLI's entry (`run`) turns them into an exit code; nothing below
 * it calls `process.exit`.
 */

/** The tool could not do its job: a bad option, an unreadable file. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** A file or folder the user named cannot be read. Exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** The check ran and found problems (errors, or `--fail-on` tripped). Exit 1. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
  readonly exitCode = 1;
}
