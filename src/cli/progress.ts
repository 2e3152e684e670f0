import type { CliContext } from './context.js';

/** How often the line is redrawn at most. */
const INTERVAL_MS = 100;
/** Files smaller than this are read too fast for a progress line to help. */
const MIN_BYTES = 4 * 1024 * 1024;

/** A progress line on stderr while large files are read; nothing at all off a terminal. */
export interface Progress {
  /** `bytes` of `total` of `file` are read. Cheap to call often: the line is redrawn at most 10 times a second. */
  update(file: string, bytes: number, total: number): void;
  /** Clears the line; call it before anything else is written to stderr. */
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/**
 * A progress line for a long read: only when stderr is a terminal (never when it is piped or
 * redirected, so it is never mixed into a report or a log), redrawn at most every 100 ms,
 * shown only for files of at least 4 MiB, and cleared by `done()`.
 */
export function createProgress(ctx: CliContext, now: () => number = () => performance.now()): Progress {
  if (ctx.stderr.isTTY !== true) return SILENT;
  let last = -Infinity;
  let shown = false;
  return {
    update(file, bytes, total) {
      if (total < MIN_BYTES) return;
      const time = now();
      if (time - last < INTERVAL_MS && bytes < total) return;
      last = time;
      const percent = Math.min(100, Math.floor((bytes / total) * 100));
      const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
      ctx.stderr.write(`\r\x1b[Kccp: reading ${file}: ${percent}% (${mib(bytes)} of ${mib(total)} MiB)`);
      shown = true;
    },
    done() {
      if (shown) ctx.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
