import { stringify } from 'csv-stringify/sync';
import { milestoneLabel } from '../i18n.js';
import { inertCell, machineNumber } from '../evaluation/csv.js';
import { pickText } from '../../model/text.js';
import { tt } from './strings.js';
import type { TrendRenderer } from './types.js';
import { formatTarget } from './view.js';

/**
 * One row per indicator for a spreadsheet: area, id, title, measure, one column per year,
 * the years that are provisional, and the targets. As the evaluation's CSV: a UTF-8 BOM,
 * CRLF, words in the asked language, numbers machine-readable (dot decimal), every cell made
 * inert for spreadsheets. No sparkline: a spreadsheet draws its own.
 */
export const renderTrendCsv: TrendRenderer = (trend, options) => {
  const { lang, plan } = options;
  const titles = new Map(plan.indicators.map((indicator) => [indicator.id, pickText(indicator.title, lang)]));
  const areas = new Map(plan.areas.map((area) => [area.id, pickText(area.title, lang) || area.id]));
  const records: string[][] = [
    [
      tt(lang, 'col.area'),
      tt(lang, 'col.indicator'),
      tt(lang, 'col.title'),
      tt(lang, 'col.measure'),
      ...trend.years.map(String),
      tt(lang, 'col.provisional'),
      tt(lang, 'col.targets'),
    ],
  ];
  for (const row of trend.rows) {
    const values = row.points.map((point) => {
      if (point === null) return '';
      if (point.value !== null) return machineNumber(point.value);
      return point.milestone === undefined ? '' : milestoneLabel(point.milestone, lang);
    });
    const provisional = row.points.filter((point) => point?.provisional === true).map((point) => String(point?.year));
    records.push(
      [
        areas.get(row.area) ?? row.area,
        row.indicator,
        titles.get(row.indicator) || row.indicator,
        tt(lang, `measure.${row.measure}`),
        ...values,
        provisional.join('; '),
        row.targets.map((target) => formatTarget(target, row.measure, lang)).join('; '),
      ].map((cell) => inertCell(cell.normalize('NFC'))),
    );
  }
  return stringify(records, { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
};
