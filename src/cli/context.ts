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

export function processContext(): CliContext {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
