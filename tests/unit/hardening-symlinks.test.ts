/**
 * Symbolic links committed among data files: a link found while walking a folder is followed
 * only when it stays inside the folder or the working directory, so a pull request cannot make
 * ccp read (and quote in its diagnostics) a file elsewhere on the machine.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/load/index.js';
import { checkFiles } from '../../src/validate/index.js';
import { testdir } from '../helpers/testdir.js';

const MINI = fileURLToPath(new URL('../fixtures/plans/mini.yaml', import.meta.url));
const DATA = 'apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\nperiod: 2025\nmeasurements:\n  - indicator: dossiers-online\n    value: 50\n';
const SECRET = 'apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\nperiod: 2025\nmeasurements:\n  - indicator: SECRET-TOKEN-42\n    value: 1\n';

describe('symbolic links in a walked folder', () => {
  it('skips a link to a file outside the folder and the working directory, and never quotes it', async () => {
    const outside = testdir({ 'secret.yaml': SECRET, 'secrets/deep.yaml': SECRET });
    const repo = testdir({ 'data/2025.yaml': DATA });
    symlinkSync(join(outside, 'secret.yaml'), join(repo, 'data', 'leak.yaml'));
    symlinkSync(join(outside, 'secrets'), join(repo, 'data', 'leaks'));
    const found = await discover(['data'], repo);
    expect(found).toEqual([join(repo, 'data', '2025.yaml')]);
    const check = await checkFiles(['data'], { cwd: repo, plan: MINI });
    expect(check.files).toEqual(['data/2025.yaml']);
    expect(JSON.stringify(check.diagnostics)).not.toContain('SECRET');
  });

  it('still follows links that stay inside the working directory', async () => {
    const repo = testdir({ 'shared/2024.yaml': DATA.replace('2025', '2024'), 'data/2025.yaml': DATA });
    symlinkSync(join(repo, 'shared', '2024.yaml'), join(repo, 'data', '2024.yaml'));
    mkdirSync(join(repo, 'more'));
    writeFileSync(join(repo, 'more', '2023.yaml'), DATA.replace('2025', '2023'));
    symlinkSync(join(repo, 'more'), join(repo, 'data', 'more'));
    expect(await discover(['data'], repo)).toEqual([join(repo, 'data', '2024.yaml'), join(repo, 'data', '2025.yaml'), join(repo, 'data', 'more', '2023.yaml')]);
  });

  it('reads a folder outside the working directory that the user names, links inside it included', async () => {
    const elsewhere = testdir({ 'data/2025.yaml': DATA, 'data/sub/2024.yaml': DATA });
    symlinkSync(join(elsewhere, 'data', 'sub', '2024.yaml'), join(elsewhere, 'data', 'link.yaml'));
    const found = await discover([join(elsewhere, 'data')], testdir());
    expect(found).toContain(join(elsewhere, 'data', 'link.yaml'));
  });

  it('reads a link the user names on the command line: naming it is the choice of the user', async () => {
    const outside = testdir({ 'other.yaml': DATA });
    const repo = testdir();
    symlinkSync(join(outside, 'other.yaml'), join(repo, 'named.yaml'));
    expect(await discover(['named.yaml'], repo)).toEqual([join(repo, 'named.yaml')]);
  });
});
