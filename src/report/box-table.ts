import { stripAnsi, visibleWidth } from './text-width.js';

/** A row of a box table: one cell per column, or one cell spanning them all (an area heading). */
export type BoxRow = readonly string[] | { span: string };

/** Columns of a box table: content widths (without the one space of padding either side), alignments. */
export interface BoxColumns {
  widths: readonly number[];
  aligns?: readonly ('left' | 'right')[];
}

const CHARS = {
  top: '─',
  topMid: '┬',
  topLeft: '┌',
  topRight: '┐',
  bottomMid: '┴',
  bottomLeft: '└',
  bottomRight: '┘',
  side: '│',
  leftMid: '├',
  mid: '─',
  midMid: '┼',
  rightMid: '┤',
} as const;

/** `line` cut to `width` columns with "…" when wider (cells arrive wrapped; this is a safety net). */
function fit(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  let chars = [...stripAnsi(line)];
  while (chars.length > 0 && visibleWidth(`${chars.join('')}…`) > width) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
}

function pad(line: string, width: number, align: 'left' | 'right'): string {
  const text = fit(line, width);
  const room = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? room + text : text + room;
}

/**
 * Draws a table with box-drawing borders: a header row, then rows of wrapped cells (lines
 * separated by '\n', colour codes allowed) or rows spanning every column. Each cell has one
 * space of padding either side and a border between rows. The work is linear in the size of
 * the table, whatever the cells hold.
 */
export function drawBoxTable(head: readonly string[], rows: readonly BoxRow[], columns: BoxColumns): string {
  const widths = columns.widths.map((width) => Math.max(0, Math.floor(width)));
  const outer = widths.map((width) => width + 2);
  const spanWidth = outer.reduce((sum, width) => sum + width, 0) + widths.length - 1;
  const all: BoxRow[] = [head, ...rows];
  const out: string[] = [];
  const isSpan = (row: BoxRow | undefined): row is { span: string } => row !== undefined && !Array.isArray(row);

  all.forEach((row, y) => {
    // The border above the row.
    if (y === 0) {
      out.push(CHARS.topLeft + outer.map((width) => CHARS.top.repeat(width)).join(CHARS.topMid) + CHARS.topRight);
    } else {
      const above = all[y - 1];
      const joint = isSpan(row) ? (isSpan(above) ? CHARS.mid : CHARS.bottomMid) : isSpan(above) ? CHARS.topMid : CHARS.midMid;
      out.push(CHARS.leftMid + outer.map((width) => CHARS.mid.repeat(width)).join(joint) + CHARS.rightMid);
    }
    if (isSpan(row)) {
      // A spanning cell takes the alignment of the column it starts in.
      for (const line of row.span.split('\n')) out.push(`${CHARS.side} ${pad(line, spanWidth - 2, columns.aligns?.[0] ?? 'left')} ${CHARS.side}`);
      return;
    }
    const cells = widths.map((_, x) => (row[x] ?? '').split('\n'));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      const parts = widths.map((width, x) => ` ${pad(cells[x]![n] ?? '', width, columns.aligns?.[x] ?? 'left')} `);
      out.push(CHARS.side + parts.join(CHARS.side) + CHARS.side);
    }
  });
  const last = all.at(-1);
  out.push(
    isSpan(last)
      ? CHARS.bottomLeft + CHARS.mid.repeat(spanWidth) + CHARS.bottomRight
      : CHARS.bottomLeft + outer.map((width) => CHARS.mid.repeat(width)).join(CHARS.bottomMid) + CHARS.bottomRight,
  );
  return out.join('\n');
}
