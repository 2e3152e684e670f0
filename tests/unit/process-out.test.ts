import { describe, expect, it } from 'vitest';
import { processOut, type FdCalls } from '../../src/cli/process-out.js';

type Kind = 'fifo' | 'file' | 'char' | 'socket' | 'missing';

/** A descriptor of the given kind whose writes take at most `chunk` bytes, or fail as `failWith` says. */
function fakeFd(kind: Kind, options: { chunk?: number; failWith?: (call: number) => string | undefined } = {}) {
  const written: number[] = [];
  let calls = 0;
  const fd: FdCalls = {
    fstat: () => {
      if (kind === 'missing') throw Object.assign(new Error('EBADF'), { code: 'EBADF' });
      return { isFIFO: () => kind === 'fifo', isFile: () => kind === 'file', isSocket: () => kind === 'socket' };
    },
    write: (_fd, bytes, offset, length) => {
      calls += 1;
      const code = options.failWith?.(calls);
      if (code !== undefined) throw Object.assign(new Error(code), { code });
      const n = Math.min(length, options.chunk ?? length);
      written.push(...bytes.subarray(offset, offset + n));
      return n;
    },
  };
  return { fd, bytes: () => Buffer.from(written), text: () => Buffer.from(written).toString('utf8'), calls: () => calls };
}

/** A stream that records what it is given, and how often it was asked for. */
function fakeStream() {
  const chunks: (string | Uint8Array)[] = [];
  let made = 0;
  const listeners: ((error: NodeJS.ErrnoException) => void)[] = [];
  const stream = {
    isTTY: true,
    columns: 80,
    write: (chunk: string | Uint8Array) => chunks.push(chunk) > 0,
    on: (_event: 'error', listener: (error: NodeJS.ErrnoException) => void) => listeners.push(listener),
  };
  return {
    make: () => {
      made += 1;
      return stream;
    },
    made: () => made,
    listeners,
    bytes: () => Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))),
    text: () => chunks.map((chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))).join(''),
  };
}

describe('processOut', () => {
  it.each(['fifo', 'socket', 'file'] as const)('writes a %s itself, in as many calls as it takes, and never makes the stream', (kind) => {
    const fd = fakeFd(kind, { chunk: 5 });
    const stream = fakeStream();
    const out = processOut(1, stream.make, fd.fd);
    out.write('Đắk Lắk: ');
    out.write('80,5 %\n');
    expect(fd.text()).toBe('Đắk Lắk: 80,5 %\n');
    expect(fd.calls()).toBeGreaterThan(2);
    expect(out.isTTY).toBe(false);
    expect(stream.made()).toBe(0);
  });

  it.each(['char', 'missing'] as const)('hands a %s to the stream from the start', (kind) => {
    const fd = fakeFd(kind);
    const stream = fakeStream();
    const out = processOut(2, stream.make, fd.fd);
    out.write('x');
    expect(stream.text()).toBe('x');
    expect(out.isTTY).toBe(true);
    expect(fd.calls()).toBe(0);
  });

  it('gives what a blocked pipe did not take, and all that follows, to the stream, in order and whole', () => {
    // The first call takes 3 bytes, which cut "ắ" (3 bytes from offset 2) in two.
    const fd = fakeFd('fifo', { chunk: 3, failWith: (call) => (call === 2 ? 'EAGAIN' : undefined) });
    const stream = fakeStream();
    const out = processOut(1, stream.make, fd.fd);
    out.write('Đắk Lắk\n');
    out.write('tail\n');
    expect(Buffer.concat([fd.bytes(), stream.bytes()]).toString('utf8')).toBe('Đắk Lắk\ntail\n');
    expect(fd.bytes().length).toBe(3);
    expect(stream.made()).toBe(1);
    expect(fd.calls()).toBe(2);
    // The stream's own EPIPE, should the reader go later, is as quiet; any other failure is not.
    expect(stream.listeners).toHaveLength(1);
    expect(() => stream.listeners[0]!(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }))).not.toThrow();
    expect(() => stream.listeners[0]!(Object.assign(new Error('EIO'), { code: 'EIO' }))).toThrow('EIO');
  });

  it('ends quietly when the reader has gone (EPIPE), and writes nothing more', () => {
    const fd = fakeFd('fifo', { failWith: (call) => (call >= 2 ? 'EPIPE' : undefined) });
    const stream = fakeStream();
    const out = processOut(1, stream.make, fd.fd);
    out.write('first\n');
    expect(() => out.write('second\n')).not.toThrow();
    out.write('third\n');
    expect(fd.text()).toBe('first\n');
    expect(fd.calls()).toBe(2);
    expect(stream.made()).toBe(0);
  });

  it('lets any other failure through', () => {
    const fd = fakeFd('file', { failWith: () => 'ENOSPC' });
    const out = processOut(1, fakeStream().make, fd.fd);
    expect(() => out.write('x')).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  });
});
