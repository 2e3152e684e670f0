import { t } from '../i18n.js';
import { escapeMarkdown } from '../evaluation/markdown-escape.js';
import { tt } from './strings.js';
import type { TargetsRenderer } from './types.js';
import { areaRows, planLines } from './view.js';

/**
 * The listing as GitHub-flavoured Markdown, one table per area, to paste into a report.
 * Every target id appears in a code span, so a reader can search for it.
 */
export const renderMarkdown: TargetsRenderer = (listing, { lang }) => {
  const { title, details } = planLines(listing, lang);
  const lines = [`# ${tt(lang, 'title')}: ${escapeMarkdown(title)}`, '', escapeMarkdown(details), ''];
  const groups = areaRows(listing, lang);
  if (groups.length === 0) return `${[...lines, tt(lang, 'none')].join('\n')}\n`;
  const header = [t(lang, 'col.target'), t(lang, 'col.year'), t(lang, 'col.requirement'), t(lang, 'col.ref'), tt(lang, 'quote')];
  for (const group of groups) {
    lines.push(`## ${escapeMarkdown(group.heading)}`, '');
    lines.push(`| ${header.join(' | ')} |`, '|---|---:|---|---|---|');
    for (const row of group.rows) {
      const requirement = row.horizon === undefined ? escapeMarkdown(row.requirement) : `${escapeMarkdown(row.requirement)}<br>${escapeMarkdown(row.horizon)}`;
      const cells = [`${escapeMarkdown(row.title)}<br>\`${row.id}\``, String(row.year), requirement, escapeMarkdown(row.ref), escapeMarkdown(row.quote)];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
};
