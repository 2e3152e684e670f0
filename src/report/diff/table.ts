import { Chalk, type ChalkInstance } from 'chalk';
import type { ChangeKind } from '../../diff/types.js';
import { wrapText } from '../text-width.js';
import { packParts, renderGrid, type GridCell, type GridColumn } from './grid.js';
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
  type ChangeRow,
} from './view.js';

/** The width the table fits when none is given: a common terminal. */
export const DEFAULT_DIFF_WIDTH = 100;

function kindColor(chalk: ChalkInstance, kind: ChangeKind): (text: string) => string {
  switch (kind) {
    case 'regressed':
      return chalk.red;
    case 'improved':
      return chalk.green;
    case 'added':
      return chalk.cyan;
    case 'removed':
    case 'unchanged':
      return chalk.gray;
    case 'changed':
      return chalk.yellow;
  }
}

/**
 * The diff as a terminal table no wider than `options.width` (default 100): a header naming
 * both sides, one row per change except the unchanged, regressions first, then a summary.
 */
export const renderDiffTable: DiffRenderer = (diff, options) => {
  const { lang } = options;
  const width = Math.max(20, Math.floor(options.width ?? DEFAULT_DIFF_WIDTH));
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const wrap = (text: string) => wrapText(text, width);
  const rows = changeRows(diff, options);
  const listed = listedRows(rows);

  const out: string[] = [];
  out.push(...wrap(diffTitle(diff, lang)).map((line) => chalk.bold(line)));
  out.push(...wrap(sideLine(diff.before, 'before', lang)), ...wrap(sideLine(diff.after, 'after', lang)));
  for (const note of noteLines(diff, lang)) out.push(...wrap(note).map((line) => chalk.yellow(line)));

  if (listed.length === 0) {
    out.push('', ...wrap(td(lang, 'none')));
  } else {
    const plans = diff.compares === 'plans';
    const columns: GridColumn[] = [
      { header: td(lang, 'col.change'), min: 6 },
      { header: td(lang, 'col.target'), min: 14, flex: true, soft: 24 },
      { header: td(lang, plans ? 'col.before' : 'col.status'), min: 10 },
      { header: td(lang, plans ? 'col.after' : 'col.value'), min: 10 },
      { header: td(lang, 'col.delta'), min: 5, align: 'right' },
    ];
    const cells = (row: ChangeRow): GridCell[] => {
      const paint = kindColor(chalk, row.kind);
      return [
        { paragraphs: [row.change], paint },
        { paragraphs: [row.title, row.target] },
        { paragraphs: [plans ? row.before : statusTransition(row)] },
        { paragraphs: [plans ? row.after : (row.value ?? '')] },
        { paragraphs: [row.delta] },
      ];
    };
    const grid = renderGrid(columns, listed.map(cells), width, chalk.bold);
    if (grid !== undefined) {
      out.push('', grid);
    } else {
      for (const row of listed) {
        out.push('', ...wrap(row.change).map((line) => kindColor(chalk, row.kind)(line)), ...wrap(row.title), ...wrap(row.target).map((line) => chalk.dim(line)));
        const middle = plans ? [row.before, row.after] : [statusTransition(row), row.value ?? ''];
        for (const text of [...middle, `${td(lang, 'col.delta')} ${row.delta}`]) out.push(...wrap(text));
      }
    }
  }

  out.push('');
  const [first = '', ...rest] = summaryParts(diff, lang);
  out.push(...packParts([`${td(lang, 'summary')}: ${first}`, ...rest], ' · ', width));
  if (diff.summary.unchanged > 0) out.push(...wrap(td(lang, 'unchanged.hidden', { count: diff.summary.unchanged })));
  if (anyPercentDelta(listed, lang)) out.push(...wrap(td(lang, 'deltaUnit')));
  return `${out.join('\n')}\n`;
};
