import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emit, writeFileAtomic } from '../../src/cli/output.js';
import { InputError } from '../../src/model/errors.js';
import { testdir } from '../helpers/testdir.js';

const mode = (path: string) => statSync(path).mode & 0o777;

class Sink extends Writable {
  text = '';
  override _write(chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

describe('writeFileAtomic', () => {
  it('writes a new file whole and leaves nothing else beside it', async () => {
    const dir = testdir();
    const text = 'báo cáo\n'.repeat(10_000);
    await writeFileAtomic(join(dir, 'report.md'), text);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const dir = testdir({ 'private.csv': 'old', 'script.sh': 'old' });
    chmodSync(join(dir, 'private.csv'), 0o600);
    chmodSync(join(dir, 'script.sh'), 0o751);
    await writeFileAtomic(join(dir, 'private.csv'), 'new');
    await writeFileAtomic(join(dir, 'script.sh'), 'new');
    expect(readFileSync(join(dir, 'private.csv'), 'utf8')).toBe('new');
    expect(mode(join(dir, 'private.csv'))).toBe(0o600);
    expect(mode(join(dir, 'script.sh'))).toBe(0o751);
    expect(readdirSync(dir).sort()).toEqual(['private.csv', 'script.sh']);
  });

  it('gives a new file the ordinary permissions of the umask', async () => {
    const dir = testdir();
    await writeFileAtomic(join(dir, 'new.json'), '{}');
    writeFileSync(join(dir, 'plain.json'), '{}');
    expect(mode(join(dir, 'new.json'))).toBe(mode(join(dir, 'plain.json')));
  });

  it('refuses a folder as the output and leaves it as it was', async () => {
    const dir = testdir({ 'out/keep.txt': 'keep' });
    await expect(writeFileAtomic(join(dir, 'out'), 'x')).rejects.toBeInstanceOf(InputError);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['keep.txt']);
  });

  it('fails with InputError, leaving no temporary file, when the folder does not exist', async () => {
    const dir = testdir();
    await expect(writeFileAtomic(join(dir, 'missing', 'report.md'), 'x')).rejects.toBeInstanceOf(InputError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces a symbolic link with a file, never writing through it to where it points', async () => {
    const dir = testdir({ 'elsewhere/precious.txt': 'precious' });
    symlinkSync(join(dir, 'elsewhere', 'precious.txt'), join(dir, 'report.html'));
    await writeFileAtomic(join(dir, 'report.html'), '<p>report</p>');
    expect(readFileSync(join(dir, 'elsewhere', 'precious.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'report.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('<p>report</p>');
  });

  it('leaves one whole version when two writes race to one file', async () => {
    const dir = testdir();
    const a = 'a'.repeat(1_000_000);
    const b = 'b'.repeat(999_999);
    await Promise.all([writeFileAtomic(join(dir, 'out.txt'), a), writeFileAtomic(join(dir, 'out.txt'), b)]);
    expect([a, b]).toContain(readFileSync(join(dir, 'out.txt'), 'utf8'));
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
});

describe('emit', () => {
  const ctx = (cwd: string) => ({ stdout: new Sink(), stderr: new Sink(), env: {}, cwd });

  it('writes to stdout without --output and with --output -', async () => {
    const dir = testdir();
    for (const output of [undefined, '-']) {
      const c = ctx(dir);
      await emit(c, 'hello\n', output);
      expect(c.stdout.text).toBe('hello\n');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes --output relative to the cwd, and nothing to stdout', async () => {
    const dir = testdir();
    mkdirSync(join(dir, 'reports'));
    const c = ctx(dir);
    await emit(c, 'x,y\r\n', 'reports/out.csv');
    expect(c.stdout.text).toBe('');
    expect(readFileSync(join(dir, 'reports', 'out.csv'), 'utf8')).toBe('x,y\r\n');
  });
});

describe('writeFileAtomic with a large text', () => {
  it('writes a text of several slices whole, surrogate pairs across slice ends intact', async () => {
    const dir = testdir({});
    // An emoji (two UTF-16 units) straddles the first million-character boundary, and others follow.
    const text = `${'a'.repeat((1 << 20) - 1)}😀${'bé😀'.repeat(400_000)}end`;
    await writeFileAtomic(join(dir, 'big.json'), text);
    expect(readFileSync(join(dir, 'big.json'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });
});
