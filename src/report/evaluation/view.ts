import { STATUSES, type Result, type Status } from '../../model/evaluation.js';
import type { Indicator, Measure, Plan } from '../../model/plan.js';
import { remarkText } from './remarks.js';
import { pickText, type Lang } from '../../model/text.js';
import { formatMeasured, formatNumber, formatRequirement, milestoneLabel, NO_VALUE, statusText, t } from '../i18n.js';

/**
 * What every human-readable evaluation format shows of a result, computed once: the words and
 * numbers of a row, in one language. The renderers only lay these out and escape them.
 */

/** The results of one area, in the plan's order of areas. */
export interface AreaGroup {
  id: string;
  /** The plan's clause for the area, e.g. "II.2". */
  ref?: string;
  title: string;
  results: Result[];
}

/** The texts of one result's row, not yet escaped for any format. */
export interface ResultCells {
  /** The indicator's title in the asked language (its id when it has none). */
  title: string;
  measure: Measure;
  /** The requirement in words, e.g. `≥ 80%`. */
  requirement: string;
  /**
   * The number the actual was held against, in words, when the requirement's words do not
   * already say it (a yearly gain: `≥ 70%`); else undefined.
   */
  threshold?: string;
  /** The actual with its unit and a `*` when provisional; a milestone's state; or `–`. */
  actual: string;
  /** Signed gap (`+10,2`), or `–`. */
  gap: string;
  /** Symbol and words, e.g. `✔ Đạt`. */
  status: string;
  /** The progress ratio, `R = 1,48`, when the evaluation gives one. */
  ratio?: string;
  /** The evaluation's remarks, in words. */
  remarks: string[];
}

/** Looks indicators up by id. */
export function indicatorIndex(plan: Plan): Map<string, Indicator> {
  return new Map(plan.indicators.map((indicator) => [indicator.id, indicator]));
}

/** Groups results by area, areas in the plan's order; an area the plan lacks comes last, under its id. */
export function groupByArea(results: readonly Result[], plan: Plan, lang: Lang): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  for (const area of plan.areas) {
    groups.set(area.id, { id: area.id, ref: area.ref, title: pickText(area.title, lang) || area.id, results: [] });
  }
  for (const result of results) {
    let group = groups.get(result.area);
    if (group === undefined) {
      group = { id: result.area, title: result.area || t(lang, 'report.otherArea'), results: [] };
      groups.set(result.area, group);
    }
    group.results.push(result);
  }
  return [...groups.values()].filter((group) => group.results.length > 0);
}

/** The area's heading: `II.2. Cải cách thủ tục hành chính`. */
export function areaHeading(group: AreaGroup): string {
  return group.ref === undefined || group.ref === '' ? group.title : `${group.ref}. ${group.title}`;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Decimals enough that rounding never makes a value look equal to a threshold it is not
 * equal to: 79.96 against `≥ 80` shows as 79.96, not as 80.
 */
export function displayDecimals(value: number, thresholds: readonly number[], base: number): number {
  let decimals = base;
  while (decimals < 6 && thresholds.some((limit) => limit !== value && roundTo(value, decimals) === roundTo(limit, decimals))) {
    decimals += 1;
  }
  return decimals;
}

/** Every number a result's actual is compared with. */
function thresholdsOf(result: Result): number[] {
  const r = result.requirement;
  const numbers: number[] = [];
  if ('atLeast' in r) numbers.push(r.atLeast);
  if ('moreThan' in r) numbers.push(r.moreThan);
  if ('atMost' in r) numbers.push(r.atMost);
  if ('lessThan' in r) numbers.push(r.lessThan);
  if ('between' in r) numbers.push(...r.between);
  if ('gainAtLeast' in r && r.cap !== undefined) numbers.push(r.cap);
  if (result.required !== null) numbers.push(result.required);
  return numbers;
}

function baseDecimals(measure: Measure): number {
  return measure === 'percent' ? 1 : 2;
}

/** The actual as shown to a reader: `72,4%*`, `hoàn thành`, `88,4% (2025)`, `–`. */
export function formatActual(result: Result, measure: Measure, lang: Lang): string {
  const actual = result.actual;
  if (actual === null) return NO_VALUE;
  let text: string;
  if (actual.value !== null && Number.isFinite(actual.value)) {
    const maxDecimals = displayDecimals(actual.value, thresholdsOf(result), baseDecimals(measure));
    text = formatMeasured(actual.value, measure, lang, { maxDecimals });
  } else if (actual.status !== undefined) {
    text = milestoneLabel(actual.status, lang);
  } else {
    text = NO_VALUE;
  }
  const shown = actual.provisional ? `${text}*` : text;
  // A target not yet due is judged on the latest figure, which may be another year's: say which.
  return actual.period.slice(0, 4) === String(result.year) ? shown : `${shown} (${actual.period})`;
}

/** The gap, signed: `+10,2`, `-3,5`, `0`, or `–`. */
export function formatGap(gap: number | null, measure: Measure, lang: Lang): string {
  if (gap === null || !Number.isFinite(gap)) return NO_VALUE;
  return formatNumber(gap, lang, { sign: true, maxDecimals: displayDecimals(gap, [0], baseDecimals(measure)) });
}

/** The texts of one result's row. */
export function resultCells(result: Result, indicators: ReadonlyMap<string, Indicator>, lang: Lang): ResultCells {
  const indicator = indicators.get(result.indicator);
  const measure: Measure = indicator?.measure ?? ('expect' in result.requirement ? 'milestone' : 'percent');
  const cells: ResultCells = {
    title: (indicator === undefined ? '' : pickText(indicator.title, lang)) || result.indicator,
    measure,
    requirement: formatRequirement(result.requirement, lang, measure),
    actual: formatActual(result, measure, lang),
    gap: formatGap(result.gap, measure, lang),
    status: statusText(result.status, lang),
    remarks: (result.remarks ?? []).map((remark) => remarkText(remark, lang)),
  };
  if (result.progressRatio !== null && Number.isFinite(result.progressRatio)) {
    cells.ratio = t(lang, 'report.ratioValue', { value: formatNumber(result.progressRatio, lang, { maxDecimals: 2 }) });
  }
  if ('gainAtLeast' in result.requirement && result.required !== null && Number.isFinite(result.required)) {
    cells.threshold = `≥ ${formatMeasured(result.required, measure, lang, { maxDecimals: 4 })}`;
  }
  return cells;
}

/** How many results have each status, in the order of `STATUSES`. */
export function countStatuses(results: readonly Result[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/** The summary's parts: `✔ Đạt: 3`, one per status. */
export function summaryParts(results: readonly Result[], lang: Lang): string[] {
  const counts = countStatuses(results);
  return STATUSES.map((status) => `${statusText(status, lang)}: ${counts[status]}`);
}

/** True when some shown actual covers only part of its year (the `*` needs explaining). */
export function anyProvisional(results: readonly Result[]): boolean {
  return results.some((result) => result.actual?.provisional === true);
}

/** True when some row shows a progress ratio (the `R` needs explaining). */
export function anyRatio(results: readonly Result[]): boolean {
  return results.some((result) => result.progressRatio !== null && Number.isFinite(result.progressRatio));
}

/** The plan's name line: title and document number. */
export function planLine(plan: Plan, lang: Lang): string {
  const title = pickText(plan.title, lang) || plan.id;
  return plan.document.number === '' ? title : `${title} (${plan.document.number})`;
}
