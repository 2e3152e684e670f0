import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/model/evaluation.js';
import { pickText } from '../../src/model/text.js';
import { renderEvaluation } from '../../src/report/evaluation/index.js';
import { statusLabel, statusSymbol } from '../../src/report/i18n.js';
import { stripAnsi, visibleWidth } from '../../src/report/text-width.js';
import { hostileSample, sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

// eslint-free check of escape codes without a regex literal holding a control character.
const ESC = String.fromCharCode(27);

function render(lang: 'vi' | 'en', options: { width?: number; color?: boolean } = {}) {
  return renderEvaluation('table', sampleEvaluation(), { lang, color: options.color ?? false, plan: samplePlan, width: options.width });
}

describe('table renderer', () => {
  for (const lang of ['vi', 'en'] as const) {
    for (const width of [100, 80, 60, 40, 24]) {
      it(`keeps every line within ${width} columns (${lang})`, () => {
        const text = renderEvaluation('table', sampleEvaluation(), { lang, color: false, plan: samplePlan, width });
        for (const line of text.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
      });
    }

    it(`defaults to 100 columns (${lang})`, () => {
      const lines = render(lang).split('\n');
      for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
      expect(Math.max(...lines.map(visibleWidth))).toBeGreaterThan(60);
    });

    it(`fits 100 columns with hostile, long text (${lang})`, () => {
      const { plan, evaluation } = hostileSample();
      const text = renderEvaluation('table', evaluation, { lang, color: true, plan, width: 100 });
      for (const line of text.split('\n')) expect(visibleWidth(line)).toBeLessThanOrEqual(100);
    });

    it(`shows each area title once, in the plan's order (${lang})`, () => {
      const text = render(lang);
      const positions = samplePlan.areas.map((area) => text.indexOf(pickText(area.title, lang)));
      for (const position of positions) expect(position).toBeGreaterThan(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it(`shows each status as symbol and word, and a summary with the counts (${lang})`, () => {
      const text = render(lang);
      const flat = text.replace(/[│\s]+/g, ' ');
      for (const result of sampleResults) expect(flat).toContain(statusSymbol(result.status));
      const summary = text.slice(text.lastIndexOf('└'));
      for (const status of STATUSES) {
        const expected = sampleResults.filter((result) => result.status === status).length;
        expect(summary.replace(/\s+/g, ' ')).toContain(`${statusSymbol(status)} ${statusLabel(status, lang)}: ${expected}`);
      }
    });
  }

  it('writes numbers in the language asked and marks provisional actuals', () => {
    const vi = render('vi');
    const en = render('en');
    expect(vi).toContain('72,4%*');
    expect(en).toContain('72.4%*');
    expect(vi).toContain('15.340');
    expect(en).toContain('15,340');
    expect(vi).toContain('+20 điểm/năm');
  });

  it('names every target by its id, even when wrapped', () => {
    const text = stripAnsi(render('en'));
    const cells = text
      .split('\n')
      .map((line) => line.split('│')[1]?.trim() ?? '')
      .join('');
    for (const result of sampleResults) expect(cells).toContain(result.target);
  });

  it('uses colour only when asked', () => {
    expect(render('en', { color: false })).not.toContain(ESC);
    expect(render('en', { color: true })).toContain(ESC);
    expect(stripAnsi(render('en', { color: true }))).toBe(render('en', { color: false }));
  });

  it('falls back to a list when the terminal is too narrow for a table', () => {
    const text = render('vi', { width: 30 });
    expect(text).not.toContain('┌');
    for (const result of sampleResults) expect(text.replace(/\n/g, '')).toContain(result.target);
  });

  it('says so when there is nothing to show', () => {
    const text = renderEvaluation('table', sampleEvaluation([]), { lang: 'en', color: false, plan: samplePlan });
    expect(text).not.toContain('┌');
    expect(text).toContain(': 0');
  });
});

describe('progress ratios and remarks', () => {
  it('shows R beside the status of a target not yet due, and explains it once', () => {
    for (const lang of ['vi', 'en'] as const) {
      const table = render(lang);
      const md = renderEvaluation('md', sampleEvaluation(), { lang, color: false, plan: samplePlan });
      const r = lang === 'vi' ? 'R = 0,71' : 'R = 0.71';
      expect(table).toContain(r);
      expect(md).toContain(r);
      expect(table.match(/^R: /gm)).toHaveLength(1);
    }
  });

  it('leaves R out when no result has one', () => {
    const results = sampleResults.map((result) => ({ ...result, progressRatio: null }));
    const table = renderEvaluation('table', sampleEvaluation(results), { lang: 'en', color: false, plan: samplePlan });
    expect(table).not.toMatch(/R = |^R: /m);
  });

  it('puts remarks in words, keeping an unknown remark as its word', () => {
    const results = sampleResults.map((result) => (result.remarks === undefined ? result : { ...result, remarks: [...result.remarks, 'some-future-remark'] }));
    const en = renderEvaluation('table', sampleEvaluation(results), { lang: 'en', color: false, plan: samplePlan }).replace(/[│\s]+/g, ' ');
    expect(en).toContain('one year of data');
    expect(en).toContain('some-future-remark');
    expect(en).not.toContain('too-few-years');
    const vi = renderEvaluation('md', sampleEvaluation(), { lang: 'vi', color: false, plan: samplePlan });
    expect(vi).toContain('mới có một năm số liệu');
  });
});
