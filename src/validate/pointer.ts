import { parsePointer, toPointer } from '../load/json-pointer.js';

/** Appends reference tokens to a JSON pointer. */
export function joinPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + toPointer(tokens);
}

/** The pointer one level up ('' stays ''). */
export function parentPointer(pointer: string): string {
  return toPointer(parsePointer(pointer).slice(0, -1));
}

/** The decoded last token of a pointer ('' for the root). */
export function lastSegment(pointer: string): string {
  return parsePointer(pointer).at(-1) ?? '';
}

/** The value at a JSON pointer in plain data (own properties only), or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
