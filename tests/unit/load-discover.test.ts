import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, displayPath } from '../../src/load/index.js';
import { InputError } from '../../src/model/errors.js';
import { testdir } from '../helpers/testdir.js';

describe('discover', () => {
  const tree = () =>
    testdir({
      'plan.yaml': 'a: 1\n',
      'data/2025.yml': 'a: 1\n',
      'data/2024.csv': 'indicator,period\n',
      'data/deep/q1.yaml': 'a: 1\n',
      'data/readme.md': '# not data\n',
      'data/node_modules/pkg/x.yaml': 'a: 1\n',
      'data/.cache/y.yaml': 'a: 1\n',
      '.github/ci.yaml': 'a: 1\n',
      'data/UPPER.YAML': 'a: 1\n',
    });

  it('walks folders recursively for data files, skipping node_modules and dot-folders, sorted', async () => {
    const dir = tree();
    const files = await discover(['.'], dir);
    expect(files).toEqual(
      ['data/2024.csv', 'data/2025.yml', 'data/UPPER.YAML', 'data/deep/q1.yaml', 'plan.yaml'].map((f) => join(dir, f)).sort(),
    );
  });

  it('returns absolute paths without duplicates when a file is named twice or also inside a named folder', async () => {
    const dir = tree();
    const files = await discover(['data/2025.yml', 'data', join(dir, 'data', '2025.yml')], dir);
    expect(files.filter((f) => f.endsWith('2025.yml'))).toEqual([join(dir, 'data/2025.yml')]);
    expect(files.every((f) => f.startsWith(dir))).toBe(true);
  });

  it('expands globs and keeps only data files', async () => {
    const dir = tree();
    expect(await discover(['data/**/*.yaml'], dir)).toEqual([join(dir, 'data/deep/q1.yaml')]);
    expect(await discover(['data/*'], dir)).toEqual(
      ['data/2024.csv', 'data/2025.yml', 'data/UPPER.YAML'].map((f) => join(dir, f)).sort(),
    );
  });

  it('expands a glob that reaches outside the cwd, and an absolute one', async () => {
    const dir = tree();
    const cwd = join(dir, 'data', 'deep');
    expect(await discover(['../*.yml'], cwd)).toEqual([join(dir, 'data/2025.yml')]);
    expect(await discover([join(dir, 'data', '*.csv')], cwd)).toEqual([join(dir, 'data/2024.csv')]);
  });

  it('keeps a named file of another type, for loading to report', async () => {
    const dir = tree();
    expect(await discover(['data/readme.md'], dir)).toEqual([join(dir, 'data/readme.md')]);
  });

  it('throws InputError for a missing file or folder, and for a glob that matches nothing', async () => {
    const dir = tree();
    await expect(discover(['missing.yaml'], dir)).rejects.toBeInstanceOf(InputError);
    await expect(discover(['missing/'], dir)).rejects.toBeInstanceOf(InputError);
    await expect(discover(['data/*.json'], dir)).rejects.toBeInstanceOf(InputError);
    await expect(discover(['data/*.md'], dir)).rejects.toBeInstanceOf(InputError);
  });

  it('gives [] for a folder with no data files', async () => {
    const dir = testdir({ 'notes.txt': 'x' });
    mkdirSync(join(dir, 'empty'));
    expect(await discover(['empty'], dir)).toEqual([]);
    expect(await discover(['.'], dir)).toEqual([]);
  });

  it('takes an existing path literally even when it holds glob characters', async () => {
    const dir = testdir({ 'data [2025].yaml': 'a: 1\n' });
    expect(await discover(['data [2025].yaml'], dir)).toEqual([join(dir, 'data [2025].yaml')]);
  });

  it('follows a symbolic link to a folder once, without looping', async () => {
    const dir = testdir({ 'data/a.yaml': 'a: 1\n' });
    symlinkSync(join(dir, 'data'), join(dir, 'data', 'loop'));
    expect(await discover(['data'], dir)).toEqual([join(dir, 'data/a.yaml')]);
  });
});

describe('displayPath', () => {
  it('is relative with / inside the cwd and absolute outside it', () => {
    expect(displayPath('/work/repo/data/2025.yaml', '/work/repo')).toBe('data/2025.yaml');
    expect(displayPath('/elsewhere/2025.yaml', '/work/repo')).toBe('/elsewhere/2025.yaml');
    expect(displayPath('/work/repository/x.yaml', '/work/repo')).toBe('/work/repository/x.yaml');
  });
});
