import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../src/load/document.js';
import { testdir } from '../helpers/testdir.js';

// Spies on every way the loader could read a file's contents.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile), open: vi.fn(actual.open) };
});
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, readSync: vi.fn(actual.readSync), readFileSync: vi.fn(actual.readFileSync) };
});

const fs = await import('node:fs/promises');
const fsSync = await import('node:fs');
const { loadFile } = await import('../../src/load/index.js');

describe('YAML size limit', () => {
  beforeEach(() => {
    vi.mocked(fs.readFile).mockClear();
    vi.mocked(fs.open).mockClear();
    vi.mocked(fsSync.readSync).mockClear();
    vi.mocked(fsSync.readFileSync).mockClear();
  });

  it('refuses a YAML file of 10 MiB + 1 byte without reading it', async () => {
    const cwd = testdir({});
    const path = join(cwd, 'big.yaml');
    writeFileSync(path, 'a: 1\n');
    truncateSync(path, LIMITS.maxYamlBytes + 1);
    expect(LIMITS.maxYamlBytes).toBe(10 * 1024 * 1024);
    const doc = await loadFile('big.yaml', { cwd });
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(doc.diagnostics[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(doc.data).toBeUndefined();
    expect(fs.readFile).not.toHaveBeenCalled();
    expect(fs.open).not.toHaveBeenCalled();
    expect(fsSync.readSync).not.toHaveBeenCalled();
    expect(fsSync.readFileSync).not.toHaveBeenCalled();
  });

  it('reads a file at the limit', async () => {
    const cwd = testdir({ 'edge.yaml': `a: ${'x'.repeat(96)}\n` });
    const doc = await loadFile('edge.yaml', { cwd, limits: { maxYamlBytes: 100 } });
    expect(doc.diagnostics).toEqual([]);
    // One read of the whole file: its bytes and the short read that says it ended.
    expect(fsSync.readSync).toHaveBeenCalledTimes(1);
    const over = testdir({ 'over.yaml': `a: ${'x'.repeat(97)}\n` });
    expect((await loadFile('over.yaml', { cwd: over, limits: { maxYamlBytes: 100 } })).diagnostics.map((d) => d.code)).toEqual([
      'file-too-large',
    ]);
  });
});
