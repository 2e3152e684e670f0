import type { SourceDocument } from '../load/document.js';
import type { Diagnostic, DiagnosticCode, Severity } from '../model/diagnostic.js';

/** Where a diagnostic points: a JSON pointer, and whether at the property's key or its value. */
export interface Place {
  pointer: string;
  key?: boolean;
}

/** Builds a diagnostic at a place in a document; positions come from the document alone. */
export function diagnosticAt(
  doc: SourceDocument,
  code: DiagnosticCode,
  place: Place,
  message: string,
  severity: Severity = 'error',
): Diagnostic {
  const position = doc.locate(place.pointer, place.key === true ? { key: true } : undefined);
  const diagnostic: Diagnostic = { file: doc.file, line: position.line, column: position.column, severity, code, message };
  if (place.pointer !== '') diagnostic.path = place.pointer;
  return diagnostic;
}

/** Sorts diagnostics by file, line and column (then code), by code unit so no locale is involved. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
}

/** Counts errors and warnings. */
export function summarize(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Describes a value for a message: strings quoted, long ones cut. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
