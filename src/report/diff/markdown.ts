export { escapeMarkdown, escapeMarkdownBlock } from '../evaluation/markdown-escape.js';

/** A Markdown table: a header row, the alignment row, then one row per entry; cells already escaped. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
