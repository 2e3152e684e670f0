import type { Evaluation } from '../../model/evaluation.js';
import { STATUSES } from '../../model/evaluation.js';
import { formatDate, statusText, t } from '../i18n.js';
import { escapeMarkdown, escapeMarkdownBlock } from './markdown-escape.js';
import type { EvaluationRenderer, RenderOptions } from './types.js';
import { anyProvisional, anyRatio, areaHeading, countStatuses, groupByArea, indicatorIndex, planLine, resultCells } from './view.js';

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** An id in a code span when it can be one; ids from a valid plan always can. */
function code(id: string): string {
  return /^[\w@.-]+$/.test(id) ? `\`${id}\`` : escapeMarkdown(id);
}

/**
 * The evaluation as GitHub-flavoured Markdown, ready to paste into a report: a heading with
 * the plan and the as-of date, one table per area, a summary. Every text from a data file
 * is escaped.
 */
export const renderMarkdown: EvaluationRenderer = (evaluation: Evaluation, options: RenderOptions): string => {
  const { lang, plan } = options;
  const indicators = indicatorIndex(plan);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(t(lang, 'report.title'))}`, '');
  out.push(`**${escapeMarkdown(t(lang, 'report.plan'))}:** ${escapeMarkdown(planLine(plan, lang))}, ${escapeMarkdown(t(lang, 'report.version', { version: plan.version }))}  `);
  out.push(`**${escapeMarkdown(t(lang, 'report.asOf', { date: formatDate(evaluation.asOf, lang) }))}**`, '');

  const headers = (['col.target', 'col.year', 'col.required', 'col.actual', 'col.gap', 'col.status'] as const).map((key) =>
    escapeMarkdown(t(lang, key)),
  );
  const groups = groupByArea(evaluation.results, plan, lang);
  if (groups.length === 0) out.push(escapeMarkdownBlock(t(lang, 'report.noResults')), '');
  for (const group of groups) {
    out.push(`## ${escapeMarkdown(areaHeading(group))}`, '');
    out.push(tableRow(headers), tableRow(['---', '---:', '---', '---:', '---:', '---']));
    const notes: string[] = [];
    for (const result of group.results) {
      const cells = resultCells(result, indicators, lang);
      const required = cells.threshold === undefined ? cells.requirement : `${cells.requirement} → ${cells.threshold}`;
      out.push(
        tableRow([
          `${escapeMarkdown(cells.title)}<br>${code(result.target)}`,
          String(result.year),
          escapeMarkdown(required),
          escapeMarkdown(cells.actual),
          escapeMarkdown(cells.gap),
          escapeMarkdown(cells.ratio === undefined ? cells.status : `${cells.status} (${cells.ratio})`),
        ]),
      );
      for (const note of [...(result.actual?.notes ?? []), ...cells.remarks]) {
        if (note.trim() !== '') notes.push(`- ${code(result.target)}: ${escapeMarkdown(note)}`);
      }
    }
    out.push('');
    if (notes.length > 0) out.push(`${escapeMarkdownBlock(t(lang, 'col.notes'))}:`, '', ...notes, '');
  }

  out.push(`## ${escapeMarkdown(t(lang, 'report.summary'))}`, '');
  out.push(tableRow([escapeMarkdown(t(lang, 'col.status')), escapeMarkdown(t(lang, 'col.count'))]), tableRow(['---', '---:']));
  const counts = countStatuses(evaluation.results);
  for (const status of STATUSES) out.push(tableRow([escapeMarkdown(statusText(status, lang)), String(counts[status])]));
  out.push('', escapeMarkdownBlock(t(lang, 'report.total', { count: evaluation.results.length })), '');
  if (anyProvisional(evaluation.results)) out.push(escapeMarkdownBlock(t(lang, 'report.provisional')), '');
  if (anyRatio(evaluation.results)) out.push(escapeMarkdownBlock(t(lang, 'report.ratio')), '');
  out.push(escapeMarkdownBlock(t(lang, 'report.gapUnit')));
  return `${out.join('\n')}\n`;
};
