/**
 * The bin writes stdout itself when it is a pipe or a file (src/cli/process-out.ts): what a
 * reader gets must be what a terminal-less run always printed, and a reader that stops early
 * (`ccp … | head`) must end the run quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CWD = join(ROOT, 'data/examples');
const ENV = { PATH: process.env.PATH, NO_COLOR: '1' };
const EVALUATE = ['evaluate', '.', '--as-of', '2026-11-27', '--format', 'json', '--lang', 'vi'];

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.cjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) first');
});

describe('stdout on a pipe or a file', () => {
  it('prints to a pipe and to a file the same bytes as a run in the process', async () => {
    const expected = await runCli(EVALUATE, { cwd: CWD });
    expect(expected.code).toBe(0);
    const piped = spawnSync(process.execPath, [BIN, ...EVALUATE], { cwd: CWD, env: ENV, encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(expected.stdout);

    const file = join(testdir(), 'out.json');
    const fd = openSync(file, 'w');
    try {
      const toFile = spawnSync(process.execPath, [BIN, ...EVALUATE], { cwd: CWD, env: ENV, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(toFile.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(expected.stdout);
  });

  it('hands a reader that starts late everything, more than a pipe holds', () => {
    // A shell pipe (64 KB) whose reader starts after a pause: ccp's writes wait for it, and the
    // run exits only once all of its output is in the pipe.
    const args = ['evaluate', '.', '--as-of', '2026-11-27', '--format', 'html', '--lang', 'vi'];
    const expected = spawnSync(process.execPath, [BIN, ...args], { cwd: CWD, env: ENV, encoding: 'utf8' });
    expect(Buffer.byteLength(expected.stdout)).toBeGreaterThan(65536);
    const script = '{ "$0" "$@"; echo "ccp-exit $?" >&2; } | { sleep 0.3; cat; }';
    const late = spawnSync('sh', ['-c', script, process.execPath, BIN, ...args], { cwd: CWD, env: ENV, encoding: 'utf8' });
    expect(late.stderr).toBe('ccp-exit 0\n');
    expect(late.stdout).toBe(expected.stdout);
  });

  it('ends quietly, exit 0, when the reader has gone (`ccp … | head`)', async () => {
    // About 100 KB, more than a pipe holds; the reader is gone before ccp has started.
    const args = ['evaluate', '.', '--as-of', '2026-11-27', '--format', 'html', '--lang', 'vi'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: CWD, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
