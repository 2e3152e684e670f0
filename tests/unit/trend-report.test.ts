import { describe, expect, it } from 'vitest';
import { trendOf } from '../../src/diff/index.js';
import type { Entry } from '../../src/model/measurement.js';
import { renderTrend } from '../../src/report/trend/index.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { atLeast, makePlan } from '../fixtures/diff/build.js';

const plan = makePlan(
  [
    { id: 'online', title: { vi: 'Tỷ lệ hồ sơ <i>trực tuyến</i>', en: 'Dossiers online | share' }, targets: [atLeast(50, 2025)] },
    { id: 'reform', area: 'a2', measure: 'milestone', targets: [{ horizon: { by: 2025 }, requirement: { expect: 'done' }, ref: ['I.3'] }] },
  ],
  { period: [2015, 2030] },
);
let line = 0;
const entry = (indicator: string, period: string, fields: Partial<Entry>): Entry => ({ indicator, period, file: 'd.yaml', line: ++line, ...fields });
const entries = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year) => entry('online', String(year), { value: year - 1990 }));
entries.push(entry('reform', '2024-H1', { status: 'in-progress' }));
const trend = trendOf(plan, entries, { asOf: '2024-12-31' });

describe('trend renderers', () => {
  it.each([100, 70, 40])('the table fits %i columns, nine years wide, in both languages', (width) => {
    for (const lang of ['vi', 'en'] as const) {
      const text = renderTrend('table', trend, { lang, color: false, plan, width });
      for (const l of text.split('\n')) expect(visibleWidth(l)).toBeLessThanOrEqual(width);
      expect(text).toContain('online');
    }
  });

  it('marks provisional years and explains the mark', () => {
    const text = renderTrend('table', trend, { lang: 'en', color: false, plan });
    expect(text).toContain('in progress*');
    expect(text).toContain('provisional');
  });

  it('escapes data in Markdown and gives one table per area', () => {
    const md = renderTrend('md', trend, { lang: 'vi', color: false, plan });
    expect(md).not.toContain('<i>');
    expect(md.match(/^## /gm)).toHaveLength(2);
    const en = renderTrend('md', trend, { lang: 'en', color: false, plan });
    expect(en).toContain('Dossiers online \\| share');
  });

  it('prints JSON that reads back as the trend', () => {
    expect(JSON.parse(renderTrend('json', trend, { lang: 'en', color: false, plan }))).toEqual(trend);
  });

  it('says so when there are no years of data', () => {
    const empty = trendOf(plan, [], {});
    expect(renderTrend('table', empty, { lang: 'en', color: false, plan })).toContain('No data for any year yet.');
    expect(renderTrend('md', empty, { lang: 'vi', color: false, plan })).toContain('Chưa có số liệu năm nào.');
  });
});
