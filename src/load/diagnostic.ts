import type { Diagnostic, DiagnosticCode, Severity } from '../model/diagnostic.js';
import type { Position } from './document.js';

/** The first character of a file: where reading problems point when no better place is known. */
export const START: Position = { line: 1, column: 1 };

/** Builds a diagnostic for `file` at `at` (line 1, column 1 by default). */
export function diagnostic(
  file: string,
  code: DiagnosticCode,
  message: string,
  at: Position = START,
  options: { severity?: Severity; path?: string } = {},
): Diagnostic {
  const result: Diagnostic = {
    file,
    line: at.line,
    column: at.column,
    severity: options.severity ?? 'error',
    code,
    message,
  };
  if (options.path !== undefined) result.path = options.path;
  return result;
}
