import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Plan } from '../model/plan.js';
import type { EmbeddedPlan } from './embedded-plan-type.js';

/** The SHA-256 of a file's bytes, as hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The embedded plan when `bytes` are exactly the bytes it was built from, else undefined: an
 * edited plan file is never masked by the copy made at build time. A fresh object each time.
 */
export function planFromEmbedded(bytes: Uint8Array, embedded: EmbeddedPlan | undefined): Plan | undefined {
  if (embedded === undefined || sha256(bytes) !== embedded.sha256) return undefined;
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
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  return planFromEmbedded(bytes, EMBEDDED_PLAN);
}
