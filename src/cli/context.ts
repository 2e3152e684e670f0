import { processOut, type Out } from './process-out.js';

export type { Out } from './process-out.js';

/**
 * Everything a command may touch of the outside world. The bin passes the real process;
 * in-process tests pass buffers, an env and a cwd of their own.
 */
export interface CliContext {
  stdout: Out;
  stderr: Out;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The real process. Its outputs are made when first used (a clean run never writes to
 * stderr), and on a pipe or a file they are written without node's streams (./process-out.ts).
 */
export function processContext(): CliContext {
  let stdout: Out | undefined;
  let stderr: Out | undefined;
  return {
    get stdout() {
      stdout ??= processOut(1, () => process.stdout);
      return stdout;
    },
    get stderr() {
      stderr ??= processOut(2, () => process.stderr);
      return stderr;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}
