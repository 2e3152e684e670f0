import type { Evaluation } from '../../model/evaluation.js';
import { STATUSES } from '../../model/evaluation.js';
import type { Lang } from '../../model/text.js';
import { formatDate, statusText, t } from '../i18n.js';
import type { EvaluationRenderer, RenderOptions } from './types.js';
import { anyProvisional, anyRatio, areaHeading, countStatuses, groupByArea, indicatorIndex, planLine, resultCells } from './view.js';

/**
 * A minimal, self-contained HTML page: one table per area and a summary, no script, no
 * outside resource. Every text goes through `escape`, data and our own words alike.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}',
  'table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}',
  'th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'td.num{text-align:right;white-space:nowrap}',
  'code{font-size:.85em;color:#555}',
  '.met,.on-track{color:#116329}.at-risk{color:#7d4e00}.off-track,.missed{color:#a40e26}.no-data{color:#555}',
].join('');

function cell(text: string, className?: string): string {
  return className === undefined ? `<td>${escape(text)}</td>` : `<td class="${escape(className)}">${escape(text)}</td>`;
}

function head(lang: Lang, keys: readonly Parameters<typeof t>[1][]): string {
  return `<thead><tr>${keys.map((key) => `<th scope="col">${escape(t(lang, key))}</th>`).join('')}</tr></thead>`;
}

/** The evaluation as a minimal self-contained HTML page, every text escaped. */
export const renderHtml: EvaluationRenderer = (evaluation: Evaluation, options: RenderOptions): string => {
  const { lang, plan } = options;
  const indicators = indicatorIndex(plan);
  const title = t(lang, 'report.title');
  const body: string[] = [];
  body.push(`<h1>${escape(title)}</h1>`);
  body.push(`<p>${escape(t(lang, 'report.plan'))}: ${escape(planLine(plan, lang))}, ${escape(t(lang, 'report.version', { version: plan.version }))}<br>`);
  body.push(`${escape(t(lang, 'report.asOf', { date: formatDate(evaluation.asOf, lang) }))}</p>`);

  const groups = groupByArea(evaluation.results, plan, lang);
  if (groups.length === 0) body.push(`<p>${escape(t(lang, 'report.noResults'))}</p>`);
  for (const group of groups) {
    body.push(`<h2>${escape(areaHeading(group))}</h2>`);
    body.push('<table>', head(lang, ['col.target', 'col.year', 'col.required', 'col.actual', 'col.gap', 'col.status', 'col.notes']), '<tbody>');
    for (const result of group.results) {
      const cells = resultCells(result, indicators, lang);
      const required = cells.threshold === undefined ? cells.requirement : `${cells.requirement} → ${cells.threshold}`;
      body.push(
        '<tr>' +
          `<td>${escape(cells.title)}<br><code>${escape(result.target)}</code></td>` +
          cell(String(result.year), 'num') +
          cell(required) +
          cell(cells.actual, 'num') +
          cell(cells.gap, 'num') +
          cell(cells.ratio === undefined ? cells.status : `${cells.status} (${cells.ratio})`, result.status) +
          cell([...(result.actual?.notes ?? []), ...cells.remarks].join('; ')) +
          '</tr>',
      );
    }
    body.push('</tbody>', '</table>');
  }

  body.push(`<h2>${escape(t(lang, 'report.summary'))}</h2>`);
  body.push('<table>', head(lang, ['col.status', 'col.count']), '<tbody>');
  const counts = countStatuses(evaluation.results);
  for (const status of STATUSES) body.push(`<tr>${cell(statusText(status, lang), status)}${cell(String(counts[status]), 'num')}</tr>`);
  body.push('</tbody>', '</table>');
  body.push(`<p>${escape(t(lang, 'report.total', { count: evaluation.results.length }))}</p>`);
  if (anyProvisional(evaluation.results)) body.push(`<p>${escape(t(lang, 'report.provisional'))}</p>`);
  if (anyRatio(evaluation.results)) body.push(`<p>${escape(t(lang, 'report.ratio'))}</p>`);
  body.push(`<p>${escape(t(lang, 'report.gapUnit'))}</p>`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(`${title} – ${planLine(plan, lang)}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
