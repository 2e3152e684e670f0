/** How bad a diagnostic is: errors fail `validate`; warnings fail it only with `--strict`. */
export type Severity = 'error' | 'warning';

/**
 * Stable kebab-case codes, one per kind of problem. Tests and scripts match on these,
 * never on the wording of `message`.
 */
export const DIAGNOSTIC_CODES = [
  // reading
  'file-not-found',
  'not-a-file',
  'file-unreadable',
  'file-empty',
  'file-too-large',
  'binary-file',
  'wrong-encoding',
  'unsupported-file-type',
  // YAML
  'yaml-syntax',
  'duplicate-key',
  'alias-limit',
  'too-deep',
  'string-too-long',
  'multiple-documents',
  'forbidden-key',
  'yaml-tag',
  // CSV
  'csv-syntax',
  'csv-header',
  'csv-duplicate-header',
  'csv-unknown-column',
  'csv-ragged-row',
  'csv-ambiguous-decimal',
  'csv-too-many-rows',
  'csv-mixed-plans',
  // schema
  'unknown-api-version',
  'unknown-kind',
  'schema',
  'missing-property',
  'unknown-property',
  'wrong-type',
  'invalid-value',
  // semantic rules
  'unknown-plan',
  'unknown-indicator',
  'unknown-area',
  'duplicate-id',
  'duplicate-target-year',
  'invalid-range',
  'numerator-exceeds-denominator',
  'negative-count',
  'zero-denominator',
  'percent-out-of-range',
  'not-a-number',
  'missing-value',
  'conflicting-value',
  'measure-mismatch',
  'duplicate-entry',
  'identical-duplicate',
  'period-outside-plan',
  'invalid-period',
  'not-normalized',
  'plan-not-found',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** One problem found in one file, at a 1-based line and column. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: DiagnosticCode;
  /** JSON pointer into the document (YAML) or `/<row>/<column>` (CSV), when there is one. */
  path?: string;
  message: string;
}
