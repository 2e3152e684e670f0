import type { Trend, TrendPoint, TrendRow, TrendTarget } from '../../diff/trend.js';
import type { Measure, Plan } from '../../model/plan.js';
import { pickText, type Lang } from '../../model/text.js';
import { formatMeasured, formatRequirement, milestoneLabel, NO_VALUE } from '../i18n.js';

/** The texts of one trend row, not yet escaped for any format. */
export interface TrendCells {
  row: TrendRow;
  title: string;
  /** One per year of the trend: `45%`, `41,25%*`, `hoàn thành`, or `–`. */
  values: string[];
  /** One per target: `2025: ≥ 50%`. */
  targets: string[];
}

/** A year's actual as shown: the value in its unit, or the milestone's state; `*` when provisional. */
export function formatPoint(point: TrendPoint | null, measure: Measure, lang: Lang): string {
  if (point === null) return NO_VALUE;
  let text = NO_VALUE;
  if (point.value !== null) text = formatMeasured(point.value, measure, lang, { maxDecimals: 2 });
  else if (point.milestone !== undefined) text = milestoneLabel(point.milestone, lang);
  return point.provisional ? `${text}*` : text;
}

/**
 * A target as `year: requirement`; a yearly gain shows the number it comes to when the
 * previous year is known (`2023: ≥ 75%`), since that is what the year's value must reach.
 */
export function formatTarget(target: TrendTarget, measure: Measure, lang: Lang): string {
  const words =
    'gainAtLeast' in target.requirement && target.required !== null
      ? `≥ ${formatMeasured(target.required, measure, lang, { maxDecimals: 2 })}`
      : formatRequirement(target.requirement, lang, measure);
  return `${target.year}: ${words}`;
}

/** The rows' texts, in the trend's order. */
export function trendCells(trend: Trend, plan: Plan, lang: Lang): TrendCells[] {
  const titles = new Map(plan.indicators.map((indicator) => [indicator.id, pickText(indicator.title, lang)]));
  return trend.rows.map((row) => ({
    row,
    title: titles.get(row.indicator) || row.indicator,
    values: row.points.map((point) => formatPoint(point, row.measure, lang)),
    targets: row.targets.map((target) => formatTarget(target, row.measure, lang)),
  }));
}

/** A group of rows under one area, areas in the plan's order. */
export interface TrendGroup {
  heading: string;
  rows: TrendCells[];
}

/** Groups rows by area, in the plan's order of areas; an area the plan lacks comes last, under its id. */
export function groupRows(cells: readonly TrendCells[], plan: Plan, lang: Lang): TrendGroup[] {
  const groups = new Map<string, TrendGroup>();
  for (const area of plan.areas) {
    const title = pickText(area.title, lang) || area.id;
    groups.set(area.id, { heading: area.ref === undefined || area.ref === '' ? title : `${area.ref}. ${title}`, rows: [] });
  }
  for (const cell of cells) {
    let group = groups.get(cell.row.area);
    if (group === undefined) groups.set(cell.row.area, (group = { heading: cell.row.area, rows: [] }));
    group.rows.push(cell);
  }
  return [...groups.values()].filter((group) => group.rows.length > 0);
}

/** True when some shown actual covers only part of its year. */
export function anyProvisional(trend: Trend): boolean {
  return trend.rows.some((row) => row.points.some((point) => point?.provisional === true));
}
