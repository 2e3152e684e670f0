import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Evaluation } from '../../src/model/evaluation.js';
import type { Plan } from '../../src/model/plan.js';
import { pickText } from '../../src/model/text.js';
import { statusLabel, statusSymbol, t } from '../../src/report/i18n.js';
import { remarkText } from '../../src/report/evaluation/remarks.js';
import { renderHtml } from '../../src/report/html/index.js';
import { HOSTILE, hostileEvaluation, sampleEvaluation, samplePlan, summarise } from '../browser/fixtures/sample-evaluation.js';

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`;

/** The tags the renderer itself writes; anything else in the page came from data. */
const OWN_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'link', 'title', 'style', 'body', 'div', 'header', 'main', 'footer', 'section',
  'h1', 'h2', 'h3', 'p', 'br', 'span', 'strong', 'code', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'rect', 'line', 'path', 'circle', 'text',
]);

/** The attribute names the renderer itself writes. */
const OWN_ATTRIBUTES = new Set([
  'lang', 'charset', 'http-equiv', 'content', 'name', 'rel', 'href', 'class', 'id', 'title', 'scope', 'role', 'value',
  'aria-label', 'aria-labelledby', 'aria-hidden', 'data-target', 'data-status', 'viewbox', 'width', 'height',
  'preserveaspectratio', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'd', 'fill', 'stroke',
  'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'text-anchor', 'fill-opacity',
]);

function tags(page: string): string[] {
  return [...page.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => String(m[1]).toLowerCase());
}

/** Attribute names inside every tag, read with a small tokenizer that respects quotes. */
function attributeNames(page: string): string[] {
  const names: string[] = [];
  for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const body = tag[0].replace(/^<[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
    for (const attr of body.matchAll(/\s*([^\s="'/>]+)(?:="[^"]*")?/g)) names.push(String(attr[1]).toLowerCase());
  }
  return names;
}

/** Tags and attribute names in the page that the renderer does not write itself. */
function strangers(page: string): { tags: string[]; attributes: string[] } {
  return {
    tags: [...new Set(tags(page))].filter((tag) => !OWN_TAGS.has(tag)),
    attributes: [...new Set(attributeNames(page))].filter((name) => !OWN_ATTRIBUTES.has(name)),
  };
}

const render = (evaluation: Evaluation, lang: 'vi' | 'en' = 'vi', plan: Plan = samplePlan) =>
  renderHtml(evaluation, { lang, color: false, plan });

describe('renderHtml: the page', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`is a whole UTF-8 page in ${lang} with a strict CSP`, () => {
      const page = render(sampleEvaluation(), lang);
      expect(page.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain('<meta charset="utf-8">');
      expect(page).toContain(CSP);
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
      expect(page).toContain(t(lang, 'report.title'));
      expect(page).toContain(pickText(samplePlan.title, lang));
      expect(page).toContain(samplePlan.document.number);
      for (const area of samplePlan.areas) expect(page).toContain(pickText(area.title, lang));
    });
  }

  it('loads nothing and runs nothing: no script, no URL of any scheme but data:, no external style', () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = render(sampleEvaluation(), lang);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/https?:/i);
      expect(page).not.toMatch(/\bsrc=|@import|url\(|<img|<iframe|<object|<embed/i);
      const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => String(m[1]));
      for (const href of hrefs) expect(href).toMatch(/^(#[\w-]+|data:,)$/);
      expect(attributeNames(page).filter((name) => name.startsWith('on'))).toEqual([]);
    }
  });

  it('has one target row per result, in the evaluation order', () => {
    const evaluation = sampleEvaluation();
    const page = render(evaluation);
    expect(page.match(/<tr class="target-row"/g)).toHaveLength(evaluation.results.length);
    const targets = [...page.matchAll(/<tr class="target-row" data-target="([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(evaluation.results.map((r) => r.target));
  });

  it('gives every table a caption and scoped headers, every row a row header', () => {
    const page = render(sampleEvaluation());
    const tables = page.match(/<table[ >]/g)?.length ?? 0;
    expect(tables).toBe(samplePlan.areas.length + 1);
    expect(page.match(/<caption/g)).toHaveLength(tables);
    expect(page).not.toMatch(/<th(?![^>]*scope="(col|row)")[ >]/);
    expect(page.match(/<tr class="target-row"[^>]*>\s*<th scope="row">/g)).toHaveLength(sampleEvaluation().results.length);
  });

  it('shows each status by colour class, symbol and word', () => {
    for (const lang of ['vi', 'en'] as const) {
      const evaluation = sampleEvaluation();
      const page = render(evaluation, lang);
      for (const status of new Set(evaluation.results.map((r) => r.status))) {
        expect(page).toContain(
          `<span class="badge s-${status}"><span class="sym" aria-hidden="true">${statusSymbol(status)}</span>${statusLabel(status, lang)}</span>`,
        );
      }
      const statuses = [...page.matchAll(/<tr class="target-row" [^>]*data-status="([^"]+)"/g)].map((m) => m[1]);
      expect(statuses).toEqual(evaluation.results.map((r) => r.status));
    }
  });

  it('summarises the counts in cards and a labelled stacked bar', () => {
    const evaluation = sampleEvaluation();
    const page = render(evaluation, 'en');
    for (const status of STATUSES) {
      expect(page).toContain(`<li class="card s-${status}"><span class="count">${evaluation.summary[status]}</span>`);
    }
    const bar = /<svg class="summary-bar" role="img" aria-label="([^"]+)"/.exec(page);
    expect(bar).not.toBeNull();
    for (const status of STATUSES) expect(bar?.[1]).toContain(`${statusLabel(status, 'en')} ${evaluation.summary[status]}`);
  });

  it('writes numbers the way each language does, with the provisional mark and signed gaps', () => {
    const vi = render(sampleEvaluation(), 'vi');
    const en = render(sampleEvaluation(), 'en');
    expect(vi).toContain('90,22%');
    expect(en).toContain('90.22%');
    expect(vi).toContain('+10,22');
    expect(en).toContain('-7.5');
    expect(vi).toMatch(/>81%\*</);
    expect(vi).toContain('hoàn thành');
    expect(en).toContain('in progress');
  });

  it('draws a bullet chart per result and a trend chart per indicator with two or more years of actuals', () => {
    const evaluation = sampleEvaluation();
    const page = render(evaluation);
    expect(page.match(/<svg class="bullet" role="img" aria-label="[^"]+"/g)).toHaveLength(evaluation.results.length);
    const years = new Map<string, Set<string>>();
    for (const result of evaluation.results) {
      if (result.actual?.value == null) continue;
      const set = years.get(result.indicator) ?? new Set<string>();
      set.add(result.actual.period.slice(0, 4));
      years.set(result.indicator, set);
    }
    const expected = [...years.values()].filter((set) => set.size >= 2).length;
    expect(expected).toBeGreaterThan(0);
    expect(page.match(/<svg class="trend" role="img" aria-label="[^"]+"/g)).toHaveLength(expected);
  });

  it('keeps the provenance of each value: file:line, counts, orgs and notes in a footnote it links to', () => {
    const page = render(sampleEvaluation(), 'en');
    expect(page).toContain('data/2025.yaml:9');
    expect(page).toContain('data/2025-qlvt.csv:7, data/2025-qlcl.csv:5');
    expect(page).toContain('8,120 of 9,000');
    expect(page).toContain('Phòng Quản lý vận tải');
    expect(page).toContain('Khảo sát SIPAS 2025, 1.200 phiếu');
    const refs = [...page.matchAll(/href="#(fn-\d+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(page).toContain(`id="${ref}"`);
  });

  it('shows, for a target not yet due without an actual of its year, the latest actual, labelled as such', () => {
    const evaluation = sampleEvaluation();
    const later = evaluation.results.find((r) => r.target === 'procedures-online-payment@2030');
    if (later === undefined) throw new Error('fixture changed');
    later.actual = null;
    const page = render(evaluation, 'en');
    const row = /<tr class="target-row" data-target="procedures-online-payment@2030"[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(row).toContain('latest 72.5% (2025)');
    expect(row).toContain('fill-opacity="0.4"');
    // A due target without an actual shows no borrowed value.
    const due = /<tr class="target-row" data-target="satisfaction-department@2025"[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(due).not.toContain('latest');
  });

  it('explains remarks in words, and shows an unknown one as its word', () => {
    const evaluation = sampleEvaluation();
    const first = evaluation.results[0];
    if (first === undefined) throw new Error('empty fixture');
    first.remarks = ['too-few-years', 'some-new-remark'];
    const page = render(evaluation, 'en');
    expect(remarkText('too-few-years', 'en')).not.toBe('too-few-years');
    expect(page).toContain(`${remarkText('too-few-years', 'en')}; some-new-remark`);
  });

  it('has print rules: A4 pages, one area a page, rows never split, colours kept', () => {
    const page = render(sampleEvaluation());
    expect(page).toMatch(/@page\{size:A4;margin:[^}]+\}/);
    const print = page.slice(page.indexOf('@media print'));
    expect(print).toMatch(/\.area\{break-before:page\}/);
    expect(print).toMatch(/tr,[^{]*\{break-inside:avoid\}/);
    expect(page).toContain('print-color-adjust:exact');
  });

  it('is the same for the same input and leaves the evaluation untouched', () => {
    const evaluation = sampleEvaluation();
    const before = structuredClone(evaluation);
    expect(render(evaluation)).toBe(render(evaluation));
    expect(evaluation).toEqual(before);
  });

  it('renders an evaluation with no results as a page that says so', () => {
    const empty: Evaluation = { ...sampleEvaluation(), results: [], summary: summarise([]) };
    const page = render(empty, 'en');
    expect(page).not.toContain('class="target-row"');
    expect(page).toContain(t('en', 'report.noResults'));
  });

  it('gives results of an area the plan does not name a section of their own', () => {
    const evaluation = sampleEvaluation();
    const first = evaluation.results[0];
    if (first === undefined) throw new Error('empty fixture');
    first.area = 'unlisted-area';
    const page = render(evaluation, 'en');
    expect(page).toMatch(/<h2 id="area-\d+">unlisted-area<\/h2>/);
    expect(page.match(/<tr class="target-row"/g)).toHaveLength(evaluation.results.length);
  });
});

describe('renderHtml: text from data files is shown, never run', () => {
  it('escapes a script, a tag breaking out of an attribute, and a quote in notes, orgs and file names', () => {
    const page = render(hostileEvaluation(), 'en');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain('&lt;script&gt;window.__pwned = true&lt;/script&gt;');
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=true&quot;&gt;');
    expect(page).toContain('&#39; onmouseover=&#39;window.__pwned=true&#39; x=&#39;');
    expect(strangers(page)).toEqual({ tags: [], attributes: [] });
  });

  it('escapes hostile plan text too: titles, areas, refs, document number, quotes', () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const plan = structuredClone(samplePlan);
    plan.title = evil;
    plan.document.number = evil;
    plan.document.issuer = evil;
    for (const area of plan.areas) {
      area.title = evil;
      area.ref = evil;
    }
    for (const indicator of plan.indicators) {
      indicator.title = evil;
      for (const spec of indicator.targets) spec.quote = evil;
    }
    const evaluation = sampleEvaluation();
    for (const result of evaluation.results) result.ref = [evil];
    const page = render(evaluation, 'vi', plan);
    expect(page).not.toMatch(/<script|<img/i);
    expect(strangers(page)).toEqual({ tags: [], attributes: [] });
  });

  it('adds no tag and no attribute of its own for any text in a note, an org, a source or a remark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.string(), (note, org, file) => {
        const evaluation = sampleEvaluation();
        for (const result of evaluation.results) {
          result.remarks = [note];
          if (result.actual !== null) {
            result.actual.notes = [note];
            result.actual.orgs = [org];
            result.actual.sources = [{ file, line: 1 }];
          }
        }
        const page = render(evaluation, 'en');
        expect(strangers(page)).toEqual({ tags: [], attributes: [] });
          }),
      { numRuns: 40 },
    );
  });
});

describe('renderHtml: golden page', () => {
  it('matches the reviewed page (Vietnamese)', async () => {
    await expect(render(sampleEvaluation(), 'vi')).toMatchFileSnapshot('../golden/evaluate-report.vi.html');
  });
});
