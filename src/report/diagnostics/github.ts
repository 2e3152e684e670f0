import type { DiagnosticsRenderer } from './types.js';

/** Escapes a workflow command's message: %, CR and LF. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value: as data, plus ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `--format github`: one workflow command per diagnostic, which GitHub shows as an annotation. */
export const renderGithub: DiagnosticsRenderer = (report) =>
  report.diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const properties = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeProperty(d.code)}`];
      return `::${command} ${properties.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
