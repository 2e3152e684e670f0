/**
 * Splits a JSON pointer into its reference tokens, decoding `~1` before `~0` as RFC 6901
 * requires (so `~01` stays `~1`). The empty pointer and `/` alone have no tokens beyond the root.
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Encodes one reference token for use in a JSON pointer. */
export function encodePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins tokens into a JSON pointer (`''` for the root). */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${encodePointerToken(token)}`).join('');
}
