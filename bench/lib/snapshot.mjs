import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Copies the built bin and dist/ into `dir` (which must sit inside the repository, so that
 * ccp still finds the repository's schemas/ and shipped plan by walking up), and checks
 * the copy runs. Others may rebuild dist/ while a long benchmark runs; a rebuild renames
 * every chunk, and a run that starts in the middle of one fails to load. The copy is
 * byte for byte the build a user gets. A copy taken during a rebuild is taken again.
 * @param {string} root the repository
 * @param {string} dir where the copy goes
 * @returns {string} the copy's bin, relative to `root`
 */
export function snapshotBuild(root, dir) {
  for (let attempt = 1; ; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    if (existsSync(join(root, 'dist'))) cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    const bin = join(dir, 'bin', 'ccp.cjs');
    const probe = spawnSync(process.execPath, [bin, 'schema', 'measurements'], { cwd: root, encoding: 'utf8' });
    if (probe.status === 0) return bin.slice(root.length + 1);
    if (attempt === 5) throw new Error(`the copy of the build does not run: ${probe.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${probe.status}`}`);
    spawnSync('sleep', ['2']);
  }
}
