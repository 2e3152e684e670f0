import { escapeMarkdown, escapeMarkdownBlock, markdownTable } from './markdown.js';
import { td } from './strings.js';
import type { DiffRenderer } from './types.js';
import {
  anyPercentDelta,
  changeRows,
  diffTitle,
  listedRows,
  noteLines,
  sideLine,
  statusTransition,
  summaryParts,
} from './view.js';

/**
 * The diff as GitHub-flavoured Markdown ready to paste: a heading, both sides, notes, one
 * table row per change except the unchanged (regressions first), and a summary. Every text
 * from data is escaped.
 */
export const renderDiffMarkdown: DiffRenderer = (diff, options) => {
  const { lang } = options;
  const rows = listedRows(changeRows(diff, options));
  const plans = diff.compares === 'plans';
  const out: string[] = [`# ${escapeMarkdown(diffTitle(diff, lang))}`, ''];
  out.push(`- ${escapeMarkdown(sideLine(diff.before, 'before', lang))}`);
  out.push(`- ${escapeMarkdown(sideLine(diff.after, 'after', lang))}`);
  for (const note of noteLines(diff, lang)) out.push('', `> ${escapeMarkdown(note)}`);
  out.push('');
  if (rows.length === 0) {
    out.push(escapeMarkdown(td(lang, 'none')));
  } else {
    const headers = [
      td(lang, 'col.change'),
      td(lang, 'col.target'),
      td(lang, plans ? 'col.before' : 'col.status'),
      td(lang, plans ? 'col.after' : 'col.value'),
      td(lang, 'col.delta'),
    ].map(escapeMarkdown);
    const body = rows.map((row) => [
      escapeMarkdown(row.change),
      `${escapeMarkdown(row.title)}<br>\`${row.target.replace(/`/g, "'").replace(/\|/g, "\\|")}\``,
      escapeMarkdown(plans ? row.before : statusTransition(row)),
      escapeMarkdown(plans ? row.after : (row.value ?? '')),
      escapeMarkdown(row.delta),
    ]);
    out.push(markdownTable(headers, body, ['left', 'left', 'left', 'left', 'right']));
  }
  out.push('', `**${escapeMarkdown(td(lang, 'summary'))}:** ${summaryParts(diff, lang).map(escapeMarkdown).join(' · ')}`);
  if (diff.summary.unchanged > 0) out.push('', escapeMarkdownBlock(td(lang, 'unchanged.hidden', { count: diff.summary.unchanged })));
  if (anyPercentDelta(rows, lang)) out.push('', escapeMarkdownBlock(td(lang, 'deltaUnit')));
  return `${out.join('\n')}\n`;
};
