import { stringify } from 'csv-stringify/sync';
import type { Evaluation, Result } from '../../model/evaluation.js';
import type { Measure, Plan } from '../../model/plan.js';
import { pickText, type Lang } from '../../model/text.js';
import { formatRequirement, milestoneLabel, statusLabel, t, type MessageKey } from '../i18n.js';
import { remarkText } from './remarks.js';
import { formatSources } from './sources.js';
import type { EvaluationRenderer, RenderOptions } from './types.js';

/**
 * One row per result, for a spreadsheet. Headers and words are in the asked language, but
 * numbers are written machine-readable (`90.22`, never `90,22` or `1.200`): a Vietnamese
 * `1.200` is a thousand and two hundred while an English spreadsheet reads it as 1.2, so a
 * locale-formatted number cannot be read back safely, whereas a dot decimal is what every
 * script reads and what a spreadsheet's import dialog takes when told the file's locale.
 * A UTF-8 byte-order mark makes Excel show Vietnamese correctly; lines end in CRLF as Excel
 * writes them.
 */

const COLUMNS = [
  'area',
  'target',
  'indicator',
  'year',
  'ref',
  'requirement',
  'required',
  'actual',
  'period',
  'provisional',
  'numerator',
  'denominator',
  'status',
  'gap',
  'progressRatio',
  'sources',
  'notes',
  'remarks',
] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_KEYS: Record<Column, MessageKey> = {
  area: 'col.area',
  target: 'col.target',
  indicator: 'col.indicator',
  year: 'col.year',
  ref: 'col.ref',
  requirement: 'col.requirement',
  required: 'col.required',
  actual: 'col.actual',
  period: 'col.period',
  provisional: 'col.provisional',
  numerator: 'col.numerator',
  denominator: 'col.denominator',
  status: 'col.status',
  gap: 'col.gap',
  progressRatio: 'col.progressRatio',
  sources: 'col.sources',
  notes: 'col.notes',
  remarks: 'col.remarks',
};

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell inert for spreadsheets: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be run as a formula, so it gets a leading `'`. Plain numbers such as
 * `-3.5` are left alone, so that they stay numbers.
 */
export function inertCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A number as a script reads it: dot decimal, no grouping, float noise rounded away. */
export function machineNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const rounded = Number(n.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

interface Lookups {
  areaTitles: Map<string, string>;
  titles: Map<string, string>;
  measures: Map<string, Measure>;
}

function row(result: Result, lang: Lang, { areaTitles, titles, measures }: Lookups): Record<Column, string> {
  const actual = result.actual;
  const measure: Measure = measures.get(result.indicator) ?? ('expect' in result.requirement ? 'milestone' : 'percent');
  let actualText = '';
  if (actual !== null) {
    if (actual.value !== null) actualText = machineNumber(actual.value);
    else if (actual.status !== undefined) actualText = milestoneLabel(actual.status, lang);
  }
  const yesNo = (value: boolean): string => t(lang, value ? 'word.yes' : 'word.no');
  return {
    area: areaTitles.get(result.area) ?? result.area,
    target: result.target,
    indicator: titles.get(result.indicator) ?? result.indicator,
    year: String(result.year),
    ref: result.ref.join(', '),
    requirement: formatRequirement(result.requirement, lang, measure),
    required: machineNumber(result.required),
    actual: actualText,
    period: actual?.period ?? '',
    provisional: actual === null ? '' : yesNo(actual.provisional),
    numerator: machineNumber(actual?.numerator),
    denominator: machineNumber(actual?.denominator),
    status: statusLabel(result.status, lang),
    gap: machineNumber(result.gap),
    progressRatio: machineNumber(result.progressRatio),
    sources: formatSources(actual?.sources ?? [], lang),
    notes: (actual?.notes ?? []).join('; '),
    remarks: (result.remarks ?? []).map((remark) => remarkText(remark, lang)).join('; '),
  };
}

function lookups(plan: Plan, lang: Lang): Lookups {
  return {
    areaTitles: new Map(plan.areas.map((area) => [area.id, pickText(area.title, lang) || area.id])),
    titles: new Map(plan.indicators.map((indicator) => [indicator.id, pickText(indicator.title, lang) || indicator.id])),
    measures: new Map(plan.indicators.map((indicator) => [indicator.id, indicator.measure])),
  };
}

/** The evaluation as CSV for a spreadsheet: BOM, CRLF, translated headers, dot-decimal numbers, inert cells. */
export const renderCsv: EvaluationRenderer = (evaluation: Evaluation, options: RenderOptions): string => {
  const found = lookups(options.plan, options.lang);
  const records: string[][] = [COLUMNS.map((column) => t(options.lang, HEADER_KEYS[column]))];
  for (const result of evaluation.results) {
    const cells = row(result, options.lang, found);
    records.push(COLUMNS.map((column) => inertCell(cells[column].normalize('NFC'))));
  }
  return stringify(records, { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
};
