import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth, stripAnsi, visibleWidth } from '../../src/report/text-width.js';

/**
 * What visibleWidth means, written the plain way: the text without its escape codes, measured
 * one character at a time. visibleWidth counts the common letters without looking each one up;
 * it must always agree with this.
 */
function referenceWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += charWidth(char);
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
