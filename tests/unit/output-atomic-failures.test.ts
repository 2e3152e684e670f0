/**
 * `--output` on every failure path inside the write: the file system is made to fail at each
 * step (write, chmod, rename), and the old file must survive with no temporary file left.
 */
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/cli/output.js';
import { InputError } from '../../src/model/errors.js';
import { testdir } from '../helpers/testdir.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, writeFile: vi.fn(actual.writeFile), chmod: vi.fn(actual.chmod), rename: vi.fn(actual.rename) };
});

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

afterEach(() => {
  vi.clearAllMocks();
});

describe('writeFileAtomic when the file system fails', () => {
  it('a disk that fills up half-way: old file kept, half-written temporary removed', async () => {
    const dir = testdir({ 'report.md': 'old report' });
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    vi.mocked(fs.writeFile).mockImplementationOnce(async (path, data) => {
      await actual.writeFile(path as string, String(data).slice(0, 10));
      throw failure('ENOSPC');
    });
    const error = await writeFileAtomic(join(dir, 'report.md'), 'new report '.repeat(1000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain('ENOSPC');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('permissions that cannot be copied: old file kept, temporary removed', async () => {
    const dir = testdir({ 'report.md': 'old report' });
    chmodSync(join(dir, 'report.md'), 0o640);
    vi.mocked(fs.chmod).mockRejectedValueOnce(failure('EPERM'));
    await expect(writeFileAtomic(join(dir, 'report.md'), 'new')).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('a rename that fails: old file kept, temporary removed', async () => {
    const dir = testdir({ 'report.md': 'old report' });
    vi.mocked(fs.rename).mockRejectedValueOnce(failure('EXDEV'));
    await expect(writeFileAtomic(join(dir, 'report.md'), 'new')).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('writes the temporary beside the target, hidden, and never over an existing file', async () => {
    const dir = testdir({ 'report.md': 'old' });
    await writeFileAtomic(join(dir, 'report.md'), 'new');
    const [temp, , options] = vi.mocked(fs.writeFile).mock.calls.at(-1)!;
    expect(String(temp)).toMatch(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\.report\\.md\\.ccp-tmp-[0-9a-z-]+$`));
    expect(options).toMatchObject({ flag: 'wx' });
  });
});
