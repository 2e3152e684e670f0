/** Keys that could reach an object's prototype or shadow its machinery; never copied into data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` is one of the keys data files may not use. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Any character beyond ASCII: only such text can change under NFC. */
const NON_ASCII = /[^\x00-\x7f]/;

/** `text` in Unicode NFC; ASCII, which NFC never changes, is returned as it is without asking ICU. */
export function toNfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of parsed data with every string and key in Unicode NFC and the forbidden keys left
 * out. Properties are defined, never assigned, so no key can reach a prototype.
 */
export function sanitize(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(sanitize);
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const normalized = toNfc(key);
    if (isForbiddenKey(normalized)) continue;
    Object.defineProperty(out, normalized, { value: sanitize(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
