import { Chalk } from 'chalk';
import { formatDate, t } from '../i18n.js';
import { wrapText } from '../text-width.js';
import { renderGrid, type GridColumn, type GridRow } from '../diff/grid.js';
import { planLine } from '../evaluation/view.js';
import { tt } from './strings.js';
import type { TrendRenderer } from './types.js';
import { anyProvisional, groupRows, trendCells } from './view.js';

/** The width the table fits when none is given: a common terminal. */
export const DEFAULT_TREND_WIDTH = 100;

/**
 * The trend as a terminal table no wider than `options.width` (default 100), grouped by
 * area: indicator, one column per year, the targets, and a sparkline.
 */
export const renderTrendTable: TrendRenderer = (trend, options) => {
  const { lang, plan } = options;
  const width = Math.max(20, Math.floor(options.width ?? DEFAULT_TREND_WIDTH));
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const wrap = (text: string) => wrapText(text, width);
  const cells = trendCells(trend, plan, lang);

  const out: string[] = [];
  out.push(...wrap(`${tt(lang, 'title')}: ${planLine(plan, lang)}`).map((line) => chalk.bold(line)));
  if (trend.asOf !== null) out.push(...wrap(t(lang, 'report.asOf', { date: formatDate(trend.asOf, lang) })));

  if (cells.length === 0) {
    out.push('', ...wrap(tt(lang, 'noRows')));
    return `${out.join('\n')}\n`;
  }
  if (trend.years.length === 0) out.push('', ...wrap(tt(lang, 'noYears')));

  const columns: GridColumn[] = [
    { header: tt(lang, 'col.indicator'), min: 14, flex: true, soft: 24 },
    ...trend.years.map((year): GridColumn => ({ header: String(year), min: 4, align: 'right' })),
    { header: tt(lang, 'col.targets'), min: 8, flex: true, soft: 12 },
    { header: tt(lang, 'col.trend'), min: Math.max(5, trend.years.length) },
  ];
  const rows: GridRow[] = [];
  for (const group of groupRows(cells, plan, lang)) {
    rows.push({ heading: group.heading, paint: (line) => chalk.bold(line) });
    for (const cell of group.rows) {
      rows.push([
        { paragraphs: [cell.title, cell.row.indicator] },
        ...cell.values.map((value) => ({ paragraphs: [value] })),
        { paragraphs: cell.targets.length === 0 ? ['–'] : cell.targets },
        { paragraphs: [cell.row.sparkline] },
      ]);
    }
  }
  const grid = renderGrid(columns, rows, width, (line) => chalk.bold(line));
  if (grid !== undefined) {
    out.push('', grid);
  } else {
    for (const group of groupRows(cells, plan, lang)) {
      out.push('', ...wrap(group.heading).map((line) => chalk.bold(line)));
      for (const cell of group.rows) {
        out.push('', ...wrap(cell.title), ...wrap(cell.row.indicator).map((line) => chalk.dim(line)));
        trend.years.forEach((year, i) => out.push(...wrap(`${year}: ${cell.values[i] ?? '–'}`)));
        if (cell.targets.length > 0) out.push(...wrap(`${tt(lang, 'col.targets')}: ${cell.targets.join('; ')}`));
        if (cell.row.sparkline !== '') out.push(...wrap(`${tt(lang, 'col.trend')}: ${cell.row.sparkline}`));
      }
    }
  }
  out.push('');
  if (anyProvisional(trend)) out.push(...wrap(t(lang, 'report.provisional')));
  if (trend.years.length > 0) out.push(...wrap(tt(lang, 'sparkline')));
  return `${out.join('\n')}\n`;
};
