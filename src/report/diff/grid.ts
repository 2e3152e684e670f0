import Table from 'cli-table3';
import { visibleWidth, wrapText } from '../text-width.js';

/** One cell: its paragraphs (each wrapped on its own) and how to paint a wrapped line. */
export interface GridCell {
  paragraphs: readonly string[];
  paint?: (line: string) => string;
}

/** A row of a grid: its cells, or a heading spanning every column. */
export type GridRow = GridCell[] | { heading: string; paint?: (line: string) => string };

/** A column of a grid: its header, the narrowest it may get, and whether it may wrap at all. */
export interface GridColumn {
  header: string;
  min: number;
  /** Right-align numbers. */
  align?: 'left' | 'right';
  /** Gives way first when the table is too wide (long titles wrap better than short words). */
  flex?: boolean;
}

/** cli-table3 puts one space either side of a cell's content. */
const PADDING = 2;

/**
 * Content widths that fit `width`: each column its natural width, then narrowed one step at
 * a time, the flexible columns first and among them the one with the most room above its
 * minimum. Undefined when even the minimums do not fit.
 */
export function fitColumns(
  natural: readonly number[],
  min: readonly number[],
  width: number,
  flex: readonly boolean[] = [],
): number[] | undefined {
  const budget = width - (natural.length + 1) - PADDING * natural.length;
  const widths = natural.map((w) => Math.max(1, w));
  let total = widths.reduce((sum, w) => sum + w, 0);
  const slack = (i: number) => (widths[i] ?? 0) - Math.max(1, min[i] ?? 1);
  const widest = (flexible: boolean) => {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      if ((flex[i] === true) !== flexible || slack(i) <= 0) continue;
      if (pick < 0 || slack(i) > slack(pick)) pick = i;
    }
    return pick;
  };
  while (total > budget) {
    let pick = widest(true);
    if (pick < 0) pick = widest(false);
    if (pick < 0) return undefined;
    widths[pick] = (widths[pick] ?? 1) - 1;
    total--;
  }
  return widths;
}

function wrapCell(cell: GridCell, width: number): string {
  const paint = cell.paint ?? ((line: string) => line);
  return cell.paragraphs.flatMap((paragraph) => wrapText(paragraph, width).map((line) => paint(line))).join('\n');
}

/**
 * A terminal table no wider than `width`, cells wrapped to fit; undefined when it cannot fit
 * (the caller then prints a list). Colour comes only from the cells' `paint`.
 */
export function renderGrid(
  columns: readonly GridColumn[],
  rows: readonly GridRow[],
  width: number,
  headPaint: (line: string) => string = (line) => line,
): string | undefined {
  const natural = columns.map((column, i) =>
    Math.max(
      visibleWidth(column.header),
      ...rows.map((row) => (Array.isArray(row) ? Math.max(0, ...(row[i]?.paragraphs ?? []).map((p) => visibleWidth(p))) : 0)),
    ),
  );
  const widths = fitColumns(
    natural,
    columns.map((column) => column.min),
    width,
    columns.map((column) => column.flex === true),
  );
  if (widths === undefined) return undefined;
  const table = new Table({
    head: columns.map((column, i) => wrapCell({ paragraphs: [column.header], paint: headPaint }, widths[i] ?? 1)),
    colWidths: widths.map((w) => w + PADDING),
    colAligns: columns.map((column) => column.align ?? 'left'),
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  const spanWidth = widths.reduce((sum, w) => sum + w + PADDING, 0) + widths.length - 1 - PADDING;
  for (const row of rows) {
    if (Array.isArray(row)) table.push(row.map((cell, i) => wrapCell(cell, widths[i] ?? 1)));
    else table.push([{ colSpan: columns.length, content: wrapCell({ paragraphs: [row.heading], paint: row.paint }, spanWidth) }]);
  }
  return table.toString();
}

/** Packs parts into lines of at most `width`, breaking between parts rather than inside one. */
export function packParts(parts: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line === '' ? part : `${line}${separator}${part}`;
    if (visibleWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    const pieces = wrapText(part, width);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line !== '') lines.push(line);
  return lines;
}
