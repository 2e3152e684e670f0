import { fstatSync, writeSync } from 'node:fs';

/** What ccp writes its output to: the part of a stream the commands use. */
export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The system calls a direct writer makes: node's own, or a test's. */
export interface FdCalls {
  fstat(fd: number): { isFIFO(): boolean; isFile(): boolean; isSocket(): boolean };
  write(fd: number, bytes: Uint8Array, offset: number, length: number): number;
}

const NODE_CALLS: FdCalls = {
  fstat: (fd) => fstatSync(fd),
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
};

/** The part of a node stream used here. */
type Stream = Out & { write(chunk: string | Uint8Array): unknown; on?(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown };

/**
 * The process's stdout or stderr (`fd` 1 or 2, `stream` its node stream). On a pipe, a socket
 * (what a parent node process hands its child as a pipe) or a file, a writer of the descriptor
 * itself: making `process.stdout` there loads node's whole stream and socket machinery, a good
 * part of a short run's own time. One that would block (EAGAIN: its other end made it
 * non-blocking) hands what is left, and everything after, to the node stream, which waits for
 * the reader. A reader that went away (EPIPE, as in `ccp … | head`) ends the output quietly.
 * A terminal or anything else gets the node stream from the start. `stream` is called at most
 * once, when it is needed.
 */
export function processOut(fd: number, stream: () => Stream, calls: FdCalls = NODE_CALLS): Out {
  let kind: ReturnType<FdCalls['fstat']> | undefined;
  try {
    kind = calls.fstat(fd);
  } catch {
    kind = undefined;
  }
  if (kind === undefined || !(kind.isFIFO() || kind.isSocket() || kind.isFile())) return stream();
  let fallback: Stream | undefined;
  let closed = false;
  return {
    isTTY: false,
    write(text: string): boolean {
      if (fallback !== undefined) return fallback.write(text) !== false;
      if (closed) return true;
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      while (done < bytes.length) {
        try {
          done += calls.write(fd, bytes, done, bytes.length - done);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            fallback = stream();
            fallback.on?.('error', (failure) => {
              if (failure.code !== 'EPIPE') throw failure;
            });
            return fallback.write(bytes.subarray(done)) !== false;
          }
          if (code === 'EPIPE') {
            closed = true;
            return true;
          }
          throw error;
        }
      }
      return true;
    },
  };
}
