import type { Diagnostic } from '../model/diagnostic.js';
import { START } from './diagnostic.js';
import type { SourceDocument } from './document.js';

/** A document with no data, only the problems that stopped it being read. */
export function emptyDocument(
  file: string,
  path: string,
  format: SourceDocument['format'],
  diagnostics: Diagnostic[],
): SourceDocument {
  return { file, path, format, data: undefined, locate: () => START, diagnostics };
}
