import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripAnsi, visibleWidth } from '../../src/report/text-width.js';

/**
 * What visibleWidth means, written the plain way: every character of the text without its
 * escape codes, measured by the Unicode classes text-width.ts names. visibleWidth counts the
 * common letters without the patterns; it must always agree with this.
 */
const COMBINING = /\p{Mn}|\p{Me}|\u200b|\u200c|\u200d|\ufe0e|\ufe0f/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
function referenceWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    if (COMBINING.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

describe('visibleWidth', () => {
  it('counts columns as a terminal shows them', () => {
    expect(visibleWidth('dossiers-e-transfer@2025')).toBe(24);
    expect(visibleWidth('Cải cách hành chính')).toBe(19);
    // The same words typed decomposed: the combining marks take no room.
    expect(visibleWidth('Cải cách hành chính'.normalize('NFD'))).toBe(19);
    expect(visibleWidth('Đắk Lắk')).toBe(7);
    expect(visibleWidth('行政改革')).toBe(8);
    expect(visibleWidth('ok 🙂')).toBe(5);
    expect(visibleWidth('\u001b[31mđã đạt\u001b[39m')).toBe(6);
    expect(visibleWidth('a\tb\u0085c')).toBe(3);
    expect(visibleWidth('')).toBe(0);
  });

  it('agrees with the plain definition on any text', () => {
    const pieces = fc.constantFrom(
      'a', 'Z', ' ', '-', '~', '\u00a0', 'é', 'ơ', 'ư', 'Đ', 'ạ', 'ế', 'ỹ', '\u1e00', '\u1eff', '\u0300', '\u0323', '\u02ff',
      '\u0301', '\u200b', '\ufe0f', '\t', '\n', '\u007f', '\u0085', '\u009f', '行', '한', 'ｱ', '🚀', '🙂', '\u{20000}',
      '\ud800', '\udc00', '\u001b[1m', '\u001b[39m', '\u001b]8;;https://example.org\u0007', '\u001b',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(visibleWidth(text)).toBe(referenceWidth(text));
      }),
      { numRuns: 2000 },
    );
  });
});
