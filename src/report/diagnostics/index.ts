import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';
import type { DiagnosticFormat, DiagnosticsRenderer, DiagnosticsRenderOptions, DiagnosticsReport } from './types.js';

/** One renderer per format: a format without a renderer does not compile. */
export const DIAGNOSTIC_RENDERERS: Record<DiagnosticFormat, DiagnosticsRenderer> = {
  text: renderText,
  json: renderJson,
  github: renderGithub,
};

/** Renders a check's diagnostics in a format; the caller writes the string. */
export function renderDiagnostics(format: DiagnosticFormat, report: DiagnosticsReport, options: DiagnosticsRenderOptions): string {
  return DIAGNOSTIC_RENDERERS[format](report, options);
}

export { DIAGNOSTIC_FORMATS } from './types.js';
export { loadDiagnosticsRenderer } from './load-renderer.js';
export type { DiagnosticFormat, DiagnosticsRenderer, DiagnosticsRenderOptions, DiagnosticsReport } from './types.js';
export type { ValidationReport } from './json.js';
export { escapeData, escapeProperty } from './github.js';
