import type { Writable } from 'node:stream';

/**
 * Everything a command may touch of the outside world. The bin passes the real process;
 * in-process tests pass buffers, an env and a cwd of their own.
 */
export interface CliContext {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real process. Its streams are made when first used: a clean run never needs stderr. */
export function processContext(): CliContext {
  return {
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
