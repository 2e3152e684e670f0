import { stringify } from 'csv-stringify/sync';
import { pickText } from '../../model/text.js';
import { inertCell } from '../evaluation/csv.js';
import type { TemplateRenderer } from './types.js';

/**
 * The columns of the CSV template: an entry's columns, then `title` (read and ignored by the
 * loader) so that a person filling it in sees what each row is, and `plan` so that the file
 * names its plan.
 */
export const TEMPLATE_CSV_COLUMNS = [
  'indicator',
  'title',
  'period',
  'org',
  'value',
  'numerator',
  'denominator',
  'status',
  'evidence',
  'source',
  'note',
  'plan',
] as const;

/** Excel takes a UTF-8 file for one only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * A CSV to fill in, one row per indicator with its Vietnamese title, the period and org set
 * and every value cell empty: fill `value`, or `numerator` and `denominator`, or `status`.
 */
export const renderCsv: TemplateRenderer = (spec) => {
  const rows = spec.indicators.map((indicator) => {
    const row: Record<(typeof TEMPLATE_CSV_COLUMNS)[number], string> = {
      indicator: indicator.id,
      // A custom plan's title is opened in a spreadsheet: it must not run as a formula.
      title: inertCell(pickText(indicator.title, 'vi') || indicator.id),
      period: spec.period,
      org: spec.org ?? '',
      value: '',
      numerator: '',
      denominator: '',
      status: '',
      evidence: '',
      source: '',
      note: '',
      plan: spec.plan.id,
    };
    return TEMPLATE_CSV_COLUMNS.map((column) => row[column]);
  });
  return BOM + stringify([[...TEMPLATE_CSV_COLUMNS], ...rows], { record_delimiter: '\n' });
};
