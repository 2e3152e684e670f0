import { Chalk } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';
import { inertControls } from '../terminal-text.js';
import type { DiagnosticsRenderer } from './types.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * `--format text`: diagnostics grouped by file, one aligned line each
 * (`  line:col  error  message  code`), then a one-line summary.
 */
export const renderText: DiagnosticsRenderer = (report, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const groups = new Map<string, Diagnostic[]>();
  // Messages quote the data and files are named by their authors: neither may drive the terminal.
  const shown = report.diagnostics.map((d) => ({ ...d, file: inertControls(d.file, { lineFeeds: false }), message: inertControls(d.message, { lineFeeds: false }) }));
  for (const d of shown) {
    const group = groups.get(d.file);
    if (group === undefined) groups.set(d.file, [d]);
    else group.push(d);
  }
  const where = (d: Diagnostic) => `${d.line}:${d.column}`;
  const whereWidth = Math.max(0, ...shown.map((d) => where(d).length));
  const severityWidth = shown.some((d) => d.severity === 'warning') ? 'warning'.length : 'error'.length;
  const messageWidth = Math.max(0, ...shown.map((d) => [...d.message].length));
  const lines: string[] = [];
  for (const [file, diagnostics] of groups) {
    lines.push(chalk.underline(file));
    for (const d of diagnostics) {
      const severity = d.severity.padEnd(severityWidth);
      const message = d.message + ' '.repeat(messageWidth - [...d.message].length);
      lines.push(
        `  ${chalk.dim(where(d).padStart(whereWidth))}  ${d.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity)}  ${message}  ${chalk.dim(d.code)}`.trimEnd(),
      );
    }
    lines.push('');
  }
  const { errors, warnings } = report.summary;
  const problems = errors + warnings;
  const files = plural(report.files.length, 'file');
  if (problems === 0) {
    lines.push(chalk.green(`✔ ${files} checked, no problems`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${files}`;
    lines.push(errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
  }
  return `${lines.join('\n')}\n`;
};
