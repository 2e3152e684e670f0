import type { Status } from '../model/evaluation.js';
import type { MilestoneStatus } from '../model/measurement.js';
import type { Measure, Requirement } from '../model/plan.js';
import type { Lang } from '../model/text.js';

/**
 * Numbers, statuses, requirements and the shared strings of every report, in Vietnamese and
 * English. Formatting is done by hand rather than with `Intl` so that the output is the same
 * on every machine, whatever locale data its Node.js was built with.
 */

/** Separators of one language: Vietnamese writes `1.200,5`, English `1,200.5`. */
const SEPARATORS: Record<Lang, { decimal: string; group: string }> = {
  vi: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** How to format a number. */
export interface NumberFormatOptions {
  /** Most digits after the decimal mark (default 2); trailing zeros are dropped. */
  maxDecimals?: number;
  /** Fewest digits after the decimal mark (default 0). */
  minDecimals?: number;
  /** Group thousands (default true). */
  grouping?: boolean;
  /** Write `+` before positive numbers, e.g. for a gap (default false). */
  sign?: boolean;
}

/** Shown where a number is missing or not finite. */
export const NO_VALUE = '–';

/** Rounds half away from zero at `decimals` digits, without binary surprises like 1.005 → 1.00. */
function roundDigits(abs: number, decimals: number): string {
  const text = String(abs);
  if (!/e/i.test(text)) {
    const shifted = Math.round(Number(`${text}e${decimals}`));
    const digits = String(shifted).padStart(decimals + 1, '0');
    if (!/e/i.test(digits)) {
      return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
    }
  }
  // Beyond 1e21 toFixed switches to exponent notation; such numbers are whole anyway.
  return abs >= 1e21 ? BigInt(abs).toString() : abs.toFixed(decimals);
}

function groupThousands(integer: string, separator: string): string {
  let out = '';
  for (let i = 0; i < integer.length; i++) {
    if (i > 0 && (integer.length - i) % 3 === 0) out += separator;
    out += integer[i];
  }
  return out;
}

/**
 * Formats a number in `lang`: `formatNumber(1200.5, 'vi')` → `1.200,5`, in English `1,200.5`.
 * The result does not depend on the machine's locale.
 */
export function formatNumber(n: number, lang: Lang, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  const maxDecimals = Math.max(0, Math.min(20, options.maxDecimals ?? 2));
  const minDecimals = Math.max(0, Math.min(maxDecimals, options.minDecimals ?? 0));
  const rounded = roundDigits(Math.abs(n), maxDecimals);
  let [integer = '0', fraction = ''] = rounded.split('.');
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const zero = /^0*$/.test(integer) && /^0*$/.test(fraction);
  const { decimal, group } = SEPARATORS[lang];
  const body = (options.grouping ?? true) ? groupThousands(integer, group) : integer;
  const sign = zero ? '' : n < 0 ? '-' : options.sign === true ? '+' : '';
  return `${sign}${body}${fraction === '' ? '' : decimal + fraction}`;
}

/** Formats a percentage: `formatPercent(80.5, 'vi')` → `80,5%`. */
export function formatPercent(n: number, lang: Lang, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  return `${formatNumber(n, lang, options)}%`;
}

/** Formats a value in its indicator's unit: a percent gets `%`, a count none. */
export function formatMeasured(n: number, measure: Measure, lang: Lang, options: NumberFormatOptions = {}): string {
  return measure === 'percent' ? formatPercent(n, lang, options) : formatNumber(n, lang, options);
}

/**
 * Formats an ISO date (YYYY-MM-DD) the way each language writes it: `27/11/2026` in
 * Vietnamese, `2026-11-27` in English (unambiguous for every English reader).
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || lang === 'en') return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  vi: {
    met: 'Đạt',
    missed: 'Không đạt',
    'on-track': 'Đúng tiến độ',
    'at-risk': 'Có nguy cơ',
    'off-track': 'Chậm tiến độ',
    'no-data': 'Chưa có số liệu',
  },
  en: {
    met: 'met',
    missed: 'missed',
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track',
    'no-data': 'no data',
  },
};

/**
 * One symbol per status, so that a status reads without colour (on paper, with NO_COLOR, to a
 * colour-blind reader): a tick and a cross for the judged, arrows for the trend, `?` for none.
 */
export const STATUS_SYMBOLS: Readonly<Record<Status, string>> = {
  met: '✔',
  'on-track': '▲',
  'at-risk': '!',
  'off-track': '▼',
  missed: '✘',
  'no-data': '?',
};

/** The status in words: `met` → "Đạt" / "met". */
export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

/** The status's symbol, e.g. `✔`. */
export function statusSymbol(status: Status): string {
  return STATUS_SYMBOLS[status];
}

/** Symbol and words: `✔ Đạt`, `▼ off track`. */
export function statusText(status: Status, lang: Lang): string {
  return `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[lang][status]}`;
}

const MILESTONE_LABELS: Record<Lang, Record<MilestoneStatus, string>> = {
  vi: { done: 'hoàn thành', 'in-progress': 'đang thực hiện', 'not-started': 'chưa triển khai' },
  en: { done: 'done', 'in-progress': 'in progress', 'not-started': 'not started' },
};

/** A milestone's reported state in words: `done` → "hoàn thành" / "done". */
export function milestoneLabel(status: MilestoneStatus, lang: Lang): string {
  return MILESTONE_LABELS[lang][status];
}

/**
 * A requirement in words, in the indicator's unit: `≥ 80%`, `> 30%`, `25–35%`,
 * `+20 pts/yr (≤ 100%)` (Vietnamese `+20 điểm/năm (≤ 100%)`), `done` / `hoàn thành`.
 */
export function formatRequirement(requirement: Requirement, lang: Lang, measure: Measure = 'percent'): string {
  const unit = measure === 'percent' ? '%' : '';
  const num = (n: number) => formatNumber(n, lang, { maxDecimals: 4 });
  if ('atLeast' in requirement) return `≥ ${num(requirement.atLeast)}${unit}`;
  if ('moreThan' in requirement) return `> ${num(requirement.moreThan)}${unit}`;
  if ('atMost' in requirement) return `≤ ${num(requirement.atMost)}${unit}`;
  if ('lessThan' in requirement) return `< ${num(requirement.lessThan)}${unit}`;
  if ('between' in requirement) return `${num(requirement.between[0])}–${num(requirement.between[1])}${unit}`;
  if ('gainAtLeast' in requirement) {
    const step =
      measure === 'percent'
        ? lang === 'vi' ? 'điểm/năm' : 'pts/yr'
        : lang === 'vi' ? '/năm' : '/yr';
    const gain = `+${num(requirement.gainAtLeast)}${measure === 'percent' ? ' ' : ''}${step}`;
    return requirement.cap === undefined ? gain : `${gain} (≤ ${num(requirement.cap)}${unit})`;
  }
  return milestoneLabel('done', lang);
}

/** Strings shared by every report. Keys are stable; wording may change. */
const MESSAGES = {
  en: {
    'col.area': 'Area',
    'col.target': 'Target',
    'col.indicator': 'Indicator',
    'col.year': 'Year',
    'col.ref': 'Clause',
    'col.requirement': 'Requirement',
    'col.required': 'Required',
    'col.actual': 'Actual',
    'col.period': 'Period',
    'col.provisional': 'Provisional',
    'col.numerator': 'Numerator',
    'col.denominator': 'Denominator',
    'col.status': 'Status',
    'col.gap': 'Gap',
    'col.progressRatio': 'Progress ratio',
    'col.sources': 'Sources',
    'col.notes': 'Notes',
    'col.remarks': 'Remarks',
    'col.count': 'Count',
    'report.title': 'Evaluation of targets',
    'report.asOf': 'As of {date}',
    'report.plan': 'Plan',
    'report.version': 'encoding version {version}',
    'report.summary': 'Summary',
    'report.total': '{count} results',
    'report.noResults': 'No results match.',
    'report.provisional': '* provisional: only part of the year is covered.',
    'report.gapUnit': 'Gap: actual minus required, in the better direction (percentage points for percents).',
    'report.otherArea': 'Other',
    'report.ratio': 'R: progress ratio of a target not yet due (1 = exactly the pace needed; on track from 0.95, at risk from 0.6).',
    'report.ratioValue': 'R = {value}',
    'word.yes': 'yes',
    'word.no': 'no',
    'sources.moreLines': '… ({rows})',
    'sources.moreFile': '… one more file ({rows})',
    'sources.moreFiles': '… {files} more files ({rows})',
    'sources.row': '{count} row',
    'sources.rows': '{count} rows',
  },
  vi: {
    'col.area': 'Lĩnh vực',
    'col.target': 'Chỉ tiêu',
    'col.indicator': 'Chỉ số',
    'col.year': 'Năm',
    'col.ref': 'Mục',
    'col.requirement': 'Yêu cầu',
    'col.required': 'Mức yêu cầu',
    'col.actual': 'Thực hiện',
    'col.period': 'Kỳ',
    'col.provisional': 'Tạm tính',
    'col.numerator': 'Tử số',
    'col.denominator': 'Mẫu số',
    'col.status': 'Đánh giá',
    'col.gap': 'Chênh lệch',
    'col.progressRatio': 'Tỷ lệ tiến độ',
    'col.sources': 'Nguồn',
    'col.notes': 'Ghi chú',
    'col.remarks': 'Lưu ý',
    'col.count': 'Số lượng',
    'report.title': 'Đánh giá kết quả thực hiện chỉ tiêu',
    'report.asOf': 'Tính đến ngày {date}',
    'report.plan': 'Kế hoạch',
    'report.version': 'phiên bản mã hoá {version}',
    'report.summary': 'Tổng hợp',
    'report.total': '{count} kết quả',
    'report.noResults': 'Không có kết quả phù hợp.',
    'report.provisional': '* tạm tính: số liệu chưa đủ cả năm.',
    'report.gapUnit': 'Chênh lệch: thực hiện trừ yêu cầu, theo chiều tốt hơn (điểm phần trăm với chỉ tiêu tỷ lệ).',
    'report.otherArea': 'Khác',
    'report.ratio': 'R: tỷ lệ tiến độ của chỉ tiêu chưa đến hạn (1 = đúng nhịp độ cần thiết; từ 0,95 là đúng tiến độ, từ 0,6 là có nguy cơ).',
    'report.ratioValue': 'R = {value}',
    'word.yes': 'có',
    'word.no': 'không',
    'sources.moreLines': '… ({rows})',
    'sources.moreFile': '… và 1 tệp khác ({rows})',
    'sources.moreFiles': '… và {files} tệp khác ({rows})',
    'sources.row': '{count} dòng',
    'sources.rows': '{count} dòng',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A key of the shared strings. */
export type MessageKey = keyof (typeof MESSAGES)['en'];

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

function interpolate(template: string, params: MessageParams | undefined): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Makes a translator over a table of strings with the same keys in both languages; each
 * folder of `report/` keeps its own strings and reuses this. The types make a key missing
 * in one language a compile error.
 */
export function createTranslator<K extends string>(
  messages: Record<Lang, Record<K, string>>,
): (lang: Lang, key: K, params?: MessageParams) => string {
  return (lang, key, params) => interpolate(messages[lang][key], params);
}

/** A shared string in `lang`, with `{name}` placeholders filled from `params`. */
export const t: (lang: Lang, key: MessageKey, params?: MessageParams) => string = createTranslator<MessageKey>(MESSAGES);
