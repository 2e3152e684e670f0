import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../load/package-files.js';
import type { Plan } from '../model/plan.js';
import { bufferView } from '../util/buffer-view.js';
import type { EmbeddedPlan } from './embedded-plan-type.js';

/**
 * The build's copy of the plan (in `dir`) when `bytes` are exactly the bytes it was made from,
 * else undefined: an edited plan file is never masked by the copy made at build time. The bytes
 * themselves are compared, not a digest: as cheap for a file this size, exact, and no hashing
 * code at start. Undefined too when the copy cannot be read. A fresh object each time.
 */
export function planFromEmbedded(bytes: Uint8Array, dir: string, embedded: EmbeddedPlan | undefined): Plan | undefined {
  if (embedded === undefined) return undefined;
  try {
    if (!readFileSync(join(dir, embedded.yaml)).equals(bufferView(bytes))) return undefined;
    // The build writes the copy in ASCII (\u escapes): latin1 takes it byte for byte.
    const json = readFileSync(join(dir, embedded.json));
    return JSON.parse(json.toString(isAscii(json) ? 'latin1' : 'utf8')) as Plan;
  } catch {
    return undefined;
  }
}

/**
 * The shipped plan at `path` without parsing or validating it, when the build made its copy and
 * the file still holds the same bytes. Undefined otherwise (and when the file cannot be read:
 * the normal path then says why), so that the caller loads the file as any other plan.
 */
export async function cachedShippedPlan(path: string): Promise<Plan | undefined> {
  const { EMBEDDED_PLAN } = await import('./embedded-plan.js');
  if (EMBEDDED_PLAN === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    // One small file, read once at start: synchronously, without loading node's promise API.
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return planFromEmbedded(bytes, join(packageRoot(), 'dist'), EMBEDDED_PLAN);
}
