import type { Diagnostic } from '../../model/diagnostic.js';

/** The formats `ccp validate` prints. */
export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** What a diagnostics renderer needs of a check's result (a `CheckResult` fits). */
export interface DiagnosticsReport {
  /** Display names of the files checked. */
  files: readonly string[];
  /** Sorted by file, line and column. */
  diagnostics: readonly Diagnostic[];
  summary: { errors: number; warnings: number };
}

/** How to render: only the text format uses colour. */
export interface DiagnosticsRenderOptions {
  /** ANSI colours (chalk), when the output is a terminal that wants them. */
  color: boolean;
}

/** Turns a report into the text to print; writing it is the caller's job. */
export type DiagnosticsRenderer = (report: DiagnosticsReport, options: DiagnosticsRenderOptions) => string;
