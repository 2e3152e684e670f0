import { describe, expect, it } from 'vitest';
import { pickText } from '../../src/model/text.js';
import { renderHtml } from '../../src/report/evaluation/html.js';
import type { Evaluation } from '../../src/model/evaluation.js';
import type { RenderOptions } from '../../src/report/evaluation/types.js';
import { statusLabel } from '../../src/report/i18n.js';
import { hostileSample, sampleEvaluation, samplePlan, sampleResults } from '../fixtures/report/sample.js';

/** The minimal page of this folder, whatever the registry's `html` renderer is. */
function render(evaluation: Evaluation, options: RenderOptions): string {
  return renderHtml(evaluation, options);
}

describe('html renderer (minimal page)', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`is a whole page in the asked language with a table per area (${lang})`, () => {
      const text = render(sampleEvaluation(), { lang, color: false, plan: samplePlan });
      expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(text).toContain(`<html lang="${lang}">`);
      expect(text).toContain('<meta charset="utf-8">');
      expect(text.trimEnd().endsWith('</html>')).toBe(true);
      expect(text.match(/<table>/g)).toHaveLength(samplePlan.areas.length + 1);
      expect(text.match(/<table>/g)?.length).toBe(text.match(/<\/table>/g)?.length);
      for (const area of samplePlan.areas) expect(text).toContain(pickText(area.title, lang));
      for (const result of sampleResults) expect(text).toContain(statusLabel(result.status, lang));
    });
  }

  it('is self-contained: no script, no outside resource', () => {
    const text = render(sampleEvaluation(), { lang: 'en', color: false, plan: samplePlan });
    expect(text).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
  });

  it('escapes every text from the data', () => {
    const { plan, evaluation } = hostileSample();
    const text = render(evaluation, { lang: 'vi', color: false, plan });
    expect(text).not.toMatch(/<script|<b>/i);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(text).toContain('=HYPERLINK(&quot;http://x&quot;)');
    // Every tag in the page is one of the renderer's own.
    const tags = new Set([...text.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((match) => match[1]?.toLowerCase()));
    const own = ['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code'];
    for (const tag of tags) expect(own).toContain(tag);
  });
});
