import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Plan } from '../model/plan.js';
import type { EmbeddedPlan } from './embedded-plan-type.js';

/**
 * The embedded plan when `bytes` are exactly the bytes it was built from, else undefined: an
 * edited plan file is never masked by the copy made at build time. The bytes themselves are
 * compared, not a digest: as cheap for a file this size, exact, and it keeps the hashing code
 * out of every start. A fresh object each time.
 */
export function planFromEmbedded(bytes: Uint8Array, embedded: EmbeddedPlan | undefined): Plan | undefined {
  if (embedded === undefined || !Buffer.from(embedded.yaml, 'utf8').equals(bytes)) return undefined;
  return JSON.parse(embedded.json) as Plan;
}

/**
 * The shipped plan at `path` without parsing or validating it, when the build embedded it and
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
  return planFromEmbedded(bytes, EMBEDDED_PLAN);
}
