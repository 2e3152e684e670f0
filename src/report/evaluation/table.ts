import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Evaluation, Status } from '../../model/evaluation.js';
import { formatDate, t } from '../i18n.js';
import { clampLines, visibleWidth, wrapText } from '../text-width.js';
import { DEFAULT_TABLE_WIDTH, type EvaluationRenderer, type RenderOptions } from './types.js';
import {
  anyProvisional,
  anyRatio,
  areaHeading,
  groupByArea,
  indicatorIndex,
  planLine,
  resultCells,
  summaryParts,
  type ResultCells,
} from './view.js';

const COLUMNS = ['target', 'year', 'required', 'actual', 'gap', 'status'] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_KEYS = {
  target: 'col.target',
  year: 'col.year',
  required: 'col.required',
  actual: 'col.actual',
  gap: 'col.gap',
  status: 'col.status',
} as const;

/** Narrowest content width of each column before the table gives way to a list. */
const MIN_WIDTH: Record<Column, number> = { target: 16, year: 4, required: 8, actual: 6, gap: 5, status: 6 };
/** The target column's width the others make room for, by wrapping, before their words are cut. */
const PREFERRED_TARGET_WIDTH = 36;
const NBSP = '\u00a0';
/** cli-table3 puts one space either side of a cell's content. */
const PADDING = 2;

function statusColor(chalk: ChalkInstance, status: Status): (text: string) => string {
  switch (status) {
    case 'met':
    case 'on-track':
      return chalk.green;
    case 'at-risk':
      return chalk.yellow;
    case 'off-track':
    case 'missed':
      return chalk.red;
    case 'no-data':
      return chalk.gray;
  }
}

interface Row {
  status: Status;
  id: string;
  year: number;
  cells: ResultCells;
}

/** The lines of a cell before wrapping (a cell may have several, e.g. title then id). */
function cellParagraphs(row: Row, column: Column): string[] {
  switch (column) {
    case 'target':
      return [row.cells.title, row.id, ...row.cells.remarks.map((remark) => `· ${remark}`)];
    case 'year':
      return [String(row.year)];
    case 'required':
      // `+20 điểm/năm (≤ 100%)` may break only before its parenthesis.
      return (row.cells.threshold === undefined ? [row.cells.requirement] : [row.cells.requirement, `→ ${row.cells.threshold}`]).map((text) =>
        text.replace(/ (?!\()/g, NBSP),
      );
    case 'actual':
      // Short enough to keep whole: `đang thực hiện` reads badly broken.
      return [row.cells.actual.replaceAll(' ', NBSP)];
    case 'gap':
      return [row.cells.gap];
    case 'status':
      return [row.cells.status.replace(' ', NBSP), ...(row.cells.ratio === undefined ? [] : [row.cells.ratio.replaceAll(' ', NBSP)])];
  }
}

function naturalWidth(paragraphs: readonly string[]): number {
  return Math.max(0, ...paragraphs.map(visibleWidth));
}

/** The widest word of a column's texts: below it, words would be cut mid-way. */
function longestWord(paragraphs: readonly string[]): number {
  return Math.max(0, ...paragraphs.flatMap((paragraph) => paragraph.split(/[^\S\u00a0]+/)).map(visibleWidth));
}

/**
 * Content widths for each column so that the whole table fits `width`, or undefined when even
 * the narrowest columns do not fit. The target column takes what the others leave; to give it
 * room for a readable title, the others first wrap at word boundaries, and only when that is
 * not enough are their words cut.
 */
function layout(rows: readonly Row[], headers: Record<Column, string>, width: number): Record<Column, number> | undefined {
  const natural = {} as Record<Column, number>;
  const soft = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const texts = [headers[column], ...rows.flatMap((row) => cellParagraphs(row, column))];
    natural[column] = Math.max(...texts.map(visibleWidth));
    soft[column] = Math.min(natural[column], Math.max(MIN_WIDTH[column], visibleWidth(headers[column]), longestWord(texts)));
  }
  const budget = width - (COLUMNS.length + 1) - PADDING * COLUMNS.length;
  const widths = { ...natural };
  const others = COLUMNS.filter((column) => column !== 'target');
  const left = () => budget - others.reduce((sum, column) => sum + widths[column], 0);
  const shrink = (wanted: number, floor: Record<Column, number>): void => {
    while (left() < wanted) {
      // Narrow the column with the most room to give above its floor.
      let widest: Column | undefined;
      for (const column of others) {
        const slack = widths[column] - floor[column];
        if (slack > 0 && (widest === undefined || slack > widths[widest] - floor[widest])) widest = column;
      }
      if (widest === undefined) return;
      widths[widest] -= 1;
    }
  };
  shrink(Math.min(natural.target, PREFERRED_TARGET_WIDTH), soft);
  shrink(MIN_WIDTH.target, MIN_WIDTH);
  if (left() < MIN_WIDTH.target) return undefined;
  widths.target = Math.min(natural.target, left());
  return widths;
}

function wrapCell(paragraphs: readonly string[], width: number, style: (line: string) => string, idStyle?: (line: string) => string): string {
  const lines: string[] = [];
  paragraphs.forEach((paragraph, index) => {
    const paint = index > 0 && idStyle !== undefined ? idStyle : style;
    for (const line of clampLines(wrapText(paragraph, width), width)) lines.push(paint(line.replaceAll(NBSP, ' ')));
  });
  return lines.join('\n');
}

function wrapLines(text: string, width: number): string[] {
  return wrapText(text, width);
}

/** Packs parts into lines of at most `width`, breaking between parts rather than inside one. */
function packParts(parts: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line === '' ? part : `${line}${separator}${part}`;
    if (visibleWidth(joined) <= width) {
      line = joined;
    } else {
      if (line !== '') lines.push(line);
      if (visibleWidth(part) <= width) {
        line = part;
      } else {
        const pieces = wrapText(part, width);
        line = pieces.pop() ?? '';
        lines.push(...pieces);
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A list, one block per result, for terminals too narrow for the table. */
function renderList(groups: ReturnType<typeof groupByArea>, headers: Record<Column, string>, width: number, chalk: ChalkInstance, byTarget: Map<string, Row>): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    lines.push('', ...wrapLines(areaHeading(group), width).map((line) => chalk.bold(line)));
    for (const result of group.results) {
      const row = byTarget.get(result.target);
      if (row === undefined) continue;
      lines.push('');
      for (const line of wrapLines(row.cells.title, width)) lines.push(line);
      for (const line of wrapLines(row.id, width)) lines.push(chalk.dim(line));
      for (const remark of row.cells.remarks) for (const line of wrapLines(`· ${remark}`, width)) lines.push(chalk.dim(line));
      for (const column of ['year', 'required', 'actual', 'gap', 'status'] as const) {
        const text = `${headers[column]}: ${cellParagraphs(row, column).join(column === 'status' ? ' · ' : ' ').replaceAll(NBSP, ' ')}`;
        const paint = column === 'status' ? statusColor(chalk, row.status) : (line: string) => line;
        for (const line of wrapLines(text, width)) lines.push(paint(line));
      }
    }
  }
  return lines;
}

/**
 * The evaluation as a terminal table grouped by area, fitting `options.width` columns
 * (default 100): titles wrap, no line is wider. Colour only when `options.color`.
 */
export const renderTable: EvaluationRenderer = (evaluation: Evaluation, options: RenderOptions): string => {
  const { lang, plan } = options;
  const width = Math.max(20, Math.floor(options.width ?? DEFAULT_TABLE_WIDTH));
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const indicators = indicatorIndex(plan);
  const rows: Row[] = evaluation.results.map((result) => ({
    status: result.status,
    id: result.target,
    year: result.year,
    cells: resultCells(result, indicators, lang),
  }));
  const byTarget = new Map(rows.map((row) => [row.id, row]));
  const headers = Object.fromEntries(COLUMNS.map((column) => [column, t(lang, HEADER_KEYS[column])])) as Record<Column, string>;
  const groups = groupByArea(evaluation.results, plan, lang);

  const out: string[] = [];
  out.push(...wrapLines(`${t(lang, 'report.title')}: ${planLine(plan, lang)}`, width).map((line) => chalk.bold(line)));
  out.push(...wrapLines(t(lang, 'report.asOf', { date: formatDate(evaluation.asOf, lang) }), width));

  if (rows.length === 0) {
    out.push('', ...wrapLines(t(lang, 'report.noResults'), width));
  } else {
    const widths = layout(rows, headers, width);
    if (widths === undefined) {
      out.push(...renderList(groups, headers, width, chalk, byTarget));
    } else {
      const table = new Table({
        head: COLUMNS.map((column) => wrapCell([headers[column]], widths[column], chalk.bold)),
        colWidths: COLUMNS.map((column) => widths[column] + PADDING),
        wordWrap: false,
        style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
      });
      const spanWidth = COLUMNS.reduce((sum, column) => sum + widths[column] + PADDING, 0) + COLUMNS.length - 1 - PADDING;
      for (const group of groups) {
        table.push([{ colSpan: COLUMNS.length, content: wrapCell([areaHeading(group)], spanWidth, chalk.bold) }]);
        for (const result of group.results) {
          const row = byTarget.get(result.target);
          if (row === undefined) continue;
          const plain = (line: string) => line;
          table.push(
            COLUMNS.map((column) => {
              const style = column === 'status' ? statusColor(chalk, row.status) : plain;
              return wrapCell(cellParagraphs(row, column), widths[column], style, column === 'target' || column === 'status' ? chalk.dim : undefined);
            }),
          );
        }
      }
      out.push('', table.toString());
    }
  }

  out.push('');
  const total = t(lang, 'report.total', { count: rows.length });
  const parts = summaryParts(evaluation.results, lang);
  const [first = '', ...rest] = parts;
  out.push(...packParts([`${t(lang, 'report.summary')}: ${first}`, ...rest, total], ' · ', width));
  if (anyProvisional(evaluation.results)) out.push(...wrapLines(t(lang, 'report.provisional'), width));
  if (anyRatio(evaluation.results)) out.push(...wrapLines(t(lang, 'report.ratio'), width));
  return `${out.join('\n')}\n`;
};
