import type { DiagnosticFormat, DiagnosticsRenderer } from './types.js';

/**
 * The renderer of one diagnostics format, loaded when asked for: a clean run prints no
 * diagnostics and so never loads the colour library. The same functions as
 * `DIAGNOSTIC_RENDERERS` in `./index.js`, which loads them all.
 */
export async function loadDiagnosticsRenderer(format: DiagnosticFormat): Promise<DiagnosticsRenderer> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).renderText;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'github':
      return (await import('./github.js')).renderGithub;
  }
}
