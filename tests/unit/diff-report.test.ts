import { describe, expect, it } from 'vitest';
import { diffEvaluations, diffPlans } from '../../src/diff/index.js';
import { renderDiff } from '../../src/report/diff/index.js';
import { visibleWidth } from '../../src/report/text-width.js';
import { atLeast, evaluation, makePlan, result } from '../fixtures/diff/build.js';

const ESC = String.fromCharCode(27);
const plan = makePlan([
  { id: 'up', title: { vi: 'Tỷ lệ hồ sơ trực tuyến | <b>đậm</b>', en: 'Dossiers online | <b>bold</b> *starred*' } },
  { id: 'down', measure: 'count', title: 'Permits issued, a title long enough to need wrapping in a narrow terminal' },
]);
const diff = diffEvaluations(
  evaluation([result('up@2025', 'missed', 70), result('down@2025', 'on-track', 85), result('same@2025', 'met', 1)]),
  evaluation([result('up@2025', 'met', 84.5), result('down@2025', 'off-track', 60), result('same@2025', 'met', 1), result('new@2025', 'on-track', 3)], { version: 2 }),
);

describe('diff renderers', () => {
  it.each([100, 80, 60, 40, 24])('the table fits %i columns in both languages', (width) => {
    for (const lang of ['vi', 'en'] as const) {
      const text = renderDiff('table', diff, { lang, color: false, plans: [plan], width });
      for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      expect(text).toContain('up@2025');
    }
  });

  it('colours only when asked', () => {
    expect(renderDiff('table', diff, { lang: 'en', color: false, plans: [plan] })).not.toContain(ESC);
    expect(renderDiff('table', diff, { lang: 'en', color: true, plans: [plan] })).toContain(ESC);
  });

  it('shows deltas in percentage points for percents and plain for counts, per language', () => {
    const en = renderDiff('table', diff, { lang: 'en', color: false, plans: [plan] });
    expect(en).toContain('+14.5 pp');
    expect(en).toContain('70% → 84.5%');
    expect(en).toContain('missed → met');
    expect(en).toMatch(/│\s+-25 │/);
    const vi = renderDiff('table', diff, { lang: 'vi', color: false, plans: [plan] });
    expect(vi).toContain('+14,5 đ.p.');
    expect(vi).toContain('Không đạt → Đạt');
  });

  it('puts regressions first and leaves unchanged targets out of the table, counted', () => {
    const en = renderDiff('table', diff, { lang: 'en', color: false, plans: [plan] });
    expect(en.indexOf('down@2025')).toBeLessThan(en.indexOf('up@2025'));
    expect(en).not.toContain('same@2025');
    expect(en).toContain('Unchanged targets, not listed: 1');
  });

  it('says that the plan versions differ', () => {
    expect(renderDiff('md', diff, { lang: 'en', color: false, plans: [plan] })).toContain('different versions of plan mini');
  });

  it('escapes text from data in Markdown', () => {
    const md = renderDiff('md', diff, { lang: 'en', color: false, plans: [plan] });
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;b&gt;');
    expect(md).toContain('\\|');
    expect(md).toContain('\\*starred\\*');
    // every table row has the same number of unescaped cell separators
    const rows = md.split('\n').filter((line) => line.startsWith('|'));
    const cells = rows.map((line) => line.replace(/\\\|/g, '').split('|').length);
    expect(new Set(cells).size).toBe(1);
  });

  it('prints JSON that reads back as the diff', () => {
    expect(JSON.parse(renderDiff('json', diff, { lang: 'en', color: false, plans: [] }))).toEqual(diff);
  });

  it('shows a plan diff with requirements, horizons and refs in words', () => {
    const v1 = makePlan([{ id: 'up', targets: [atLeast(80, 2025, ['II.2.a'])] }]);
    const v2 = makePlan([{ id: 'up', targets: [atLeast(85, 2025, ['II.2.a'])] }], { version: 2 });
    const en = renderDiff('table', diffPlans(v1, v2), { lang: 'en', color: false, plans: [v2, v1] });
    expect(en).toContain('≥ 80% by 2025 (II.2.a)');
    expect(en).toContain('≥ 85% by 2025 (II.2.a)');
    expect(en).toContain('+5 pp');
    const vi = renderDiff('md', diffPlans(v1, v2), { lang: 'vi', color: false, plans: [v2, v1] });
    expect(vi).toContain('≥ 85% đến năm 2025 (II.2.a)');
  });

  it('says when there is nothing to list', () => {
    const same = diffEvaluations(evaluation([result('a@2025', 'met', 1)]), evaluation([result('a@2025', 'met', 1)]));
    expect(renderDiff('table', same, { lang: 'en', color: false, plans: [] })).toContain('No differences.');
    expect(renderDiff('md', same, { lang: 'vi', color: false, plans: [] })).toContain('Không có khác biệt.');
  });
});
