/**
 * Escapes text for a GitHub-flavoured Markdown table cell or the inside of a line: inline
 * markup characters are backslash-escaped (line-start markup such as `#` or `+` cannot occur
 * where the reports put text), `<`, `>` and `&` become entities (no HTML gets through),
 * and line breaks become spaces so a cell stays on its row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

/** A Markdown table: a header row, the alignment row, then one row per entry; cells already escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}
