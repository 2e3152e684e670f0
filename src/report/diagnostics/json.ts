import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsRenderer } from './types.js';

/** The `validate --format json` document (schemas/validation-report.schema.json). */
export interface ValidationReport {
  apiVersion: 'ccp/v1';
  kind: 'ValidationReport';
  files: number;
  summary: { errors: number; warnings: number };
  diagnostics: Diagnostic[];
}

/** `--format json`: the ValidationReport, keys in a fixed order. */
export const renderJson: DiagnosticsRenderer = (report) => {
  const document: ValidationReport = {
    apiVersion: 'ccp/v1',
    kind: 'ValidationReport',
    files: report.files.length,
    summary: { errors: report.summary.errors, warnings: report.summary.warnings },
    // The documented key order: path (when there is one) before message.
    diagnostics: report.diagnostics.map(({ file, line, column, severity, code, path, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      ...(path === undefined ? {} : { path }),
      message,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
