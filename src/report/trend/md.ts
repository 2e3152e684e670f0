import { formatDate, t } from '../i18n.js';
import { escapeMarkdown, escapeMarkdownBlock, markdownTable } from '../diff/markdown.js';
import { planLine } from '../evaluation/view.js';
import { tt } from './strings.js';
import type { TrendRenderer } from './types.js';
import { anyProvisional, groupRows, trendCells } from './view.js';

/**
 * The trend as GitHub-flavoured Markdown ready to paste: a heading, then one table per area
 * with a column per year, the targets and a sparkline. Every text from data is escaped.
 */
export const renderTrendMarkdown: TrendRenderer = (trend, options) => {
  const { lang, plan } = options;
  const out: string[] = [`# ${escapeMarkdown(`${tt(lang, 'title')}: ${planLine(plan, lang)}`)}`, ''];
  if (trend.asOf !== null) out.push(escapeMarkdownBlock(t(lang, 'report.asOf', { date: formatDate(trend.asOf, lang) })), '');
  const cells = trendCells(trend, plan, lang);
  if (cells.length === 0) {
    out.push(escapeMarkdownBlock(tt(lang, 'noRows')));
    return `${out.join('\n')}\n`;
  }
  if (trend.years.length === 0) out.push(escapeMarkdownBlock(tt(lang, 'noYears')), '');
  const headers = [tt(lang, 'col.indicator'), ...trend.years.map(String), tt(lang, 'col.targets'), tt(lang, 'col.trend')].map(escapeMarkdown);
  const align = ['left', ...trend.years.map(() => 'right' as const), 'left', 'left'] as const;
  for (const group of groupRows(cells, plan, lang)) {
    out.push(`## ${escapeMarkdown(group.heading)}`, '');
    const rows = group.rows.map((cell) => [
      `${escapeMarkdown(cell.title)}<br>\`${cell.row.indicator.replace(/`/g, "'").replace(/\|/g, '\\|')}\``,
      ...cell.values.map(escapeMarkdown),
      cell.targets.length === 0 ? '–' : cell.targets.map(escapeMarkdown).join('<br>'),
      escapeMarkdown(cell.row.sparkline),
    ]);
    out.push(markdownTable(headers, rows, align), '');
  }
  if (anyProvisional(trend)) out.push(escapeMarkdownBlock(t(lang, 'report.provisional')), '');
  if (trend.years.length > 0) out.push(escapeMarkdownBlock(tt(lang, 'sparkline')), '');
  return `${out.join('\n').trimEnd()}\n`;
};
