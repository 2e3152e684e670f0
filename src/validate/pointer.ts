/** Escapes one JSON pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends segments to a JSON pointer. */
export function joinPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

/** The pointer one level up ('' stays ''). */
export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** The decoded last segment of a pointer ('' for the root). */
export function lastSegment(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  if (cut < 0) return '';
  return pointer.slice(cut + 1).replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The value at a JSON pointer in plain data, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
