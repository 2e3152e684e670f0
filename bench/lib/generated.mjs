import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Makes `target` (a file or a folder) with `generate(tempPath)` unless it exists and its
 * meta file records the same generator name and version. The data is written under a
 * temporary name and renamed, so an interrupted run never leaves a half-made file that a
 * later run would take as complete.
 * @param {{ target: string, meta: string, name: string, version: number,
 *           generate: (tempPath: string) => Record<string, unknown> }} spec
 * @returns {{ generated: boolean, meta: Record<string, unknown> }}
 */
export function ensureGenerated({ target, meta, name, version, generate }) {
  if (existsSync(target) && existsSync(meta)) {
    try {
      const recorded = JSON.parse(readFileSync(meta, 'utf8'));
      if (recorded.generator === name && recorded.version === version) return { generated: false, meta: recorded };
    } catch {
      // An unreadable meta file means the data must be made again.
    }
  }
  rmSync(meta, { force: true });
  rmSync(target, { recursive: true, force: true });
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    const facts = generate(temp);
    renameSync(temp, target);
    const recorded = { generator: name, version, ...facts };
    writeFileSync(meta, `${JSON.stringify(recorded, null, 2)}\n`);
    return { generated: true, meta: recorded };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
