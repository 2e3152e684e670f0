import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { t } from '../i18n.js';
import { inertControls } from '../terminal-text.js';
import { clampText } from '../text-width.js';
import { tt } from './strings.js';
import type { TargetsRenderer } from './types.js';
import { areaRows, planLines } from './view.js';

/** The width the table fits when none is given: a common terminal. */
export const DEFAULT_TABLE_WIDTH = 100;

/** Content widths of the narrow columns; the target column takes what is left. */
const YEAR_WIDTH = 4;
const REQUIREMENT_WIDTH = 22;
const REF_WIDTH = 14;
const MIN_TARGET_WIDTH = 20;
/** cli-table3 puts one space either side of a cell's content, and a border between cells. */
const PADDING = 2;
const BORDERS = 5;

/**
 * The listing as a terminal table: one table, a full-width heading row per area, each target
 * as its title over its id. Text wraps to fit `width`.
 */
export const renderTable: TargetsRenderer = (listing, { lang, color, width }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines = planLines(listing, lang);
  const [title, details] = [inertControls(lines.title), inertControls(lines.details)];
  const head = `${chalk.bold(title)}\n${details}\n`;
  const groups = areaRows(listing, lang);
  if (groups.length === 0) return `${head}\n${tt(lang, 'none')}\n`;

  const total = Math.max(width ?? DEFAULT_TABLE_WIDTH, 40);
  const fixed = YEAR_WIDTH + REQUIREMENT_WIDTH + REF_WIDTH + 4 * PADDING + BORDERS;
  const targetWidth = Math.max(MIN_TARGET_WIDTH, total - fixed - PADDING);
  const table = new Table({
    head: [t(lang, 'col.target'), t(lang, 'col.year'), t(lang, 'col.requirement'), t(lang, 'col.ref')],
    colWidths: [targetWidth + PADDING, YEAR_WIDTH + PADDING, REQUIREMENT_WIDTH + PADDING, REF_WIDTH + PADDING],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: color ? ['bold'] : [], border: [] },
  });
  for (const group of groups) {
    table.push([{ colSpan: 4, content: chalk.bold(clampText(inertControls(group.heading), total - BORDERS)) }]);
    for (const row of group.rows) {
      const requirement = row.horizon === undefined ? row.requirement : `${row.requirement}\n${row.horizon}`;
      table.push([
        `${clampText(inertControls(row.title), targetWidth)}\n${chalk.dim(row.id)}`,
        String(row.year),
        requirement,
        clampText(inertControls(row.ref), REF_WIDTH),
      ]);
    }
  }
  return `${head}\n${table.toString()}\n`;
};
