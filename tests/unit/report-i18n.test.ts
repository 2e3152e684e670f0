import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/model/evaluation.js';
import type { Requirement } from '../../src/model/plan.js';
import type { Lang } from '../../src/model/text.js';
import {
  createTranslator,
  formatDate,
  formatMeasured,
  formatNumber,
  formatPercent,
  formatRequirement,
  milestoneLabel,
  NO_VALUE,
  statusLabel,
  statusSymbol,
  statusText,
  t,
} from '../../src/report/i18n.js';

describe('formatNumber', () => {
  it.each([
    [80.5, 'vi', '80,5'],
    [80.5, 'en', '80.5'],
    [1200, 'vi', '1.200'],
    [1200, 'en', '1,200'],
    [1234567.891, 'vi', '1.234.567,89'],
    [1234567.891, 'en', '1,234,567.89'],
    [999, 'vi', '999'],
    [0, 'en', '0'],
    [100, 'vi', '100'],
    [-3.5, 'vi', '-3,5'],
    [-1200.25, 'en', '-1,200.25'],
    [0.001, 'en', '0'],
    [-0.001, 'en', '0'],
    [1.005, 'en', '1.01'],
    [2.675, 'en', '2.68'],
    [90.22222, 'vi', '90,22'],
    [99.999, 'en', '100'],
  ] as const)('%s in %s → %s', (n, lang, expected) => {
    expect(formatNumber(n, lang)).toBe(expected);
  });

  it('honours decimals, grouping and sign', () => {
    expect(formatNumber(10.2, 'vi', { sign: true })).toBe('+10,2');
    expect(formatNumber(-10.2, 'vi', { sign: true })).toBe('-10,2');
    expect(formatNumber(0, 'vi', { sign: true })).toBe('0');
    expect(formatNumber(3, 'en', { minDecimals: 1 })).toBe('3.0');
    expect(formatNumber(3.14159, 'en', { maxDecimals: 4 })).toBe('3.1416');
    expect(formatNumber(3.6, 'en', { maxDecimals: 0 })).toBe('4');
    expect(formatNumber(12345, 'vi', { grouping: false })).toBe('12345');
  });

  it('writes very large and very small numbers without exponents', () => {
    expect(formatNumber(1e21, 'en')).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(-2.5e22, 'vi')).toMatch(/^-2[45](\.\d{3}){7}$/);
    expect(formatNumber(1e-7, 'en')).toBe('0');
    expect(formatNumber(1.5e-3, 'en', { maxDecimals: 4 })).toBe('0.0015');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatNumber(Number.NaN, 'vi')).toBe(NO_VALUE);
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe(NO_VALUE);
    expect(formatPercent(Number.NaN, 'en')).toBe(NO_VALUE);
  });

  it('does not depend on the machine locale', () => {
    const original = Number.prototype.toLocaleString;
    Number.prototype.toLocaleString = function () {
      return 'locale-was-used';
    };
    try {
      expect(formatNumber(1200.5, 'vi')).toBe('1.200,5');
      expect(formatNumber(1200.5, 'en')).toBe('1,200.5');
    } finally {
      Number.prototype.toLocaleString = original;
    }
  });

  it('round-trips through a parse for many values (en)', () => {
    for (let i = -5000; i <= 5000; i += 7) {
      const n = i / 8;
      const text = formatNumber(n, 'en', { maxDecimals: 3, grouping: false });
      expect(Number(text)).toBe(n);
      const vi = formatNumber(n, 'vi', { maxDecimals: 3, grouping: false });
      expect(Number(vi.replace(',', '.'))).toBe(n);
    }
  });
});

describe('formatPercent and formatMeasured', () => {
  it('writes percents without a space', () => {
    expect(formatPercent(80.5, 'vi')).toBe('80,5%');
    expect(formatPercent(80.5, 'en')).toBe('80.5%');
    expect(formatMeasured(72.4, 'percent', 'vi')).toBe('72,4%');
    expect(formatMeasured(1200, 'count', 'vi')).toBe('1.200');
  });
});

describe('formatDate', () => {
  it('writes day/month/year in Vietnamese and ISO in English', () => {
    expect(formatDate('2026-11-27', 'vi')).toBe('27/11/2026');
    expect(formatDate('2026-11-27', 'en')).toBe('2026-11-27');
  });
});

describe('status words and symbols', () => {
  it.each([
    ['met', 'Đạt', 'met'],
    ['missed', 'Không đạt', 'missed'],
    ['on-track', 'Đúng tiến độ', 'on track'],
    ['at-risk', 'Có nguy cơ', 'at risk'],
    ['off-track', 'Chậm tiến độ', 'off track'],
    ['no-data', 'Chưa có số liệu', 'no data'],
  ] as const)('%s', (status, vi, en) => {
    expect(statusLabel(status, 'vi')).toBe(vi);
    expect(statusLabel(status, 'en')).toBe(en);
    expect(statusText(status, 'vi')).toBe(`${statusSymbol(status)} ${vi}`);
  });

  it('gives every status its own symbol', () => {
    const symbols = STATUSES.map(statusSymbol);
    expect(new Set(symbols).size).toBe(STATUSES.length);
    for (const symbol of symbols) expect(symbol.trim()).not.toBe('');
  });

  it('names milestone states', () => {
    expect(milestoneLabel('done', 'vi')).toBe('hoàn thành');
    expect(milestoneLabel('done', 'en')).toBe('done');
  });
});

describe('formatRequirement', () => {
  it.each([
    [{ atLeast: 80 }, 'en', '≥ 80%'],
    [{ atLeast: 80.5 }, 'vi', '≥ 80,5%'],
    [{ moreThan: 30 }, 'en', '> 30%'],
    [{ atMost: 5 }, 'en', '≤ 5%'],
    [{ lessThan: 5 }, 'vi', '< 5%'],
    [{ between: [25, 35] }, 'en', '25–35%'],
    [{ gainAtLeast: 20, cap: 100 }, 'en', '+20 pts/yr (≤ 100%)'],
    [{ gainAtLeast: 20, cap: 100 }, 'vi', '+20 điểm/năm (≤ 100%)'],
    [{ gainAtLeast: 20 }, 'en', '+20 pts/yr'],
    [{ expect: 'done' }, 'en', 'done'],
    [{ expect: 'done' }, 'vi', 'hoàn thành'],
  ] as [Requirement, Lang, string][])('%j in %s', (requirement, lang, expected) => {
    expect(formatRequirement(requirement, lang)).toBe(expected);
  });

  it('leaves the percent sign off counts', () => {
    expect(formatRequirement({ atLeast: 1200 }, 'vi', 'count')).toBe('≥ 1.200');
    expect(formatRequirement({ gainAtLeast: 5 }, 'en', 'count')).toBe('+5/yr');
  });
});

describe('t', () => {
  it('translates shared strings and fills placeholders', () => {
    expect(t('en', 'col.status')).toBe('Status');
    expect(t('vi', 'col.status')).not.toBe(t('en', 'col.status'));
    expect(t('en', 'report.asOf', { date: '2026-11-27' })).toContain('2026-11-27');
    expect(t('vi', 'report.total', { count: 3 })).toContain('3');
  });

  it('leaves unknown placeholders alone', () => {
    const own = createTranslator({ en: { hi: 'hi {name} {other}' }, vi: { hi: 'chào {name}' } });
    expect(own('en', 'hi', { name: 'An' })).toBe('hi An {other}');
    expect(own('vi', 'hi', { name: 'An' })).toBe('chào An');
  });
});
