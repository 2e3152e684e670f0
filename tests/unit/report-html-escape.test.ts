import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, SafeHtml } from '../../src/report/html/escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text, Vietnamese included, as it is', () => {
    expect(escapeHtml('Cải cách hành chính 80,5% — ✔')).toBe('Cải cách hành chính 80,5% — ✔');
  });

  it('never leaves a raw < > " or \' behind, and & only as the start of an entity', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const out = escapeHtml(text);
        expect(out).not.toMatch(/[<>"']/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
      }),
    );
  });
});

describe('html tag', () => {
  it('escapes interpolated text and numbers, keeps SafeHtml, flattens lists, drops null, undefined and false', () => {
    const note = '<script>alert(1)</script>';
    const out = html`<p title="${note}">${note}${raw('<br>')}${[1, '<', raw('<i>x</i>')]}${null}${undefined}${false}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<br>1&lt;<i>x</i></p>',
    );
  });

  it('nests: a fragment built with the tag is not escaped twice', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>a&amp;b</b></p>');
  });
});
