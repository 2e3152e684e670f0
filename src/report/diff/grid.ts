import Table from 'cli-table3';
import { clampLines, visibleWidth, wrapText } from '../text-width.js';

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
  /** Gives way before the others below its comfortable width (long titles wrap better than short words). */
  flex?: boolean;
  /**
   * The width below which the column starts to wrap badly. Default: for a flexible column its
   * minimum; for the others the widest part of a cell when transitions (`a → b`) break
   * after the arrow.
   */
  soft?: number;
}

/** cli-table3 puts one space either side of a cell's content. */
const PADDING = 2;

/**
 * Content widths that fit `width`: each column its natural width, then narrowed one step at
 * a time, the column with the most room above its comfortable width first (`soft`: where a
 * column starts to wrap badly); then the flexible columns, then the others, down to their
 * minimum. Undefined when even the minimums do not fit.
 */
export function fitColumns(
  natural: readonly number[],
  min: readonly number[],
  width: number,
  flex: readonly boolean[] = [],
  soft: readonly number[] = [],
): number[] | undefined {
  const budget = width - (natural.length + 1) - PADDING * natural.length;
  const widths = natural.map((w) => Math.max(1, w));
  let total = widths.reduce((sum, w) => sum + w, 0);
  const floor = (i: number) => Math.max(1, min[i] ?? 1);
  const phases: ((i: number) => number | undefined)[] = [
    (i) => Math.max(floor(i), soft[i] ?? floor(i)),
    (i) => (flex[i] === true ? floor(i) : undefined),
    (i) => floor(i),
  ];
  for (const limit of phases) {
    while (total > budget) {
      let pick = -1;
      let most = 0;
      for (let i = 0; i < widths.length; i++) {
        const bound = limit(i);
        if (bound === undefined) continue;
        const room = (widths[i] ?? 0) - bound;
        if (room > most) {
          pick = i;
          most = room;
        }
      }
      if (pick < 0) break;
      widths[pick] = (widths[pick] ?? 1) - 1;
      total--;
    }
  }
  return total > budget ? undefined : widths;
}

/** A transition `a → b` too wide for its column breaks after the arrow before anywhere else. */
function breakAtArrow(paragraph: string, width: number): string[] {
  const at = paragraph.indexOf(' → ');
  if (at < 0 || visibleWidth(paragraph) <= width) return [paragraph];
  return [paragraph.slice(0, at + 2), paragraph.slice(at + 3)];
}

function wrapCell(cell: GridCell, width: number): string {
  const paint = cell.paint ?? ((line: string) => line);
  return cell.paragraphs
    .flatMap((paragraph) => breakAtArrow(paragraph, width))
    .flatMap((paragraph) => clampLines(wrapText(paragraph, width), width).map((line) => paint(line)))
    .join('\n');
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
  const soft = columns.map((column, i) => {
    if (column.soft !== undefined) return column.soft;
    if (column.flex === true) return column.min;
    return Math.max(
      ...column.header.split(/\s+/).map((word) => visibleWidth(word)),
      ...rows.map((row) =>
        Array.isArray(row)
          ? Math.max(0, ...(row[i]?.paragraphs ?? []).flatMap((p) => breakAtArrow(p, 0)).map((p) => visibleWidth(p)))
          : 0,
      ),
    );
  });
  const widths = fitColumns(
    natural,
    columns.map((column) => column.min),
    width,
    columns.map((column) => column.flex === true),
    soft,
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
