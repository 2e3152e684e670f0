import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('ccp targets --format md (file snapshots a reviewer can open)', () => {
  it.each(['vi', 'en'])('lists the shipped plan in %s', async (lang) => {
    const run = await runCli(['targets', '--format', 'md', '--lang', lang]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`./__snapshots__/targets-${lang}.md`);
  });
});
